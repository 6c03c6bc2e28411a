import { wordsOf } from './search-text.js';
import { stopWords } from './stop-words.js';

/**
 * One condition of a search; a query matches articles that meet all of its clauses.
 * Words are folded (lower case, Latin diacritics removed) and contain only letters, digits and
 * marks, so an adapter can quote them for its engine without any other escaping to get wrong.
 */
export type SearchClause =
  /** The word in any form with the same stem. */
  | { kind: 'word'; word: string }
  /** Any word beginning with `prefix`. */
  | { kind: 'prefix'; prefix: string }
  /** These words next to each other, in this order. */
  | { kind: 'phrase'; words: string[] };

export interface ParsedSearch {
  /** Empty when nothing searchable is left (only stop words or symbols): the search finds nothing. */
  clauses: SearchClause[];
}

/** Bounds that keep every query cheap, whatever is typed. */
export const searchQueryLimits = {
  /** Characters of input read; the rest is ignored. */
  maxInputLength: 256,
  maxClauses: 8,
  maxPhraseWords: 8,
  /** A shorter prefix* would match most of the vocabulary. */
  minPrefixLength: 2,
} as const;

const QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02]/g;

/**
 * Reads what a reader typed: loose words (all required), "quoted phrases", and prefix* words.
 * Everything else (operators, brackets, punctuation, other syntax) is just a separator, so no
 * input can fail or reach the engine as syntax. An unclosed quote runs to the end. Words joined
 * by punctuation (`state-of-the-art`, `l'école`) are read as a phrase.
 */
export function parseSearchQuery(input: unknown): ParsedSearch {
  if (typeof input !== 'string') return { clauses: [] };
  const text = Array.from(input.normalize('NFC')).slice(0, searchQueryLimits.maxInputLength).join('').replace(QUOTES, '"');
  const clauses: SearchClause[] = [];
  text.split('"').forEach((segment, i) => {
    if (i % 2 === 1) clauses.push(...quoted(segment));
    else for (const chunk of segment.split(/\s+/)) clauses.push(...loose(chunk));
  });
  const seen = new Set<string>();
  const unique = clauses.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { clauses: unique.slice(0, searchQueryLimits.maxClauses) };
}

function quoted(segment: string): SearchClause[] {
  const words = wordsOf(segment, searchQueryLimits.maxPhraseWords).map((w) => w.folded);
  return words.length ? [{ kind: 'phrase', words }] : [];
}

function loose(chunk: string): SearchClause[] {
  const tokens = wordsOf(chunk, searchQueryLimits.maxPhraseWords);
  if (tokens.length === 0) return [];
  if (tokens.length > 1) return [{ kind: 'phrase', words: tokens.map((t) => t.folded) }];
  const token = tokens[0]!;
  if (chunk.charAt(token.end) === '*') {
    return Array.from(token.folded).length >= searchQueryLimits.minPrefixLength ? [{ kind: 'prefix', prefix: token.folded }] : [];
  }
  return stopWords.has(token.folded) ? [] : [{ kind: 'word', word: token.folded }];
}
