import { scoreLexicon, type CompiledLexicon } from './lexicon-scorer.js';
import { scoreThemeModel, type CompiledThemeModel } from './theme-classifier.js';
import { featureCounts, themeTokens } from './theme-text.js';

/** A term the site has, that a suggestion may name. */
export interface ThemeTerm { id: string; slug: string; name: string }

/** One suggested theme with the words that made it. */
export interface ThemeSuggestion {
  termId: string;
  termSlug: string;
  name: string;
  /** Blended score in [0, 1]; see `blendWeight`. */
  score: number;
  /** True when the score reaches the site's threshold: the term may be applied without an editor. */
  autoApply: boolean;
  evidence: { text: string; start: number; end: number }[];
  /** The parts the score was blended from, for the curious editor (null: that part had nothing). */
  parts: { model: number | null; lexicon: number | null; modelWeight: number };
}

export interface SuggestOptions {
  /** Scores at or above this may be applied automatically; the default keeps every lexicon-only score below it. */
  autoApplyThreshold?: number;
  /** Suggestions scoring lower are not returned. */
  minScore?: number;
  limit?: number;
  /** Tagged articles of a term at which the learned model and the lexicon weigh the same. */
  blendExamples?: number;
  language?: string;
}

export const DEFAULT_AUTO_APPLY_THRESHOLD = 0.8;
const defaults = { autoApplyThreshold: DEFAULT_AUTO_APPLY_THRESHOLD, minScore: 0.15, limit: 5, blendExamples: 20, language: 'en' };

/**
 * How much the learned model counts for a term with `positives` tagged articles: n / (n + k).
 * With none the lexicon decides alone; at k examples the two weigh the same; with hundreds the
 * model all but decides. A term without a lexicon entry scores model × weight, so a term
 * tagged twice cannot reach the auto-apply threshold on its own.
 */
export function blendWeight(positives: number, blendExamples = defaults.blendExamples): number {
  return positives > 0 ? positives / (positives + blendExamples) : 0;
}

/** Suggests terms of one taxonomy for a text, from a learned model, a lexicon, or both; best first. */
export function suggestThemes(
  text: string,
  sources: { terms: readonly ThemeTerm[]; model?: CompiledThemeModel | null; lexicon?: CompiledLexicon | null },
  options: SuggestOptions = {},
): ThemeSuggestion[] {
  const o = { ...defaults, ...options };
  const tokens = themeTokens(text, sources.model?.model.language ?? sources.lexicon?.language ?? o.language);
  const modelScores = new Map((sources.model ? scoreThemeModel(sources.model, featureCounts(tokens, 2)) : []).map((s) => [s.label, s]));
  const lexiconScores = new Map((sources.lexicon ? scoreLexicon(sources.lexicon, text, tokens) : []).map((s) => [s.slug, s]));

  const suggestions: ThemeSuggestion[] = [];
  for (const term of sources.terms) {
    const learned = modelScores.get(term.id);
    const lexical = lexiconScores.get(term.slug);
    if (!learned && !lexical) continue;
    const weight = blendWeight(learned?.positives ?? 0, o.blendExamples);
    const score = weight * (learned?.probability ?? 0) + (1 - weight) * (lexical?.score ?? 0);
    if (score < o.minScore) continue;
    const ranked: { start: number; end: number; rank: number }[] = [];
    const modelTotal = learned?.contributions.reduce((sum, c) => sum + c.contribution, 0) || 1;
    for (const c of learned?.contributions ?? []) for (const span of c.spans) ranked.push({ ...span, rank: (weight * c.contribution) / modelTotal });
    const lexicalTotal = lexical?.evidence.reduce((sum, e) => sum + e.weight, 0) || 1;
    for (const e of lexical?.evidence ?? []) ranked.push({ start: e.start, end: e.end, rank: ((1 - weight) * e.weight) / lexicalTotal });
    suggestions.push({
      termId: term.id, termSlug: term.slug, name: term.name, score, autoApply: score >= o.autoApplyThreshold,
      evidence: strongestSpans(text, ranked, 6),
      parts: { model: learned ? learned.probability : null, lexicon: lexical ? lexical.score : null, modelWeight: weight },
    });
  }
  return suggestions.sort((a, b) => b.score - a.score).slice(0, o.limit);
}

/** The highest-ranked spans that do not overlap one already chosen, in rank order. */
function strongestSpans(text: string, ranked: { start: number; end: number; rank: number }[], limit: number): ThemeSuggestion['evidence'] {
  const chosen: ThemeSuggestion['evidence'] = [];
  for (const span of ranked.sort((a, b) => b.rank - a.rank || a.start - b.start)) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => span.start < c.end && c.start < span.end)) continue;
    chosen.push({ text: text.slice(span.start, span.end), start: span.start, end: span.end });
  }
  return chosen;
}
