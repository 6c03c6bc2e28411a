import type { Article, BodyFormat } from '../domain/article.js';
import { AppError } from '../domain/errors.js';
import type { AuthorId, Instant, TermId } from '../domain/ids.js';
import { slugify } from '../domain/slug.js';
import type { Syndication } from '../domain/syndication.js';
import type { ArticleService } from './article-service.js';
import type { AuthorService } from './author-service.js';
import type { Clock, Store } from './ports.js';
import type { SourceService } from './source-service.js';
import type { TaxonomyService } from './taxonomy-service.js';

/** An article as an importer found it, before it is matched to the site's authors, sources and terms. */
export interface ImportDraft {
  title: string;
  authors: string[];
  /** ISO date (YYYY-MM-DD) or instant. */
  publishedAt: string | null;
  language?: string | null;
  standfirst?: string | null;
  body: string;
  bodyFormat: BodyFormat;
  /** Terms by taxonomy name as the page labels them ("Region", "Theme"). */
  terms: { taxonomy: string; names: string[] }[];
  original: { publisher: string | null; url: string | null; publishedAt: string | null; author?: string | null };
  copyrightLine: string | null;
  licence?: string | null;
}

export interface ImportOutcome {
  status: 'imported' | 'already-imported' | 'would-import';
  article: Pick<Article, 'id' | 'slug' | 'title' | 'publishedAt' | 'createdAt'> | null;
  /** Problems that did not stop the import (an unknown taxonomy label, say). */
  warnings: string[];
}

/**
 * A date without a time is stored at noon UTC so it shows as the same calendar day in every
 * time zone from UTC−11 to UTC+11.
 */
export function toInstant(value: string | null): Instant | null {
  if (!value) return null;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00.000Z` : value;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : (date.toISOString() as Instant);
}

/** Turns import drafts into published articles with their attribution, in one transaction each. */
export class ImportService {
  constructor(private readonly deps: {
    store: Store; clock: Clock; articles: ArticleService; authors: AuthorService; sources: SourceService; taxonomies: TaxonomyService;
  }) {}

  async importDraft(draft: ImportDraft, options: { dryRun?: boolean } = {}): Promise<ImportOutcome> {
    const { store, taxonomies } = this.deps;
    const title = draft.title.trim();
    if (!title) throw new AppError('IMPORT_UNPARSEABLE', 'The imported article has no title.');
    const publishedAt = toInstant(draft.publishedAt) ?? this.deps.clock.now();
    const warnings: string[] = [];

    // The same story imported twice keeps one copy: same slug, same title, same publication day.
    const existing = await store.articles.getBySlug(slugify(title));
    if (existing && existing.title === title && existing.publishedAt?.slice(0, 10) === publishedAt.slice(0, 10)) {
      return { status: 'already-imported', article: existing, warnings };
    }

    const index = await taxonomies.index();
    const termPlan: { taxonomyId: (typeof index.taxonomies)[number]['id']; name: string }[] = [];
    for (const group of draft.terms) {
      const taxonomy = index.taxonomyByName(group.taxonomy);
      if (!taxonomy) {
        warnings.push(`The site has no taxonomy called "${group.taxonomy}"; its terms (${group.names.join(', ')}) were not applied.`);
        continue;
      }
      for (const name of group.names) termPlan.push({ taxonomyId: taxonomy.id, name });
    }

    if (options.dryRun) {
      return { status: 'would-import', article: { id: '' as Article['id'], slug: slugify(title), title, publishedAt, createdAt: publishedAt }, warnings };
    }

    const article = await store.transaction(async (tx) => {
      const authorIds: AuthorId[] = [];
      for (const name of draft.authors) authorIds.push((await this.deps.authors.findOrCreate(name, {}, tx)).id);
      const termIds: TermId[] = [];
      for (const { taxonomyId, name } of termPlan) termIds.push((await taxonomies.findOrCreateTerm(taxonomyId, name, tx)).id);
      const syndication = await this.syndicationOf(draft, tx);
      return this.deps.articles.create({
        title, standfirst: draft.standfirst ?? null, body: draft.body, bodyFormat: draft.bodyFormat, language: draft.language ?? null,
        authorIds, termIds, syndication, status: 'published', publishedAt,
      }, tx);
    });
    return { status: 'imported', article, warnings };
  }

  private async syndicationOf(draft: ImportDraft, tx: Store): Promise<Syndication | null> {
    const { original } = draft;
    if (!original.publisher && !original.url) return null;
    const source = original.publisher ? await this.deps.sources.findOrCreate(original.publisher, {}, tx) : null;
    return {
      sourceId: source?.id ?? null,
      originalPublisher: original.publisher,
      originalUrl: original.url,
      originalAuthor: original.author ?? null,
      originalPublishedAt: toInstant(original.publishedAt),
      copyrightHolder: original.publisher,
      copyrightLine: draft.copyrightLine ?? source?.defaultCopyrightLine ?? null,
      licence: draft.licence ?? source?.defaultLicence ?? null,
      searchPolicy: source?.defaultSearchPolicy ?? 'noindex',
    };
  }
}
