import type { Article, ArticleOrigin, BodyFormat } from '../domain/article.js';
import type { Source } from '../domain/source.js';
import type { BodyRenderer } from './body-renderer.js';
import { contentFingerprint } from './content-fingerprint.js';
import { AppError } from '../domain/errors.js';
import type { AuthorId, Instant, TermId } from '../domain/ids.js';
import { slugify } from '../domain/slug.js';
import type { Syndication } from '../domain/syndication.js';
import type { ArticleService } from './article-service.js';
import type { AuthorService } from './author-service.js';
import type { Clock, Store } from './ports.js';
import type { SourceService } from './source-service.js';
import type { TaxonomyService } from './taxonomy-service.js';
import type { DuplicateMatch, WireDuplicateService } from './wire-duplicate-service.js';

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
  excerpt?: string | null;
  /** Lead image, absolute URL. */
  imageUrl?: string | null;
  imageAlt?: string | null;
}

/** How an import should land. */
export interface ImportOptions {
  dryRun?: boolean;
  /** Publish at once (trusted sources, explicit CLI imports) or send to the editorial inbox. */
  publish?: boolean;
  origin?: ArticleOrigin;
  /** The source the items come from (a feed's), whose licence terms are attached. */
  source?: Source | null;
}

export interface ImportOutcome {
  /** `already-imported`: the same story (by original URL or content fingerprint) is stored already. */
  status: 'imported' | 'already-imported' | 'would-import';
  article: Pick<Article, 'id' | 'slug' | 'title' | 'publishedAt' | 'createdAt'> | null;
  /** Problems that did not stop the import (an unknown taxonomy label, say). */
  warnings: string[];
  /** Why an `already-imported` story was recognised: its original URL, its headline and words, or its body alone (another source's headline). */
  duplicateOf?: 'original-url' | 'content-fingerprint' | 'same-body';
  /** For a stored story: its wire-duplicate cluster and the stored stories it nearly duplicates ("also from …"). */
  cluster?: { id: string; nearDuplicates: DuplicateMatch[] };
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
    bodies: BodyRenderer;
    /** Near- and exact-duplicate detection by text; without it only URL and fingerprint matches count. */
    duplicates?: WireDuplicateService;
  }) {}

  async importDraft(draft: ImportDraft, options: ImportOptions = {}): Promise<ImportOutcome> {
    const { store, taxonomies } = this.deps;
    const title = draft.title.trim();
    if (!title) throw new AppError('IMPORT_UNPARSEABLE', 'The imported article has no title.');
    const now = this.deps.clock.now();
    const publishedAt = toInstant(draft.publishedAt);
    const warnings: string[] = [];
    const publish = options.publish ?? true;

    // The same story keeps one copy: found by its original URL, or by the fingerprint of its words.
    const existing = await this.findSame(draft, title);
    if (existing) return { status: 'already-imported', article: existing.article, warnings, duplicateOf: existing.reason };

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
      return { status: 'would-import', article: { id: '' as Article['id'], slug: slugify(title), title, publishedAt: publishedAt ?? now, createdAt: now }, warnings };
    }

    let cluster: ImportOutcome['cluster'];
    const article = await store.transaction(async (tx) => {
      const authorIds: AuthorId[] = [];
      for (const name of draft.authors) authorIds.push((await this.deps.authors.findOrCreate(name, {}, tx)).id);
      const termIds: TermId[] = [];
      for (const { taxonomyId, name } of termPlan) termIds.push((await taxonomies.findOrCreateTerm(taxonomyId, name, tx)).id);
      const syndication = await this.syndicationOf(draft, options.source ?? null, tx);
      const created = await this.deps.articles.create({
        title, standfirst: draft.standfirst ?? null, body: draft.body, bodyFormat: draft.bodyFormat, language: draft.language ?? null,
        excerpt: draft.excerpt ?? null,
        featureImage: draft.imageUrl ? { url: draft.imageUrl, alt: draft.imageAlt ?? '', caption: null, credit: draft.original.publisher } : null,
        authorIds, termIds, syndication,
        // An inbox item keeps its original date for display but stays a draft until an editor publishes it.
        status: publish ? 'published' : 'draft',
        publishedAt: publish ? (publishedAt && publishedAt <= now ? publishedAt : now) : publishedAt,
        origin: options.origin ?? 'import',
        inboxState: publish ? null : 'pending',
      }, tx);
      const recorded = await this.deps.duplicates?.record(created, tx);
      if (recorded) cluster = { id: recorded.clusterId, nearDuplicates: recorded.duplicates };
      return created;
    });
    return { status: 'imported', article, warnings, ...(cluster ? { cluster } : {}) };
  }

  private async findSame(draft: ImportDraft, title: string): Promise<{ article: Article; reason: NonNullable<ImportOutcome['duplicateOf']> } | null> {
    const { store } = this.deps;
    if (draft.original.url) {
      const byUrl = await store.articles.findByOriginalUrl(draft.original.url);
      if (byUrl) return { article: byUrl, reason: 'original-url' };
    }
    const text = this.deps.bodies.toPlainText(this.deps.bodies.toSafeHtml(draft.body, draft.bodyFormat));
    const byFingerprint = await store.articles.findByContentHash(contentFingerprint(title, text));
    if (byFingerprint) return { article: byFingerprint, reason: 'content-fingerprint' };
    const sameBodyId = await this.deps.duplicates?.findExactBody(text);
    const sameBody = sameBodyId ? await store.articles.getById(sameBodyId) : null;
    return sameBody ? { article: sameBody, reason: 'same-body' } : null;
  }

  private async syndicationOf(draft: ImportDraft, feedSource: Source | null, tx: Store): Promise<Syndication | null> {
    const { original } = draft;
    if (!original.publisher && !original.url && !feedSource) return null;
    // The page's own credit wins; a feed's source stands in when the item names none.
    const source = original.publisher ? await this.deps.sources.findOrCreate(original.publisher, {}, tx) : feedSource;
    return {
      sourceId: source?.id ?? null,
      originalPublisher: original.publisher ?? source?.name ?? null,
      originalUrl: original.url,
      originalAuthor: original.author ?? null,
      originalPublishedAt: toInstant(original.publishedAt),
      copyrightHolder: original.publisher ?? source?.name ?? null,
      copyrightLine: draft.copyrightLine ?? source?.defaultCopyrightLine ?? null,
      licence: draft.licence ?? source?.defaultLicence ?? null,
      searchPolicy: source?.defaultSearchPolicy ?? 'noindex',
    };
  }
}
