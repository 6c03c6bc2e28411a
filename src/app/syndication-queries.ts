import { articlePath, type Article } from '../domain/article.js';
import type { Author } from '../domain/author.js';
import type { Instant, Slug } from '../domain/ids.js';
import type { SiteSettings } from '../domain/site-settings.js';
import type { Source } from '../domain/source.js';
import { decideIndexing } from '../domain/syndication.js';
import { ancestry, descendantIds, type Taxonomy, type Term } from '../domain/taxonomy.js';
import { articleViewTags, loadArticleViews } from './article-views.js';
import { tags, type CacheTag } from './content-events.js';
import type { ArticleFilter, ArticleOrder, Clock, Store } from './ports.js';
import type { ArchiveSubject, ArticleView } from './public-site.js';
import type { SettingsService } from './settings-service.js';
import type { SiteDirectory } from './site-directory.js';
import type { TaxonomyService } from './taxonomy-service.js';
import { chunksOf } from '../domain/chunks.js';

/** Which articles a feed carries: the whole site, or one archive. */
export type FeedScope =
  | { kind: 'site' }
  | { kind: 'term'; taxonomySlug: string; termSlug: string }
  | { kind: 'author'; slug: Slug }
  | { kind: 'source'; slug: Slug };

export type FeedSubject = { kind: 'site' } | ArchiveSubject;

/** Whether feed items carry the whole article or only its summary. */
export type FeedContentMode = 'full' | 'summary';

export interface FeedData {
  settings: SiteSettings;
  subject: FeedSubject;
  /** Newest first. */
  items: ArticleView[];
  content: FeedContentMode;
  now: Instant;
  tags: CacheTag[];
}

/** A page a sitemap lists; render/ turns it into a URL. */
export type SitemapLocation =
  | { kind: 'article'; path: string }
  | { kind: 'home' }
  | { kind: 'taxonomy'; taxonomy: Taxonomy }
  | { kind: 'term'; taxonomy: Taxonomy; term: Term }
  | { kind: 'author-directory' }
  | { kind: 'author'; author: Author }
  | { kind: 'source-directory' }
  | { kind: 'source'; source: Source };

export interface SitemapEntry {
  location: SitemapLocation;
  lastmod: Instant | null;
}

/** One sitemap file named in the index: `articles-N`, `archives-N` or `news`. */
export type SitemapRef = ({ kind: 'articles' | 'archives'; number: number } | { kind: 'news' }) & { lastmod: Instant | null };

export interface SitemapIndexData {
  settings: SiteSettings;
  sitemaps: SitemapRef[];
  /** The news sitemap's lastmod in it changes when its oldest entry ages out. */
  expiresAt: Instant | null;
  tags: CacheTag[];
}

export interface SitemapData {
  settings: SiteSettings;
  entries: SitemapEntry[];
  tags: CacheTag[];
}

export interface NewsEntry {
  path: string;
  title: string;
  language: string;
  publishedAt: Instant;
}

export interface NewsSitemapData {
  settings: SiteSettings;
  entries: NewsEntry[];
  /** When the oldest entry leaves the 48-hour window; the document must be rebuilt then even if nothing was edited. */
  expiresAt: Instant | null;
  tags: CacheTag[];
}

export interface SyndicationQueriesDeps {
  store: Store;
  clock: Clock;
  settings: SettingsService;
  taxonomies: TaxonomyService;
  directory: SiteDirectory;
  /** URLs per sitemap file; the protocol allows 50,000. Tests pass a small number to see the split. */
  sitemapSize?: number;
  /** Articles read per query while building sitemaps, so memory stays flat however many articles there are. */
  scanPageSize?: number;
}

/** The sitemaps protocol's limit of URLs per file. */
export const maxSitemapUrls = 50_000;
/** Google News reads only articles of the last two days, at most 1,000 of them. */
export const newsWindowMs = 48 * 60 * 60 * 1000;
export const maxNewsEntries = 1_000;

/** How many items a feed carries: the site's page size, kept within 20–50. */
export function feedSize(pageSize: number): number {
  return Math.min(50, Math.max(20, pageSize));
}

/** The feed content setting, read defensively until `SiteSettings` declares it. */
export function feedContentOf(settings: SiteSettings): FeedContentMode {
  return (settings as { feedContent?: string }).feedContent === 'summary' ? 'summary' : 'full';
}

/**
 * True when search engines should index this site's copy, so sitemaps may list it. A copy that
 * is noindexed or names the original as canonical must stay out: a sitemap URL is a request to
 * index that URL as canonical, which would contradict the page's own signals.
 */
export function isSitemapIndexable(article: Pick<Article, 'slug' | 'publishedAt' | 'createdAt' | 'syndication'>): boolean {
  const own = articlePath(article);
  const decision = decideIndexing(own, article.syndication);
  return decision.robots === 'index, follow' && decision.canonicalUrl === own;
}

/** When an article last changed, for `lastmod`/`updated`: never earlier than its publication. */
export function lastChangeOf(article: Pick<Article, 'updatedAt' | 'publishedAt'>): Instant {
  return article.publishedAt && article.publishedAt > article.updatedAt ? article.publishedAt : article.updatedAt;
}

