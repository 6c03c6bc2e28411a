import { z } from 'zod';
import type { ArticleChanges } from '../../app/article-service.js';
import type { Article } from '../../domain/article.js';
import { AppError } from '../../domain/errors.js';
import type { AuthorId, Instant, SourceId, TermId } from '../../domain/ids.js';
import type { Source } from '../../domain/source.js';
import { searchPolicies, type Syndication } from '../../domain/syndication.js';

const text = (max: number) => z.string().max(max).optional().default('').transform((s) => s.trim());
/** Forms send one value as a string and several as an array; JSON sends arrays. */
const ids = z.union([z.string(), z.array(z.string())]).optional().default([])
  .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean));

/**
 * The editor's fields, flat, with the same names in the HTML form and in the Admin API's JSON:
 * one schema validates both.
 */
export const articleFieldsSchema = z.object({
  title: text(500),
  slug: text(200),
  standfirst: text(2000),
  excerpt: text(2000),
  body: z.string().max(2_000_000).optional().default(''),
  authorIds: ids,
  termIds: ids,
  featureImageUrl: text(2000),
  featureImageAlt: text(500),
  featureImageCaption: text(1000),
  featureImageCredit: text(500),
  sourceId: text(100),
  originalPublisher: text(300),
  originalUrl: text(2000),
  originalAuthor: text(300),
  originalPublishedAt: text(40),
  copyrightLine: text(500),
  licence: text(1000),
  searchPolicy: z.union([z.enum(searchPolicies), z.literal('')]).optional().default(''),
});
export type ArticleFields = z.infer<typeof articleFieldsSchema>;

/** A date (YYYY-MM-DD), a local date-time from a form (read as UTC) or a full ISO instant; null when empty. */
export function parseInstant(value: string, field: string): Instant | null {
  if (!value) return null;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value}Z` : value;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new AppError('INVALID_INPUT', `"${value}" is not a date; use YYYY-MM-DD or a full date and time.`, { details: { field } });
  return new Date(time).toISOString() as Instant;
}

function httpUrl(value: string, field: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  throw new AppError('INVALID_INPUT', `"${value}" is not a web address (http or https).`, { details: { field } });
}

/**
 * The save the fields ask for. A chosen source fills what the editor left empty with its defaults
 * (publisher, copyright line, licence, search policy), so the attribution is never half done.
 */
export function changesFromFields(fields: ArticleFields, sources: readonly Source[]): ArticleChanges {
  const source = fields.sourceId ? sources.find((s) => s.id === fields.sourceId) : undefined;
  if (fields.sourceId && !source) throw new AppError('SOURCE_NOT_FOUND', 'The chosen source does not exist any more; pick another.', { details: { field: 'sourceId' } });
  const republished = !!(source || fields.originalPublisher || fields.originalUrl || fields.originalAuthor || fields.originalPublishedAt || fields.copyrightLine || fields.licence);
  const syndication: Syndication | null = republished ? {
    sourceId: (source?.id ?? null) as SourceId | null,
    originalPublisher: fields.originalPublisher || source?.name || null,
    originalUrl: httpUrl(fields.originalUrl, 'originalUrl'),
    originalAuthor: fields.originalAuthor || null,
    originalPublishedAt: parseInstant(fields.originalPublishedAt, 'originalPublishedAt'),
    copyrightHolder: null,
    copyrightLine: fields.copyrightLine || source?.defaultCopyrightLine || null,
    licence: fields.licence || source?.defaultLicence || null,
    searchPolicy: fields.searchPolicy || source?.defaultSearchPolicy || 'noindex',
  } : null;
  const imageUrl = httpUrl(fields.featureImageUrl, 'featureImageUrl');
  return {
    title: fields.title, slug: fields.slug || null, standfirst: fields.standfirst || null, body: fields.body, bodyFormat: 'html',
    excerpt: fields.excerpt || null,
    authorIds: fields.authorIds as AuthorId[], termIds: fields.termIds as TermId[],
    featureImage: imageUrl ? { url: imageUrl, alt: fields.featureImageAlt, caption: fields.featureImageCaption || null, credit: fields.featureImageCredit || null } : null,
    syndication,
  };
}

/** The fields that show an article in the editor. Markdown bodies (imports, demo) open as their HTML. */
export function fieldsOf(article: Article): ArticleFields {
  const s = article.syndication;
  const image = article.featureImage;
  return {
    title: article.title, slug: article.slug, standfirst: article.standfirst ?? '', excerpt: article.excerpt ?? '',
    body: article.bodyFormat === 'html' ? article.bodySource : article.bodyHtml,
    authorIds: [...article.authorIds], termIds: [...article.termIds],
    featureImageUrl: image?.url ?? '', featureImageAlt: image?.alt ?? '', featureImageCaption: image?.caption ?? '', featureImageCredit: image?.credit ?? '',
    sourceId: s?.sourceId ?? '', originalPublisher: s?.originalPublisher ?? '', originalUrl: s?.originalUrl ?? '', originalAuthor: s?.originalAuthor ?? '',
    originalPublishedAt: s?.originalPublishedAt?.slice(0, 10) ?? '', copyrightLine: s?.copyrightLine ?? '', licence: s?.licence ?? '',
    searchPolicy: s?.searchPolicy ?? '',
  };
}

export const emptyFields: ArticleFields = articleFieldsSchema.parse({});
