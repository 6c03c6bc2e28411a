import type { Article } from '../domain/article.js';
import { AppError } from '../domain/errors.js';
import type { ArticleId, Instant, TaxonomyId, TermId } from '../domain/ids.js';
import type { Taxonomy, Term } from '../domain/taxonomy.js';
import {
  compileLexicon, compileThemeModel, defaultThemeLexicon, parseThemeModel, serialiseThemeModel, suggestThemes, trainThemeModel,
  type CompiledLexicon, type CompiledThemeModel, type SuggestOptions, type ThemeLexicon, type ThemeModel, type ThemeSuggestion, type TrainingExample,
} from '../intelligence/themes/index.js';
import type { BodyRenderer } from './body-renderer.js';
import type { Clock, Store } from './ports.js';
import type { TaxonomyService } from './taxonomy-service.js';

/** A trained model with its stored form, so the caller need not serialise it again. */
export interface TrainedThemeModel { model: ThemeModel; json: string }

/** Turns training examples into a model; main.ts runs it in a worker thread, tests and the CLI may run it inline. */
export interface ThemeTrainer {
  /** Aborting `signal` ends the training (it rejects). */
  train(examples: readonly TrainingExample[], options?: { signal?: AbortSignal }): Promise<TrainedThemeModel>;
}

/** Training on the calling thread: fine for a command or a test, never for a serving process. */
export const inlineThemeTrainer: ThemeTrainer = {
  train: async (examples) => {
    const model = trainThemeModel(examples);
    return { model, json: serialiseThemeModel(model) };
  },
};

export interface RetrainReport { taxonomy: string; examples: number; labels: number; trainedAt: Instant; ms: number }

/** Articles read per page while collecting training data. */
const PAGE = 500;
/** Articles turned into text between two turns of the event loop. */
const YIELD_EVERY = 25;

/**
 * Suggests terms of a taxonomy (themes, by default) for a text or an article: a classifier
 * trained on the site's own tagged, visible articles, blended with a starting lexicon (see
 * intelligence/themes/suggest-themes.ts for the blend). The model is stored per taxonomy and
 * retrained on demand or by the scheduler when it is older than `retrainAfterMs`.
 */
export class ThemeSuggestionService {
  private readonly lexicon: CompiledLexicon;
  private readonly compiled = new Map<TaxonomyId, { trainedAt: Instant; model: CompiledThemeModel | null }>();

  constructor(private readonly deps: {
    store: Store; clock: Clock; bodies: BodyRenderer; taxonomies: TaxonomyService;
    lexicon?: ThemeLexicon; suggest?: SuggestOptions; retrainAfterMs?: number;
    /** Where training runs (default: inline). */
    trainer?: ThemeTrainer;
  }) {
    this.lexicon = compileLexicon(deps.lexicon ?? defaultThemeLexicon);
  }

  /** Suggestions for a text (headline and body), best first. */
  async suggestForText(taxonomySlug: string, text: string, options: SuggestOptions = {}): Promise<ThemeSuggestion[]> {
    const { taxonomy, terms } = await this.taxonomy(taxonomySlug);
    const model = await this.model(taxonomy.id);
    return suggestThemes(text, { terms: terms.map((t) => ({ id: t.id, slug: t.slug, name: t.name })), model, lexicon: this.lexicon }, { ...this.deps.suggest, ...options });
  }

  /** Suggestions for a stored article; the terms it already carries are left out. */
  async suggestForArticle(taxonomySlug: string, articleId: ArticleId, options: SuggestOptions = {}): Promise<ThemeSuggestion[]> {
    const article = await this.deps.store.articles.getById(articleId);
    if (!article) throw new AppError('ARTICLE_NOT_FOUND', `There is no article "${articleId}".`, { details: { id: articleId } });
    const suggestions = await this.suggestForText(taxonomySlug, this.textOf(article), { language: article.language, ...options });
    return suggestions.filter((s) => !article.termIds.includes(s.termId as TermId));
  }