/** Read-side queries for feeds, sitemaps and robots.txt. Nothing here writes. */
export class SyndicationQueries {
  private readonly sitemapSize: number;
  private readonly scanPageSize: number;

  constructor(private readonly deps: SyndicationQueriesDeps) {
    this.sitemapSize = Math.min(maxSitemapUrls, Math.max(1, deps.sitemapSize ?? maxSitemapUrls));
    this.scanPageSize = Math.max(1, deps.scanPageSize ?? 1_000);
  }

  /** The newest visible articles of the site or of one archive; null when the archive does not exist. */
  async feed(scope: FeedScope): Promise<FeedData | null> {
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.get();
    const resolved = await this.resolveScope(scope, now);
    if (!resolved) return null;
    const articles = await this.deps.store.articles.listVisible(resolved.filter, { offset: 0, limit: feedSize(settings.pageSize) });
    const items = await loadArticleViews(this.deps, articles);
    return {
      settings, subject: resolved.subject, items, content: feedContentOf(settings), now,
      tags: [tags.settings, tags.taxonomy, ...resolved.tags, ...items.flatMap(articleViewTags)],
    };
  }

  /** The site settings robots.txt needs. */
  async robots(): Promise<{ settings: SiteSettings; tags: CacheTag[] }> {
    return { settings: await this.deps.settings.get(), tags: [tags.settings] };
  }

  /**
   * Every sitemap with its lastmod. Article sitemaps hold visible articles in publication order,
   * oldest first, so `articles-1` stays stable and new stories only touch the last one. One pass
   * over the articles, a page at a time, finds each file's lastmod; a file whose every article is
   * kept out of search would be empty and is left out.
   */
  async sitemapIndex(): Promise<SitemapIndexData> {
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.get();
    const articleLastmods: (Instant | null)[] = [];
    let position = 0;
    for await (const article of this.scan({ now }, 0, Number.POSITIVE_INFINITY, oldestFirst)) {
      const chunk = Math.floor(position++ / this.sitemapSize);
      if (isSitemapIndexable(article)) articleLastmods[chunk] = latest(articleLastmods[chunk] ?? null, lastChangeOf(article));
    }
    const archives = await this.archiveEntries(now);
    const archiveChunks = chunksOf(archives, this.sitemapSize);
    const news = await this.newsSitemap();
    const sitemaps: SitemapRef[] = [
      ...archiveChunks.map((entries, i) => ({ kind: 'archives' as const, number: i + 1, lastmod: entries.reduce<Instant | null>((a, e) => latest(a, e.lastmod), null) })),
      ...articleLastmods.flatMap((lastmod, i) => (lastmod ? [{ kind: 'articles' as const, number: i + 1, lastmod }] : [])),
      { kind: 'news', lastmod: news.entries.reduce<Instant | null>((a, e) => latest(a, e.publishedAt), null) },
    ];
    return { settings, sitemaps, expiresAt: news.expiresAt, tags: [...new Set([...archiveTags, ...news.tags])] };
  }

  /** Article sitemap number `n` (1 = oldest articles); null when out of range or empty. */
  async articleSitemap(n: number): Promise<SitemapData | null> {
    if (!Number.isInteger(n) || n < 1) return null;
    const now = this.deps.clock.now();
    const entries: SitemapEntry[] = [];
    for await (const article of this.scan({ now }, (n - 1) * this.sitemapSize, n * this.sitemapSize, oldestFirst)) {
      if (isSitemapIndexable(article)) entries.push({ location: { kind: 'article', path: articlePath(article) }, lastmod: lastChangeOf(article) });
    }
    // Past the last article, or a block whose every article is kept out of search: not listed in the index either.
    if (entries.length === 0) return null;
    return { settings: await this.deps.settings.get(), entries, tags: [tags.settings, tags.homeList] };
  }

  /** Archive sitemap number `n`: home, taxonomy, term, author and source pages that have articles. */
  async archiveSitemap(n: number): Promise<SitemapData | null> {
    const all = await this.archiveEntries(this.deps.clock.now());
    const entries = chunksOf(all, this.sitemapSize)[n - 1];
    if (!Number.isInteger(n) || !entries) return null;
    return { settings: await this.deps.settings.get(), entries, tags: archiveTags };
  }

  /** Indexable articles published in the last 48 hours, newest first (Google News sitemap). */
  async newsSitemap(): Promise<NewsSitemapData> {
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.get();
    const cutoff = new Date(Date.parse(now) - newsWindowMs).toISOString() as Instant;
    const entries: NewsEntry[] = [];
    let expiresAt: Instant | null = null;
    for await (const article of this.scan({ now, publishedAfter: cutoff }, 0, Number.POSITIVE_INFINITY)) {
      if (entries.length >= maxNewsEntries) break;
      if (!isSitemapIndexable(article)) continue;
      const publishedAt = article.publishedAt ?? article.createdAt;
      entries.push({ path: articlePath(article), title: article.title, language: article.language || settings.language, publishedAt });
      const leaves = new Date(Date.parse(publishedAt) + newsWindowMs).toISOString() as Instant;
      if (!expiresAt || leaves < expiresAt) expiresAt = leaves;
    }
    return { settings, entries, expiresAt, tags: [tags.settings, tags.homeList] };
  }

