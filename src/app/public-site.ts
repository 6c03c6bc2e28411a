import type { Article } from '../domain/article.js';
import type { Author } from '../domain/author.js';
import type { UnpublishPolicy } from '../domain/editorial.js';
import type { ArticleId, Slug } from '../domain/ids.js';
import { paginate, type PageInfo } from '../domain/pagination.js';
import type { SiteSettings } from '../domain/site-settings.js';
import type { Source } from '../domain/source.js';
import type { MediaItem } from '../domain/media.js';
import { ancestry, descendantIds, type Taxonomy, type Term } from '../domain/taxonomy.js';
import { isVisible } from '../domain/article.js';
import { articleViewTags, loadArticleViews } from './article-views.js';
import { tags, type CacheTag } from './content-events.js';
import type { ArticleFilter, ArticleOrder, ArticleSummary, ArticleWithoutSource, Clock, Store } from './ports.js';
import type { SettingsService } from './settings-service.js';
import type { SiteDirectory } from './site-directory.js';
import type { TaxonomyIndex, TaxonomyService } from './taxonomy-service.js';

/** An article with everything a page needs to show about it. */
/** `A`: the article as loaded; pages have its HTML body, search results only its summary. */
export interface ArticleView<A extends ArticleSummary = ArticleWithoutSource> {
  /** Without its source: views render the HTML body. */
  article: A;
  authors: Author[];
  taxonomies: { taxonomy: Taxonomy; terms: Term[] }[];
  source: Source | null;
  /** The library item behind the feature image, when it is one (pages then offer responsive renditions). */
  featureMedia?: MediaItem | null;
  /** Library items the body shows in `<img>` tags (pages then offer their responsive renditions). */
  bodyMedia?: MediaItem[];
}

export interface ListingView {
  items: ArticleView[];
  page: PageInfo;
}

/** What every page gets besides its own content. */
export interface SiteFrame {
  settings: SiteSettings;
  taxonomies: { taxonomy: Taxonomy; topTerms: Term[] }[];
}

export type ArchiveSubject =
  | { kind: 'term'; taxonomy: Taxonomy; term: Term; trail: Term[]; children: Term[] }
  | { kind: 'author'; author: Author }
  | { kind: 'source'; source: Source };

/** What a page shows, and the cache tags that make it stale. */
export interface PageData<T> {
  frame: SiteFrame;
  content: T;
  tags: CacheTag[];
}

/** Read-side queries for the public site. Nothing here writes. */
export class PublicSite {
  constructor(private readonly deps: { store: Store; clock: Clock; settings: SettingsService; taxonomies: TaxonomyService; directory: SiteDirectory }) {}

  /**
   * What every page shows around its content. The same object while the settings and the
   * taxonomy index stay the same objects (both services replace theirs on a change), so renderers
   * can keep what they derive from it (the layout's header and footer) keyed on the frame.
   */
  async frame(): Promise<SiteFrame> {
    const [settings, index] = await Promise.all([this.deps.settings.get(), this.deps.taxonomies.index()]);
    const last = this.lastFrame;
    if (last && last.settings === settings && last.index === index) return last.frame;
    const frame: SiteFrame = Object.freeze({
      settings,
      taxonomies: index.taxonomies.map((taxonomy) => ({
        taxonomy,
        topTerms: index.termsOf(taxonomy.id).filter((t) => t.parentId === null),
      })),
    });
    this.lastFrame = { settings, index, frame };
    return frame;
  }

  private lastFrame: { settings: SiteSettings; index: TaxonomyIndex; frame: SiteFrame } | null = null;

  /** The newest articles. `page` beyond the end yields an empty listing the caller redirects. */
  async home(page: number): Promise<PageData<ListingView>> {
    const frame = await this.frame();
    const listing = await this.listing({ now: this.deps.clock.now() }, page, frame.settings.pageSize);
    return { frame, content: listing, tags: [tags.homeList, ...baseTags, ...listingTags(listing)] };
  }

  /** A visible article by slug, or null. */
  async article(slug: Slug): Promise<PageData<ArticleView> | null> {
    const article = await this.deps.store.articles.getBySlug(slug);
    if (!article || !isVisible(article, this.deps.clock.now())) return null;
    const frame = await this.frame();
    const [view] = await this.views([article]);
    return { frame, content: view!, tags: [...baseTags, ...viewTags(view!)] };
  }

  /** The archive of a taxonomy term (including its descendants), or null when there is no such term. */
  async termArchive(taxonomySlug: string, termSlug: string, page: number): Promise<PageData<{ subject: ArchiveSubject; listing: ListingView }> | null> {
    const index = await this.deps.taxonomies.index();
    const taxonomy = index.taxonomyBySlug(taxonomySlug);
    const term = taxonomy && index.termBySlug(taxonomy.id, termSlug);
    if (!taxonomy || !term) return null;
    const frame = await this.frame();
    const termIds = descendantIds(index.terms, term.id);
    const listing = await this.listing({ now: this.deps.clock.now(), termIds }, page, frame.settings.pageSize);
    const subject: ArchiveSubject = {
      kind: 'term', taxonomy, term, trail: ancestry(index.terms, term.id),
      children: index.terms.filter((t) => t.parentId === term.id),
    };
    return { frame, content: { subject, listing }, tags: [...baseTags, tags.term(term.id), tags.termList(term.id), ...listingTags(listing)] };
  }