  /** Trains the taxonomy's model afresh from every visible article tagged with one of its terms, and stores it. */
  async retrain(taxonomySlug: string, options: { signal?: AbortSignal } = {}): Promise<RetrainReport> {
    const started = Date.now();
    const { store, clock } = this.deps;
    const { taxonomy, terms } = await this.taxonomy(taxonomySlug);
    const examples = await this.trainingExamples(terms);
    const { model, json } = await (this.deps.trainer ?? inlineThemeTrainer).train(examples, options);
    const trainedAt = clock.now();
    await store.themeModels.put({ taxonomyId: taxonomy.id, model: json, trainedAt, examples: examples.length });
    this.compiled.set(taxonomy.id, { trainedAt, model: model.classes.length ? compileThemeModel(model) : null });
    return { taxonomy: taxonomy.slug, examples: examples.length, labels: model.classes.length, trainedAt, ms: Date.now() - started };
  }

  /** Retrains the taxonomy's model when it has none or it is older than `retrainAfterMs` (default a day); for the scheduler. */
  async retrainIfStale(taxonomySlug: string): Promise<RetrainReport | null> {
    const { taxonomy } = await this.taxonomy(taxonomySlug);
    const stored = await this.deps.store.themeModels.get(taxonomy.id);
    const age = stored ? Date.parse(this.deps.clock.now()) - Date.parse(stored.trainedAt) : Number.POSITIVE_INFINITY;
    return age >= (this.deps.retrainAfterMs ?? 24 * 3600_000) ? this.retrain(taxonomySlug) : null;
  }

  private async trainingExamples(terms: readonly Term[]): Promise<TrainingExample[]> {
    const { store, clock } = this.deps;
    const byId = new Map(terms.map((t) => [t.id, t]));
    // An article tagged with a sub-term (Climate) is an example of its parents (Environment) too.
    const withAncestors = (id: TermId): TermId[] => {
      const out: TermId[] = [];
      for (let term = byId.get(id); term && !out.includes(term.id); term = term.parentId ? byId.get(term.parentId) : undefined) out.push(term.id);
      return out;
    };
    const now = clock.now();
    const examples: TrainingExample[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await store.articles.listVisible({ now, termIds: terms.map((t) => t.id) }, { offset, limit: PAGE, order: { field: 'published_at', direction: 'asc' } });
      for (const [i, article] of page.entries()) {
        const labels = [...new Set(article.termIds.filter((id) => byId.has(id)).flatMap(withAncestors))];
        if (labels.length) examples.push({ text: this.textOf(article), labels });
        // Turning bodies into text is the part of a retraining that stays on this thread: let requests in between.
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (page.length < PAGE) break;
    }
    return examples;
  }

  /** When the taxonomy's stored model was trained, or null without one. */
  async trainedAt(taxonomySlug: string): Promise<Instant | null> {
    const { taxonomy } = await this.taxonomy(taxonomySlug);
    return this.deps.store.themeModels.trainedAt(taxonomy.id);
  }

  // The latest stored model, whichever node trained it: only its time is read unless it changed.
  private async model(taxonomyId: TaxonomyId): Promise<CompiledThemeModel | null> {
    const trainedAt = await this.deps.store.themeModels.trainedAt(taxonomyId);
    if (!trainedAt) return null;
    const cached = this.compiled.get(taxonomyId);
    if (cached?.trainedAt === trainedAt) return cached.model;
    const stored = await this.deps.store.themeModels.get(taxonomyId);
    if (!stored) return null;
    const parsed = parseThemeModel(stored.model);
    const model = parsed && parsed.classes.length ? compileThemeModel(parsed) : null;
    this.compiled.set(taxonomyId, { trainedAt: stored.trainedAt, model });
    return model;
  }

  private async taxonomy(slug: string): Promise<{ taxonomy: Taxonomy; terms: Term[] }> {
    const index = await this.deps.taxonomies.index();
    const taxonomy = index.taxonomyBySlug(slug);
    if (!taxonomy) throw new AppError('TAXONOMY_NOT_FOUND', `There is no taxonomy "${slug}". Run "dateline taxonomy list" to see them.`, { details: { slug } });
    return { taxonomy, terms: index.termsOf(taxonomy.id) };
  }

  private textOf(article: Pick<Article, 'title' | 'standfirst' | 'bodyHtml'>): string {
    return [article.title, article.standfirst, this.deps.bodies.toPlainText(article.bodyHtml)].filter(Boolean).join('\n\n');
  }
}
