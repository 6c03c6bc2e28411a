import type { Author } from '../domain/author.js';
import { AppError } from '../domain/errors.js';
import type { Instant, Slug, TermId } from '../domain/ids.js';
import { paginate, type PageInfo } from '../domain/pagination.js';
import type { Source } from '../domain/source.js';
import { descendantIds, flattenTree, type Taxonomy, type Term } from '../domain/taxonomy.js';
import { articleViewTags, loadArticleViews } from './article-views.js';
import { tags, type CacheTag } from './content-events.js';
import type { ArticleSummary, Clock, SearchHit, SearchIndex, SearchQuery, Store } from './ports.js';
import type { ArticleView, PublicSite, SiteFrame } from './public-site.js';
import type { SiteDirectory } from './site-directory.js';
import type { TaxonomyIndex, TaxonomyService } from './taxonomy-service.js';

/** A search as the public page asks for it; values are as typed, validated here. */
export interface SiteSearchRequest {
  q: string;
  page: number;
  /** Term slug per taxonomy slug (`region=europe`); keys that are not a taxonomy of the site are ignored. */
  terms: Readonly<Record<string, string>>;
  author: string | null;
  source: string | null;
  /** Calendar days, YYYY-MM-DD, inclusive, in UTC. */
  from: string | null;
  to: string | null;
}

export interface SearchResultItem {
  hit: SearchHit;
  view: ArticleView<ArticleSummary>;
}

/** The choices the filter form offers, with what is selected. */
export interface SearchFilters {
  taxonomies: { taxonomy: Taxonomy; terms: { term: Term; depth: number }[]; selected: Slug | null }[];
  authors: Author[];
  sources: Source[];
}

export interface SearchPageContent {
  request: SiteSearchRequest;
  filters: SearchFilters;
  /** Null until the reader has typed something. */
  results: { items: SearchResultItem[]; page: PageInfo; /** More articles match than `page.total` counts. */ moreThanTotal: boolean } | null;
}

/** Query lengths: what the form lets a reader type (and the index reads), and the longest the page accepts before refusing. */
export const searchInputLimits = { typed: 256, accepted: 2000 } as const;

/** The public search page: resolves filters by slug, asks the index, and loads what each hit shows. */
export class SiteSearch {
  constructor(private readonly deps: {
    store: Store; clock: Clock; site: PublicSite; taxonomies: TaxonomyService; directory: SiteDirectory;
    /** Where searches are answered when not by the store's own index (SQLite: reader threads). */
    reader?: Pick<SearchIndex, 'search'>;
  }) {}

  /**
   * The page's content, and the cache tags that make it stale: what every page shows, the filter
   * lists, each hit, and `list:home`, which every change to a visible article carries (a search
   * may find any visible article, just as the home listing may show any).
   */
  async search(request: SiteSearchRequest): Promise<{ frame: SiteFrame; content: SearchPageContent; tags: CacheTag[] }> {
    const [frame, index, authors, sources] = await Promise.all([
      this.deps.site.frame(), this.deps.taxonomies.index(), this.deps.directory.authors(), this.deps.directory.sources(),
    ]);
    const termGroups: TermId[][] = [];
    const taxonomies: SearchFilters['taxonomies'] = index.taxonomies.map((taxonomy) => {
      const wanted = request.terms[taxonomy.slug];
      const term = wanted ? index.termBySlug(taxonomy.id, wanted) : undefined;
      if (wanted && !term) throw invalid(`There is no ${taxonomy.name.toLowerCase()} "${wanted.slice(0, 80)}" to search in.`, { [taxonomy.slug]: wanted });
      if (term) termGroups.push(descendantIds(index.terms, term.id));
      return { taxonomy, terms: treeOf(index, taxonomy), selected: term?.slug ?? null };
    });
    const author = request.author ? authors.find((a) => a.slug === request.author) : undefined;
    if (request.author && !author) throw invalid(`There is no author "${request.author.slice(0, 80)}" to search in.`, { author: request.author });
    const source = request.source ? sources.find((s) => s.slug === request.source) : undefined;
    if (request.source && !source) throw invalid(`There is no source "${request.source.slice(0, 80)}" to search in.`, { source: request.source });
    const from = request.from ? dayStart(request.from, 'from') : undefined;
    const to = request.to ? dayEnd(request.to, 'to') : undefined;
    if (from && to && from > to) throw invalid('The start date is after the end date.', { from: request.from, to: request.to });
    const q = request.q.trim();

    const terms = Object.fromEntries(taxonomies.filter((t) => t.selected).map((t) => [t.taxonomy.slug, t.selected!]));
    const content: SearchPageContent = { request: { ...request, q, terms }, filters: { taxonomies, authors, sources }, results: null };
    const pageTags: CacheTag[] = [tags.settings, tags.taxonomy, tags.homeList, tags.authorDirectory, tags.sourceDirectory];
    if (!q) return { frame, content, tags: pageTags };
    const pageSize = frame.settings.pageSize;
    const query: SearchQuery = {
      text: q, now: this.deps.clock.now(), offset: (request.page - 1) * pageSize, limit: pageSize,
      ...(termGroups.length ? { termGroups } : {}),
      ...(author ? { authorId: author.id } : {}),
      ...(source ? { sourceId: source.id } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    const found = await (this.deps.reader ?? this.deps.store.search).search(query);
    const views = await loadArticleViews(this.deps, found.hits.map((h) => h.article));
    content.results = {
      items: found.hits.map((hit, i) => ({ hit, view: views[i]! })),
      page: paginate(request.page, pageSize, found.total),
      moreThanTotal: found.moreThanTotal === true,
    };
    return { frame, content, tags: [...pageTags, ...views.flatMap(articleViewTags)] };
  }
}

/**
 * Each taxonomy's terms in tree order, worked out once per taxonomy index (the index is replaced
 * when a taxonomy or term changes), so the list is the same object from one search to the next
 * and the page can keep its options rendered.
 */
const trees = new WeakMap<TaxonomyIndex, Map<Taxonomy['id'], { term: Term; depth: number }[]>>();

function treeOf(index: TaxonomyIndex, taxonomy: Taxonomy): { term: Term; depth: number }[] {
  let byTaxonomy = trees.get(index);
  if (!byTaxonomy) trees.set(index, byTaxonomy = new Map());
  let tree = byTaxonomy.get(taxonomy.id);
  if (!tree) byTaxonomy.set(taxonomy.id, tree = flattenTree(index.termsOf(taxonomy.id)));
  return tree;
}

function invalid(message: string, details: Record<string, unknown>): AppError {
  return new AppError('INVALID_INPUT', message, { details });
}

/** Midnight UTC at the start of a calendar day given as YYYY-MM-DD. */
function dayStart(day: string, field: string): Instant {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00.000Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw invalid(`The ${field} date must be a real day written as YYYY-MM-DD.`, { [field]: day.slice(0, 40) });
  }
  return date.toISOString() as Instant;
}

/** The last millisecond of a calendar day given as YYYY-MM-DD. */
function dayEnd(day: string, field: string): Instant {
  return new Date(new Date(dayStart(day, field)).getTime() + 86_400_000 - 1).toISOString() as Instant;
}

