import type { ArticleAnalysis } from '../../app/article-analysis.js';
import type { TaxonomyIndex } from '../../app/taxonomy-service.js';
import type { Article } from '../../domain/article.js';
import type { ArticleId } from '../../domain/ids.js';
import type { InboxHints } from '../../render/admin/inbox-page.js';
import type { Suggestions, TermSuggestion } from '../../render/admin/suggestions-panel.js';
import type { AdminDeps } from './admin-context.js';

const MAX_EVIDENCE = 6;

interface Logger { warn(details: object, message: string): void }

/**
 * The analysis of an article, or null when it fails: a suggestion is a help, so a broken
 * analyser must never cost the editor the page (the failure is logged for the operator).
 */
export async function analysisOrNull(deps: AdminDeps, id: ArticleId, log: Logger): Promise<ArticleAnalysis | null> {
  try {
    return await deps.analysis.analyseArticle(id);
  } catch (error) {
    log.warn({ err: error, articleId: id }, 'article analysis failed; the page is shown without suggestions');
    return null;
  }
}

/** Each word once, whatever its case ("Strategic Arms", "strategic arms"), in the order found. */
function distinct(texts: string[]): string[] {
  const seen = new Map<string, string>();
  for (const text of texts.map((t) => t.trim()).filter(Boolean)) if (!seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text);
  return [...seen.values()].slice(0, MAX_EVIDENCE);
}

/** Region and theme suggestions mapped to existing terms the article does not carry yet, best first. */
export function termSuggestions(analysis: ArticleAnalysis, index: TaxonomyIndex, carried: readonly string[]): TermSuggestion[] {
  const region = index.taxonomyBySlug('region');
  const theme = index.taxonomyBySlug('theme');
  const out: TermSuggestion[] = [];
  const offer = (taxonomy: typeof region, slug: string, score: number, evidence: string[]) => {
    const term = taxonomy && index.termBySlug(taxonomy.id, slug);
    if (!taxonomy || !term || carried.includes(term.id) || out.some((s) => s.termId === term.id)) return;
    out.push({ termId: term.id, name: term.name, taxonomy: taxonomy.name, percent: Math.round(score * 100), evidence: distinct(evidence) });
  };
  for (const r of analysis.regions) {
    // A region's evidence is the words that named its countries.
    const words = analysis.countries.filter((c) => r.countries.includes(c.code)).flatMap((c) => c.evidence.map((e) => e.text));
    offer(region, r.slug, r.score, words);
  }
  for (const t of analysis.themes) offer(theme, t.slug, t.score, t.evidence.map((e) => e.text));
  return out;
}

const MAX_PLACES = 8;
const MAX_PEOPLE = 8;
const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** What the editor's side panel shows for an article, saved or still being typed. */
export function suggestionsView(analysis: ArticleAnalysis | null, index: TaxonomyIndex, carried: readonly string[]): Suggestions | null {
  if (!analysis) return null;
  return {
    terms: termSuggestions(analysis, index, carried),
    places: analysis.countries.slice(0, MAX_PLACES).map((c) => ({ code: c.code, name: countryNames.of(c.code) ?? c.code, main: c.main, evidence: distinct(c.evidence.map((e) => e.text)) })),
    people: [...analysis.people].sort((a, b) => b.mentions.length - a.mentions.length).slice(0, MAX_PEOPLE).map((p) => p.name),
    alsoFrom: analysis.duplicates.map((d) => ({ articleId: d.articleId, title: d.title, source: d.source })),
  };
}

/** For the inbox rows: the other sources that sent each story, and its top stored region and theme (nothing is analysed here). */
export async function inboxHints(deps: AdminDeps, articles: readonly Article[]): Promise<Record<string, InboxHints>> {
  const [stored, clusters] = await Promise.all([deps.analysis.storedFor(articles.map((a) => a.id)), deps.analysis.alsoFromFor(articles)]);
  const hints: Record<string, InboxHints> = {};
  for (const article of articles) {
    const analysis = stored.get(article.id);
    hints[article.id] = {
      alsoFrom: (clusters.get(article.id)?.alsoFrom ?? []).map((a) => ({ articleId: a.articleId, source: a.source })),
      region: analysis?.regions[0]?.name ?? null,
      theme: analysis?.themes[0]?.name ?? null,
      analysed: analysis !== undefined,
    };
  }
  return hints;
}
