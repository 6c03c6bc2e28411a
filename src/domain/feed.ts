import type { FeedId, Instant, SourceId } from './ids.js';

/** A subscription to a partner's or wire service's RSS, Atom or JSON feed. */
export interface FeedSubscription {
  id: FeedId;
  url: string;
  title: string | null;
  sourceId: SourceId | null;
  /** Publish new items at once instead of sending them to the inbox (trusted sources only). */
  autoPublish: boolean;
  active: boolean;
  pollIntervalSeconds: number;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: Instant | null;
  nextPollAt: Instant;
  errorCount: number;
  lastError: string | null;
}

export const MIN_POLL_INTERVAL_SECONDS = 60;
export const DEFAULT_POLL_INTERVAL_SECONDS = 15 * 60;
/** However often a feed fails, it is tried again at least once a day. */
export const MAX_BACKOFF_SECONDS = 24 * 60 * 60;

function addSeconds(now: Instant, seconds: number): Instant {
  return new Date(Date.parse(now) + seconds * 1000).toISOString() as Instant;
}

/** When to poll again after a successful poll. */
export function nextPollAfterSuccess(now: Instant, intervalSeconds: number): Instant {
  return addSeconds(now, Math.max(MIN_POLL_INTERVAL_SECONDS, intervalSeconds));
}

/** Exponential back-off: the interval doubles with each consecutive failure, capped at a day. */
export function nextPollAfterFailure(now: Instant, intervalSeconds: number, consecutiveFailures: number): Instant {
  const factor = 2 ** Math.min(Math.max(consecutiveFailures, 1), 16);
  return addSeconds(now, Math.min(MAX_BACKOFF_SECONDS, Math.max(MIN_POLL_INTERVAL_SECONDS, intervalSeconds) * factor));
}

/** What the poller remembers of an item it has seen, so it never stores it twice. */
export type FeedItemState = 'stored' | 'duplicate' | 'rejected' | 'failed';

export interface FeedItemRecord {
  feedId: FeedId;
  /** GUID, else link, else content fingerprint: the most stable identity the item offers. */
  itemKey: string;
  guid: string | null;
  url: string | null;
  contentHash: string | null;
  articleId: string | null;
  state: FeedItemState;
  problem: string | null;
  firstSeenAt: Instant;
  lastSeenAt: Instant;
}

/** The identity of a feed item: its GUID, else its link, else its fingerprint. */
export function feedItemKey(item: { guid: string | null; url: string | null; contentHash: string | null }): string | null {
  const key = item.guid?.trim() || item.url?.trim() || item.contentHash;
  return key ? key.slice(0, 500) : null;
}
