import { AppError } from '../domain/errors.js';
import type { ArticleId, Instant } from '../domain/ids.js';
import type { Article } from '../domain/article.js';
import { regionMappingSettingKey } from '../domain/site-settings.js';
import { findEntities } from '../intelligence/entities/index.js';
import { tagPlaces } from '../intelligence/places/index.js';
import { findQuotes } from '../intelligence/quotes/index.js';
import { regionTableFromSetting, renameRegionInMapping, suggestRegions } from '../intelligence/regions/index.js';
import type { BodyRenderer } from './body-renderer.js';
import type { ImportDraft } from './import-service.js';
import type { Clock, Store } from './ports.js';
import type { TaxonomyService } from './taxonomy-service.js';
import type { ThemeSuggestionService } from './theme-suggestion-service.js';
import type { WireDuplicateService } from './wire-duplicate-service.js';

/** Evidence as offsets into the analysed text (`headline` + blank line + body), so a UI can highlight it. */
interface Span { text: string; start: number; end: number }

/** What `dateline analyze` prints and the editor's side panel shows: every suggestion with its evidence. */
export interface ArticleAnalysis {
  countries: { code: string; score: number; main: boolean; evidence: (Span & { kind: string })[] }[];
  regions: { slug: string; name: string; score: number; countries: string[] }[];
  themes: { slug: string; name: string; score: number; autoApply: boolean; evidence: Span[] }[];
  people: { name: string; mentions: Span[] }[];
  organisations: { name: string; mentions: Span[] }[];
  quotes: { text: string; speaker: string; anonymous: boolean; kind: 'direct' | 'reported' }[];
  duplicates: { articleId: string; title: string; source: string | null; jaccard: number; containment: number }[];
}

/**
 * What the analysis worker stores per article: everything but the duplicates, which come live
 * from the fingerprint clusters (a copy imported later joins the cluster without re-analysis).
 */
export type StoredArticleAnalysis = Omit<ArticleAnalysis, 'duplicates'>;

export interface AnalysisInput {
  headline: string;
  /** Plain text of the body. */
  body: string;
  language?: string;
}

/** The region and theme taxonomies of the default set; a site that renamed them passes its own. */
/** The taxonomy whose terms the country table names. */
export const REGION_TAXONOMY = 'region';
const THEME_TAXONOMY = 'theme';

/**
 * Article intelligence in one place: places and regions, themes, people, organisations, quotes
 * and wire duplicates for a text or a stored article. Everything runs locally; nothing is applied.
 */
export class ArticleAnalysisService {
  private readonly enqueued = new Set<() => void>();

  constructor(private readonly deps: { store: Store; clock: Clock; bodies: BodyRenderer; taxonomies: TaxonomyService; themes: ThemeSuggestionService; duplicates: WireDuplicateService }) {}

  /**
   * Queues the articles for analysis (quotes and people, fingerprints, stored suggestions). Pass
   * the transaction of the article change, so the article and its queue row commit together;
   * the analysis worker is woken once they have.
   */
  async enqueue(articleIds: readonly ArticleId[], store: Store = this.deps.store): Promise<void> {
    if (articleIds.length === 0) return;
    await store.analysisQueue.enqueue(articleIds, this.deps.clock.now());
    store.afterCommit(() => { for (const listener of this.enqueued) listener(); });
  }

  /** Calls `listener` after each committed enqueue (the worker wakes up); returns the unsubscribe. */
  onEnqueued(listener: () => void): () => void {
    this.enqueued.add(listener);
    return () => this.enqueued.delete(listener);
  }

  /** The stored analyses of these articles (absent for those not analysed yet). */
  async storedFor(articleIds: readonly ArticleId[]): Promise<Map<ArticleId, StoredArticleAnalysis>> {
    const rows = await this.deps.store.analyses.listForArticles(articleIds);
    return new Map(rows.map((r) => [r.articleId, JSON.parse(r.analysis) as StoredArticleAnalysis]));
  }

  /** The other sources of each article's story, from the stored fingerprint clusters. */
  alsoFromFor(articles: readonly Article[]) {
    return this.deps.duplicates.alsoFromFor(articles);
  }

  async analyseArticle(id: ArticleId): Promise<ArticleAnalysis> {
    const article = await this.deps.store.articles.getById(id);
    if (!article) throw new AppError('ARTICLE_NOT_FOUND', `There is no article with id ${id}.`, { details: { id } });
    return this.analyse(this.inputOf(article), id);
  }

