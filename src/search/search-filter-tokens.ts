import type { SearchFacts } from './search-document.js';

/** What a filter token names: a term, an author (byline) or a source. */
export type FilterKind = 't' | 'a' | 's';

/**
 * One FTS5 word naming a term, author or source: the kind's letter and the id's UTF-8 bytes in
 * hex, so no separator inside an id splits it and no two ids share a token.
 */
export function filterToken(kind: FilterKind, id: string): string {
  return `${kind}${Buffer.from(id, 'utf8').toString('hex')}`;
}

/** The filter words of an article: its terms, bylines and source. */
export function filterTokensOf(facts: Pick<SearchFacts, 'termIds' | 'authorIds' | 'sourceId'>): string {
  return [
    ...facts.termIds.map((id) => filterToken('t', id)),
    ...facts.authorIds.map((id) => filterToken('a', id)),
    ...(facts.sourceId ? [filterToken('s', facts.sourceId)] : []),
  ].join(' ');
}
