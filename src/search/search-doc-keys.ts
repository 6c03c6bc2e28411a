/**
 * Row keys of the SQLite search index, in publication order (see docs/decisions/0005-search.md).
 * A published article's key is its publication time in milliseconds since 1900 times 1,000, plus
 * a slot for articles published in the same millisecond; every other article has a negative key.
 * So "visible now" and a date range are ranges of keys that FTS5 seeks to, and "newest first"
 * is FTS5's own row order, which it can stop reading after the page.
 */

/** Articles that can share one millisecond before the next one spills into the millisecond before. */
export const KEY_SLOTS = 1000;
/** 1900-01-01T00:00:00Z in ms since the epoch, negated: keys of older archives stay positive. */
const EPOCH_OFFSET_MS = 2_208_988_800_000;
/** The last millisecond whose keys stay exact in a double (year 2185). */
const MAX_MS = Math.floor(Number.MAX_SAFE_INTEGER / KEY_SLOTS) - 1 - EPOCH_OFFSET_MS;
const MIN_MS = -EPOCH_OFFSET_MS;

/** The first key of the millisecond `instant` falls in (clamped to 1900–2185). */
export function firstKeyAt(instant: string): number {
  const ms = Date.parse(instant);
  const clamped = Number.isNaN(ms) ? MIN_MS : Math.min(MAX_MS, Math.max(MIN_MS, ms));
  return (clamped + EPOCH_OFFSET_MS) * KEY_SLOTS + 1;
}

/** The last key of the millisecond `instant` falls in. */
export function lastKeyAt(instant: string): number {
  return firstKeyAt(instant) + KEY_SLOTS - 1;
}

/** Keys of the articles readers may see at `now` and that were published within [from, to]. */
export function visibleKeyRange(now: string, from?: string, to?: string): { first: number; last: number } {
  return { first: from ? firstKeyAt(from) : 1, last: lastKeyAt(to && to < now ? to : now) };
}