  /** The analysis the worker stores for an article: no duplicate look-up, no database writes. */
  async analyseForStorage(article: Article): Promise<StoredArticleAnalysis> {
    const { duplicates: _, ...stored } = await this.analyse(this.inputOf(article), article.id, { duplicates: false });
    return stored;
  }

  private inputOf(article: Pick<Article, 'title' | 'standfirst' | 'bodyHtml' | 'language'>): AnalysisInput {
    const body = [article.standfirst, this.deps.bodies.toPlainText(article.bodyHtml)].filter(Boolean).join('\n\n');
    return { headline: article.title, body, language: article.language };
  }

  /** An import draft (a file or page read by ingest/), as it would be stored. */
  async analyseDraft(draft: Pick<ImportDraft, 'title' | 'standfirst' | 'body' | 'bodyFormat' | 'language'>): Promise<ArticleAnalysis> {
    const { bodies } = this.deps;
    const body = [draft.standfirst, bodies.toPlainText(bodies.toSafeHtml(draft.body, draft.bodyFormat))].filter(Boolean).join('\n\n');
    return this.analyse({ headline: draft.title, body, ...(draft.language ? { language: draft.language } : {}) });
  }

  async analyse(input: AnalysisInput, articleId?: ArticleId, options: { duplicates?: boolean } = {}): Promise<ArticleAnalysis> {
    const { store, taxonomies, themes, duplicates } = this.deps;
    const text = `${input.headline}\n\n${input.body}`;
    const bodyOffset = input.headline.length + 2;
    const places = tagPlaces({ headline: input.headline, body: input.body, ...(input.language ? { language: input.language } : {}) });
    const index = await taxonomies.index();
    const regionTaxonomy = index.taxonomies.find((t) => t.slug === REGION_TAXONOMY);
    const regionName = (slug: string) => index.terms.find((t) => t.taxonomyId === regionTaxonomy?.id && t.slug === slug)?.name ?? slug;
    const table = regionTableFromSetting(await readJsonSetting(store, regionMappingSettingKey));
    const regions = suggestRegions(places.filter((p) => p.main), table);
    const hasThemes = index.taxonomies.some((t) => t.slug === THEME_TAXONOMY);
    const themeSuggestions = hasThemes ? await themes.suggestForText(THEME_TAXONOMY, text) : [];
    const entities = findEntities(text, input.language ? { language: input.language } : {});
    const quotes = findQuotes(text, entities, input.language ? { language: input.language } : {});
    const copies = options.duplicates === false ? [] : await duplicates.findDuplicates(articleId ?? { text: input.body });
    const inHeadline = (field: string) => field === 'headline';
    return {
      countries: places.map((p) => ({
        code: p.code, score: round(p.score), main: p.main,
        evidence: p.evidence.map((e) => ({ text: e.text, kind: e.kind, start: e.start + (inHeadline(e.field) ? 0 : bodyOffset), end: e.end + (inHeadline(e.field) ? 0 : bodyOffset) })),
      })),
      regions: regions.map((r) => ({ slug: r.slug, name: regionName(r.slug), score: round(r.score), countries: r.countries })),
      themes: themeSuggestions.map((t) => ({ slug: t.termSlug, name: t.name, score: round(t.score), autoApply: t.autoApply, evidence: t.evidence })),
      people: entities.people.map((p) => ({ name: p.name, mentions: p.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end })) })),
      organisations: entities.organisations.map((o) => ({ name: o.name, mentions: o.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end })) })),
      quotes: quotes.map((q) => ({ text: q.text, speaker: q.speaker.name, anonymous: q.speaker.anonymous, kind: q.kind })),
      duplicates: copies.filter((c) => c.articleId !== articleId).map((c) => ({ articleId: c.articleId, title: c.title, source: c.source, jaccard: round(c.jaccard), containment: round(c.containment) })),
    };
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

async function readJsonSetting(store: Store, key: string): Promise<unknown> {
  const raw = await store.settings.get(key);
  if (raw === null || raw === undefined) return null;
  try {
    return typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return null;
  }
}

/**
 * Keeps the country → Region table naming a Region term that was renamed or merged: the stored
 * table, or the default one stored from now on, gets `toSlug` wherever it had `fromSlug`.
 */
export async function followRegionRename(store: Store, fromSlug: string, toSlug: string, now: Instant): Promise<void> {
  const renamed = renameRegionInMapping(regionTableFromSetting(await readJsonSetting(store, regionMappingSettingKey)), fromSlug, toSlug);
  if (renamed) await store.settings.put(regionMappingSettingKey, renamed, now);
}
