import type { ThemeLexicon } from './default-theme-lexicon.js';
import { themeTokens, type ThemeToken } from './theme-text.js';

/** What a lexicon found for one theme: a score in [0, LEXICON_CEILING] and the phrases that matched. */
export interface LexiconMatch {
  slug: string;
  score: number;
  evidence: { text: string; start: number; end: number; weight: number }[];
}

/**
 * Lexicon scores are a heuristic, not a calibrated probability (there is no tagged data to
 * calibrate them on a new site), so they stay below this ceiling: under the default auto-apply
 * threshold a lexicon alone only ever suggests.
 */
export const LEXICON_CEILING = 0.7;
/** How much matched weight makes a score of about 63% of the ceiling. */
const SATURATION = 4;

interface Phrase { stems: string[]; weight: number }
/** A lexicon compiled to stems, indexed by each phrase's first stem. */
export interface CompiledLexicon { language: string; phrases: Map<string, Map<string, Phrase[]>> }

/** Stems every phrase of `lexicon` once, for repeated scoring. */
export function compileLexicon(lexicon: ThemeLexicon, language = 'en'): CompiledLexicon {
  const phrases = new Map<string, Map<string, Phrase[]>>();
  for (const [slug, entries] of Object.entries(lexicon)) {
    const byFirst = new Map<string, Phrase[]>();
    for (const [phrase, weight] of Object.entries(entries)) {
      const stems = themeTokens(phrase, language).map((t) => t.stem);
      const first = stems[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ stems, weight });
      byFirst.set(first, list);
    }
    phrases.set(slug, byFirst);
  }
  return { language, phrases };
}

/** Scores `text` against every theme of the lexicon; themes with no match are left out. */
export function scoreLexicon(lexicon: CompiledLexicon, text: string, tokens: readonly ThemeToken[] = themeTokens(text, lexicon.language)): LexiconMatch[] {
  const results: LexiconMatch[] = [];
  for (const [slug, byFirst] of lexicon.phrases) {
    const counts = new Map<Phrase, number>();
    const evidence: LexiconMatch['evidence'] = [];
    tokens.forEach((token, i) => {
      for (const phrase of byFirst.get(token.stem) ?? []) {
        if (!phrase.stems.every((stem, k) => tokens[i + k]?.stem === stem)) continue;
        counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
        const last = tokens[i + phrase.stems.length - 1]!;
        evidence.push({ text: text.slice(token.start, last.end), start: token.start, end: last.end, weight: phrase.weight });
      }
    });
    if (counts.size === 0) continue;
    // Repeats count, but each less than the one before: one article saying "missile" ten times is not ten clues.
    let weight = 0;
    for (const [phrase, count] of counts) weight += phrase.weight * (1 + Math.log(count));
    results.push({ slug, score: LEXICON_CEILING * (1 - Math.exp(-weight / SATURATION)), evidence });
  }
  return results.sort((a, b) => b.score - a.score);
}
