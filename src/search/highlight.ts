import type { SearchLanguage } from './search-languages.js';
import { stemAlternatives } from './search-languages.js';
import type { SearchClause } from './search-query-parser.js';
import { escapeHtml, wordsOf, type WordToken } from './search-text.js';

/**
 * Highlighting in TypeScript, the same for both engines: the engines match on stems and folded
 * words that TypeScript computed (SQLite) or that differ from the text shown (PostgreSQL indexes
 * folded text), so neither FTS5's highlight() nor ts_headline() could mark what they matched.
 * Every piece of text is escaped here; the only markup produced is <mark>, </mark> and "…".
 */

/** Words of context in a snippet. */
export const SNIPPET_WORDS = 32;
/** Words shown before the first match of a snippet. */
const LEAD_IN = 6;
/** Characters of a body looked at for a snippet (the start of a very long body is enough). */
const SNIPPET_SCAN_CHARS = 100_000;

interface Match {
  clause: number;
  first: number;
  last: number;
}

/** A compiled query: what each clause needs for one article language. */
export type Matcher = (tokens: readonly WordToken[]) => Match[];

/** Whether a clause matches at token `i`, given every token's stem. */
type ClauseTest = { length: number; at: (tokens: readonly WordToken[], stems: readonly string[], i: number) => boolean };

/** Builds the matcher for `clauses` over text in `language`. Build it once per query and language: it stems the query's words. */
export function matcherFor(clauses: readonly SearchClause[], language: SearchLanguage): Matcher {
  const stem = (w: string) => language.stem(w);
  const tests = clauses.map((clause): ClauseTest => {
    switch (clause.kind) {
      case 'word': {
        const roots = new Set(stemAlternatives(clause.word));
        return { length: 1, at: (_t, stems, i) => roots.has(stems[i]!) };
      }
      case 'prefix': {
        const stemmed = stem(clause.prefix);
        return { length: 1, at: (t, stems, i) => t[i]!.folded.startsWith(clause.prefix) || stems[i]!.startsWith(stemmed) };
      }
      case 'phrase': {
        const stems = clause.words.map(stem);
        return {
          length: clause.words.length,
          at: (t, tokenStems, i) => clause.words.every((w, j) => {
            const token = t[i + j];
            return token !== undefined && (token.folded === w || tokenStems[i + j] === stems[j]);
          }),
        };
      }
    }
  });
  return (tokens) => {
    // Each token is stemmed once, however many clauses look at it.
    const stems = tokens.map((t) => stem(t.folded));
    const matches: Match[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let clause = 0; clause < tests.length; clause++) {
        const test = tests[clause]!;
        if (test.at(tokens, stems, i)) matches.push({ clause, first: i, last: i + test.length - 1 });
      }
    }
    return matches;
  };
}

/** The whole of `text`, escaped, with every match marked. */
export function highlightAll(text: string, matcher: Matcher): string {
  const normalized = text.normalize('NFC');
  const tokens = wordsOf(normalized);
  return markUp(normalized, tokens, matcher(tokens), 0, normalized.length);
}

/**
 * The best passage of about SNIPPET_WORDS words: the one showing the most different clauses,
 * then the most matches, then the earliest. Null when `text` has no match.
 */
export function bestSnippet(text: string, matcher: Matcher): { html: string; clauses: number } | null {
  const normalized = text.slice(0, SNIPPET_SCAN_CHARS).normalize('NFC');
  const tokens = wordsOf(normalized);
  const matches = matcher(tokens);
  if (matches.length === 0) return null;
  let best = { start: 0, clauses: -1, count: -1 };
  for (const candidate of new Set(matches.slice(0, 200).map((m) => Math.max(0, m.first - LEAD_IN)))) {
    const inside = matches.filter((m) => m.first >= candidate && m.last < candidate + SNIPPET_WORDS);
    const clauses = new Set(inside.map((m) => m.clause)).size;
    if (clauses > best.clauses || (clauses === best.clauses && inside.length > best.count)) best = { start: candidate, clauses, count: inside.length };
  }
  return { html: passage(normalized, tokens, matches, best.start), clauses: best.clauses };
}

/** The opening words of `text`, escaped, for a hit that matched elsewhere. */
export function leadSnippet(text: string): string {
  const normalized = text.slice(0, SNIPPET_SCAN_CHARS).normalize('NFC');
  return passage(normalized, wordsOf(normalized, SNIPPET_WORDS + 1), [], 0);
}

function passage(text: string, tokens: readonly WordToken[], matches: readonly Match[], startToken: number): string {
  if (tokens.length === 0) return escapeHtml(text.slice(0, 200));
  const endToken = Math.min(tokens.length, startToken + SNIPPET_WORDS) - 1;
  const from = startToken === 0 ? 0 : tokens[startToken]!.start;
  const cutEnd = endToken < tokens.length - 1;
  const to = cutEnd ? tokens[endToken]!.end : text.length;
  const inside = matches.filter((m) => m.first >= startToken && m.last <= endToken);
  return `${from > 0 ? '… ' : ''}${markUp(text, tokens, inside, from, to).trim()}${cutEnd ? ' …' : ''}`;
}

/** Escapes text[from, to) and wraps the matched ranges (merged where they touch) in <mark>. */
function markUp(text: string, tokens: readonly WordToken[], matches: readonly Match[], from: number, to: number): string {
  const ranges = matches
    .map((m) => [tokens[m.first]!.start, tokens[m.last]!.end] as [number, number])
    .filter(([s, e]) => s >= from && e <= to)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  let out = '';
  let at = from;
  for (const [s, e] of merged) {
    out += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(text.slice(at, to));
}
