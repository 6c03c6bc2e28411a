import type { Article, ArticleOrigin, ArticleStatus, BodyFormat, FeatureImage, InboxState } from '../domain/article.js';
import type { ArticleId, AuthorId, Instant, Slug, SourceId, TermId } from '../domain/ids.js';
import type { SearchPolicy } from '../domain/syndication.js';
import type { ArticleTable } from './schema.js';

/**
 * Every column the article mapping reads but the source and the HTML body: what a search result
 * shows. Both are as long as the article; a page of hits needs neither (hits found in the body
 * read it apart, for their snippet).
 */
export const articleSummaryColumns = [
  'id', 'slug', 'title', 'standfirst', 'body_format', 'excerpt', 'language', 'status', 'published_at',
  'created_at', 'updated_at', 'feature_image', 'syndicated', 'source_id', 'original_publisher', 'original_url',
  'original_author', 'original_published_at', 'copyright_holder', 'copyright_line', 'licence', 'search_policy',
  'origin', 'inbox_state', 'content_hash',
] as const satisfies readonly (keyof ArticleTable)[];

// Fails to compile when ArticleTable gains a column the mapping reads and the list above lacks.
const coversEveryMappedColumn: Exclude<keyof ArticleTable, (typeof articleSummaryColumns)[number] | 'body_source' | 'body_html' | 'version' | 'created_by' | 'unpublished_policy' | 'redirect_to'> extends never ? true : never = true;
void coversEveryMappedColumn;

/** A row read with `articleSummaryColumns`. */
export type ArticleSummaryRow = Pick<ArticleTable, (typeof articleSummaryColumns)[number]>;

/**
 * rowToArticle for a row read without the source and the body. Built directly, not by copying
 * the row and then the article without two fields: each search hit goes through it, on the search
 * threads.
 */
export function rowToArticleSummary(r: ArticleSummaryRow, authorIds: AuthorId[], termIds: TermId[]): Omit<Article, 'bodySource' | 'bodyHtml'> {
  return {
    id: r.id as ArticleId, slug: r.slug as Slug, title: r.title, standfirst: r.standfirst,
    bodyFormat: r.body_format as BodyFormat, excerpt: r.excerpt,
    ...articleFieldsAfterBody(r, authorIds, termIds),
  };
}

/** Maps a domain article to its row; links to authors and terms live in their own tables. */
export function articleToRow(a: Article): ArticleTable {
  const s = a.syndication;
  return {
    id: a.id, slug: a.slug, title: a.title, standfirst: a.standfirst,
    body_source: a.bodySource, body_format: a.bodyFormat, body_html: a.bodyHtml, excerpt: a.excerpt, language: a.language,
    status: a.status, published_at: a.publishedAt, created_at: a.createdAt, updated_at: a.updatedAt,
    feature_image: a.featureImage ? JSON.stringify(a.featureImage) : null,
    syndicated: s ? 1 : 0,
    source_id: s?.sourceId ?? null, original_publisher: s?.originalPublisher ?? null, original_url: s?.originalUrl ?? null,
    original_author: s?.originalAuthor ?? null, original_published_at: s?.originalPublishedAt ?? null,
    copyright_holder: s?.copyrightHolder ?? null, copyright_line: s?.copyrightLine ?? null, licence: s?.licence ?? null,
    search_policy: s?.searchPolicy ?? null,
    origin: a.origin, inbox_state: a.inboxState, content_hash: a.contentHash,
  };
}

/** Maps a row and its ordered links back to a domain article. */
export function rowToArticle(r: ArticleTable, authorIds: AuthorId[], termIds: TermId[]): Article {
  return {
    id: r.id as ArticleId, slug: r.slug as Slug, title: r.title, standfirst: r.standfirst,
    bodySource: r.body_source, bodyFormat: r.body_format as BodyFormat, bodyHtml: r.body_html, excerpt: r.excerpt,
    ...articleFieldsAfterBody(r, authorIds, termIds),
  };
}

/** The fields both mappings share: everything from the language on. */
function articleFieldsAfterBody(r: ArticleSummaryRow, authorIds: AuthorId[], termIds: TermId[]): Omit<Article, 'id' | 'slug' | 'title' | 'standfirst' | 'bodySource' | 'bodyFormat' | 'bodyHtml' | 'excerpt'> {
  return {
    language: r.language, status: r.status as ArticleStatus, publishedAt: r.published_at as Instant | null,
    createdAt: r.created_at as Instant, updatedAt: r.updated_at as Instant,
    authorIds, termIds,
    featureImage: r.feature_image ? (JSON.parse(r.feature_image) as FeatureImage) : null,
    syndication: Number(r.syndicated)
      ? {
          sourceId: r.source_id as SourceId | null, originalPublisher: r.original_publisher, originalUrl: r.original_url,
          originalAuthor: r.original_author, originalPublishedAt: r.original_published_at as Instant | null,
          copyrightHolder: r.copyright_holder, copyrightLine: r.copyright_line, licence: r.licence,
          searchPolicy: (r.search_policy ?? 'noindex') as SearchPolicy,
        }
      : null,
    origin: r.origin as ArticleOrigin,
    inboxState: r.inbox_state as InboxState | null,
    contentHash: r.content_hash,
  };
}