  private async resolveScope(scope: FeedScope, now: Instant): Promise<{ subject: FeedSubject; filter: ArticleFilter; tags: CacheTag[] } | null> {
    switch (scope.kind) {
      case 'site':
        return { subject: { kind: 'site' }, filter: { now }, tags: [tags.homeList] };
      case 'term': {
        const index = await this.deps.taxonomies.index();
        const taxonomy = index.taxonomyBySlug(scope.taxonomySlug);
        const term = taxonomy && index.termBySlug(taxonomy.id, scope.termSlug);
        if (!taxonomy || !term) return null;
        return {
          subject: { kind: 'term', taxonomy, term, trail: ancestry(index.terms, term.id), children: index.terms.filter((t) => t.parentId === term.id) },
          filter: { now, termIds: descendantIds(index.terms, term.id) },
          tags: [tags.term(term.id), tags.termList(term.id)],
        };
      }
      case 'author': {
        const author = await this.deps.store.authors.getBySlug(scope.slug);
        if (!author) return null;
        return { subject: { kind: 'author', author }, filter: { now, authorId: author.id }, tags: [tags.author(author.id), tags.authorList(author.id)] };
      }
      case 'source': {
        const source = await this.deps.store.sources.getBySlug(scope.slug);
        if (!source) return null;
        return { subject: { kind: 'source', source }, filter: { now, sourceId: source.id }, tags: [tags.source(source.id), tags.sourceList(source.id)] };
      }
    }
  }

  /**
   * Every archive page worth crawling, with the publication time of its newest article. Archives
   * without visible articles are left out: an empty listing is not worth a crawler's visit.
   */
  private async archiveEntries(now: Instant): Promise<SitemapEntry[]> {
    const [index, authors, sources] = await Promise.all([this.deps.taxonomies.index(), this.deps.store.authors.list(), this.deps.store.sources.list()]);
    const newest = async (filter: ArticleFilter): Promise<Instant | null> => {
      const [article] = await this.deps.store.articles.listVisible(filter, { offset: 0, limit: 1 });
      return article ? (article.publishedAt ?? article.createdAt) : null;
    };
    const home = await newest({ now });
    const entries: SitemapEntry[] = [{ location: { kind: 'home' }, lastmod: home }];
    for (const taxonomy of index.taxonomies) {
      const terms = await mapLimit(index.termsOf(taxonomy.id), 8, async (term) => ({ term, lastmod: await newest({ now, termIds: descendantIds(index.terms, term.id) }) }));
      const used = terms.filter((t): t is { term: Term; lastmod: Instant } => t.lastmod !== null);
      if (used.length === 0) continue;
      entries.push({ location: { kind: 'taxonomy', taxonomy }, lastmod: used.reduce<Instant | null>((a, t) => latest(a, t.lastmod), null) });
      for (const { term, lastmod } of used) entries.push({ location: { kind: 'term', taxonomy, term }, lastmod });
    }
    const authorEntries = (await mapLimit(authors, 8, async (author) => ({ location: { kind: 'author' as const, author }, lastmod: await newest({ now, authorId: author.id }) })))
      .filter((e) => e.lastmod !== null);
    if (authorEntries.length) entries.push({ location: { kind: 'author-directory' }, lastmod: null }, ...authorEntries);
    const sourceEntries = (await mapLimit(sources, 8, async (source) => ({ location: { kind: 'source' as const, source }, lastmod: await newest({ now, sourceId: source.id }) })))
      .filter((e) => e.lastmod !== null);
    if (sourceEntries.length) entries.push({ location: { kind: 'source-directory' }, lastmod: null }, ...sourceEntries);
    return entries;
  }

  /** Visible articles at offsets [from, to) of `order` (newest first by default), fetched `scanPageSize` at a time. */
  private async *scan(filter: ArticleFilter, from: number, to: number, order?: ArticleOrder): AsyncGenerator<Article> {
    for (let offset = from; offset < to; offset += this.scanPageSize) {
      const limit = Math.min(this.scanPageSize, to - offset);
      const page = await this.deps.store.articles.listVisible(filter, { offset, limit, ...(order ? { order } : {}) });
      yield* page;
      if (page.length < limit) return;
    }
  }
}

/** Publication order, oldest first: sitemap files then keep their contents as new articles arrive. */
const oldestFirst: ArticleOrder = { field: 'published_at', direction: 'asc' };

/** Everything an archive sitemap (and so the index) shows: terms, authors, sources and any article change. */
const archiveTags: CacheTag[] = [tags.settings, tags.taxonomy, tags.homeList, tags.authorDirectory, tags.sourceDirectory];

function latest(a: Instant | null, b: Instant | null): Instant | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** Maps with at most `limit` calls in flight, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