  async authorArchive(slug: Slug, page: number): Promise<PageData<{ subject: ArchiveSubject; listing: ListingView }> | null> {
    const author = await this.deps.store.authors.getBySlug(slug);
    if (!author) return null;
    const frame = await this.frame();
    const listing = await this.listing({ now: this.deps.clock.now(), authorId: author.id }, page, frame.settings.pageSize);
    return { frame, content: { subject: { kind: 'author', author }, listing }, tags: [...baseTags, tags.author(author.id), tags.authorList(author.id), ...listingTags(listing)] };
  }

  async sourceArchive(slug: Slug, page: number): Promise<PageData<{ subject: ArchiveSubject; listing: ListingView }> | null> {
    const source = await this.deps.store.sources.getBySlug(slug);
    if (!source) return null;
    const frame = await this.frame();
    const listing = await this.listing({ now: this.deps.clock.now(), sourceId: source.id }, page, frame.settings.pageSize);
    return { frame, content: { subject: { kind: 'source', source }, listing }, tags: [...baseTags, tags.source(source.id), tags.sourceList(source.id), ...listingTags(listing)] };
  }

  /** A taxonomy with its whole term tree, or null. */
  async taxonomyIndex(taxonomySlug: string): Promise<PageData<{ taxonomy: Taxonomy; terms: Term[] }> | null> {
    const index = await this.deps.taxonomies.index();
    const taxonomy = index.taxonomyBySlug(taxonomySlug);
    if (!taxonomy) return null;
    return { frame: await this.frame(), content: { taxonomy, terms: index.termsOf(taxonomy.id) }, tags: baseTags };
  }

  /** An author by slug, or null. */
  authorBySlug(slug: string): Promise<Author | null> {
    return this.deps.store.authors.getBySlug(slug as Slug);
  }

  /** Every author (the directory page). */
  async authorIndex(): Promise<PageData<Author[]>> {
    const authors = await this.deps.store.authors.list();
    return { frame: await this.frame(), content: authors, tags: [...baseTags, tags.authorDirectory, ...authors.map((a) => tags.author(a.id))] };
  }

  /** Every source (the directory page). */
  async sourceIndex(): Promise<PageData<Source[]>> {
    const sources = await this.deps.store.sources.list();
    return { frame: await this.frame(), content: sources, tags: [...baseTags, tags.sourceDirectory, ...sources.map((s) => tags.source(s.id))] };
  }

  /** Visible articles matching `filter`, with their views and the total (for APIs). */
  async browse(filter: Omit<ArticleFilter, 'now'>, page: { offset: number; limit: number; order?: ArticleOrder }): Promise<{ items: ArticleView[]; total: number }> {
    const full = { ...filter, now: this.deps.clock.now() };
    const [total, articles] = await Promise.all([this.deps.store.articles.countVisible(full), this.deps.store.articles.listVisible(full, page)]);
    return { items: await this.views(articles), total };
  }

  /** A visible article by id or slug, as a view. */
  async visibleArticle(by: { id?: string; slug?: string }): Promise<ArticleView | null> {
    const article = by.id ? await this.deps.store.articles.getById(by.id as ArticleId) : by.slug ? await this.deps.store.articles.getBySlug(by.slug as Slug) : null;
    if (!article || !isVisible(article, this.deps.clock.now())) return null;
    return (await this.views([article]))[0] ?? null;
  }

  /** How many visible articles each author and term has. */
  async counts(): Promise<{ authors: Map<string, number>; terms: Map<string, number> }> {
    const now = this.deps.clock.now();
    const [authors, index] = await Promise.all([this.deps.store.authors.list(), this.deps.taxonomies.index()]);
    const authorCounts = await Promise.all(authors.map(async (a) => [a.id, await this.deps.store.articles.countVisible({ now, authorId: a.id })] as const));
    const termCounts = await Promise.all(index.terms.map(async (t) => [t.id, await this.deps.store.articles.countVisible({ now, termIds: [t.id] })] as const));
    return { authors: new Map(authorCounts), terms: new Map(termCounts) };
  }

  /** Any article (a draft in the editor too) as the article page would show it: the editor's preview. */
  async preview(article: Article): Promise<PageData<ArticleView>> {
    const [frame, [view]] = await Promise.all([this.frame(), this.views([article])]);
    return { frame, content: view!, tags: [] };
  }

  /** What the URL of a withdrawn article answers (410 or a redirect), or null when it was never published or may still be found. */
  async withdrawn(slug: Slug): Promise<UnpublishPolicy | null> {
    const article = await this.deps.store.articles.getBySlug(slug);
    if (!article || isVisible(article, this.deps.clock.now())) return null;
    return this.deps.store.editorial.unpublishedBySlug(slug);
  }

  private async listing(filter: ArticleFilter, page: number, pageSize: number): Promise<ListingView> {
    const total = await this.deps.store.articles.countVisible(filter);
    const info = paginate(page, pageSize, total);
    const articles = page > info.pageCount ? [] : await this.deps.store.articles.listVisible(filter, { offset: info.offset, limit: pageSize });
    return { items: await this.views(articles), page: info };
  }

  private views(articles: Article[]): Promise<ArticleView[]> {
    return loadArticleViews(this.deps, articles);
  }
}

const baseTags: CacheTag[] = [tags.settings, tags.taxonomy];

const viewTags = articleViewTags;

function listingTags(listing: ListingView): CacheTag[] {
  return listing.items.flatMap(viewTags);
}
