import type { SearchIndex } from '../app/ports.js';
import type { Instant } from '../domain/ids.js';

/**
 * Queries over the vocabulary of bench/seed-articles.ts, one of each kind the index serves:
 * common and rare loose words, several words, stemmed forms, a phrase, a prefix, and a word the
 * corpus lacks (the cost of finding nothing).
 */
export const benchSearchQueries: readonly string[] = [
  'pipeline',
  'grain reserves',
  'ministers',
  'regulators delayed',
  '"carbon border tax"',
  '"the nuclear inspection regime"',
  'lithi*',
  'surveil*',
  'election count Lagos',
  'drought prices climb',
  'the court is expected to rule',
  'zzyzxnotthere',
];

export interface SearchBenchResult {
  /** Searches run (queries × rounds). */
  searches: number;
  /** Total matches of each query, as the first round found them. */
  totals: Record<string, number>;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * Runs every query `rounds` times (first page of `limit` hits, as the search page asks) and
 * reports latency. The first round warms caches and is not timed.
 */
export async function runSearchBench(
  index: SearchIndex,
  options: { now: Instant; rounds?: number; limit?: number; queries?: readonly string[] },
): Promise<SearchBenchResult> {
  const { now, rounds = 5, limit = 20, queries = benchSearchQueries } = options;
  const totals: Record<string, number> = {};
  for (const text of queries) totals[text] = (await index.search({ text, now, offset: 0, limit })).total;
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const text of queries) {
      const started = performance.now();
      await index.search({ text, now, offset: 0, limit });
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    searches: times.length,
    totals,
    meanMs: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: times[times.length - 1] ?? 0,
  };
}
