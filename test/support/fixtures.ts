import type { Article } from '../../src/domain/article.js';
import type { ArticleId, AuthorId, Instant, Slug, SourceId, TaxonomyId, TermId } from '../../src/domain/ids.js';

let counter = 0;
/** Predictable ids for tests: sortable, unique within a run. */
export const testId = (): string => `00000000-0000-7000-8000-${String(++counter).padStart(12, '0')}`;

export const at = (iso: string) => new Date(iso).toISOString() as Instant;

/** An article with sensible defaults; override what the test is about. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  const id = (overrides.id ?? testId()) as ArticleId;
  return {
    id,
    slug: `article-${id.slice(-6)}` as Slug,
    title: 'A test article',
    standfirst: null,
    bodySource: 'Body text.',
    bodyFormat: 'markdown',
    bodyHtml: '<p>Body text.</p>',
    excerpt: 'Body text.',
    language: 'en',
    status: 'published',
    publishedAt: at('2026-01-01T10:00:00Z'),
    createdAt: at('2026-01-01T09:00:00Z'),
    updatedAt: at('2026-01-01T09:00:00Z'),
    authorIds: [],
    termIds: [],
    featureImage: null,
    syndication: null,
    origin: 'editorial',
    inboxState: null,
    contentHash: null,
    ...overrides,
  };
}

export type { AuthorId, SourceId, TaxonomyId, TermId, Slug };
