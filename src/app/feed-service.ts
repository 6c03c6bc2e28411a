import { AppError, isAppError } from '../domain/errors.js';
import {
  DEFAULT_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS, feedItemKey, nextPollAfterFailure, nextPollAfterSuccess,
  type FeedItemRecord, type FeedSubscription,
} from '../domain/feed.js';
import type { FeedId, IdGenerator, Instant } from '../domain/ids.js';
import type { Source } from '../domain/source.js';
import type { ImportService } from './import-service.js';
import type { FeedDocumentReader, FeedEntry, PageReader, ResourceFetcher } from './ingest-ports.js';
import type { Clock, Store } from './ports.js';
import type { SourceService } from './source-service.js';

/** How long one poll may hold a feed before another poller may take it over (a crashed process). */
const LEASE_SECONDS = 10 * 60;

export interface PollReport {
  feed: FeedSubscription;
  status: 'polled' | 'not-modified' | 'failed' | 'busy';
  stored: number;
  duplicates: number;
  skipped: number;
  /** Per-item problems; the other items went on. */
  problems: string[];
  error: string | null;
}

export interface AddFeedInput {
  url: string;
  sourceName?: string | null;
  autoPublish?: boolean;
  pollIntervalSeconds?: number;
}

/** Subscriptions to partner and wire feeds, and polling them into the inbox. */
export class FeedService {
  constructor(private readonly deps: {
    store: Store; clock: Clock; newId: IdGenerator; sources: SourceService; importer: ImportService;
    fetcher: ResourceFetcher; feeds: FeedDocumentReader; pages: PageReader;
  }) {}

  /** Subscribes to a feed; it is polled at once and then every `pollIntervalSeconds`. */
  async add(input: AddFeedInput): Promise<FeedSubscription> {
    const url = normaliseFeedUrl(input.url);
    const { store, clock } = this.deps;
    if (await store.feeds.getByUrl(url)) throw new AppError('SLUG_TAKEN', `The feed ${url} is already subscribed.`, { details: { url } });
    const interval = input.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS;
    if (!Number.isInteger(interval) || interval < MIN_POLL_INTERVAL_SECONDS) {
      throw new AppError('INVALID_INPUT', `A feed may be polled at most once a minute; give an interval of ${MIN_POLL_INTERVAL_SECONDS} seconds or more.`, { details: { field: 'interval' } });
    }
    const source = input.sourceName ? await this.deps.sources.findOrCreate(input.sourceName) : null;
    const feed: FeedSubscription = {
      id: this.deps.newId() as FeedId, url, title: null, sourceId: source?.id ?? null, autoPublish: input.autoPublish ?? false,
      active: true, pollIntervalSeconds: interval, etag: null, lastModified: null, lastPolledAt: null, nextPollAt: clock.now(),
      errorCount: 0, lastError: null,
    };
    await store.feeds.insert(feed, clock.now());
    return feed;
  }

  list(): Promise<FeedSubscription[]> {
    return this.deps.store.feeds.list();
  }

  /** Unsubscribes; articles already stored stay. */
  async remove(idOrUrl: string): Promise<FeedSubscription> {
    const feed = await this.find(idOrUrl);
    await this.deps.store.feeds.delete(feed.id);
    return feed;
  }

  /** Polls every feed that is due; safe to call from several processes at once. */
  async pollDue(limit = 20): Promise<PollReport[]> {
    const due = await this.deps.store.feeds.findDue(this.deps.clock.now(), limit);
    const reports: PollReport[] = [];
    for (const feed of due) reports.push(await this.poll(feed.id));
    return reports;
  }

  /** Polls one feed now, whether due or not. */
  async poll(idOrUrl: string): Promise<PollReport> {
    const { store, clock } = this.deps;
    const feed = await this.find(idOrUrl);
    const now = clock.now();
    const report: PollReport = { feed, status: 'polled', stored: 0, duplicates: 0, skipped: 0, problems: [], error: null };
    const leaseUntil = new Date(Date.parse(now) + LEASE_SECONDS * 1000).toISOString() as Instant;
    if (!(await store.feeds.tryLease(feed.id, now, leaseUntil))) return { ...report, status: 'busy' };
    try {
      const outcome = await this.deps.fetcher.fetch(feed.url, { accept: 'feed', etag: feed.etag, lastModified: feed.lastModified });
      if (outcome.status === 'not-modified') {
        report.status = 'not-modified';
        report.feed = await this.saveFeed({ ...feed, lastPolledAt: now, nextPollAt: nextPollAfterSuccess(now, feed.pollIntervalSeconds), errorCount: 0, lastError: null });
        return report;
      }
      const document = this.deps.feeds.read(outcome.resource);
      report.problems.push(...document.problems.map((p) => (p.item === null ? p.message : `item ${p.item + 1}: ${p.message}`)));
      const source = feed.sourceId ? await store.sources.getById(feed.sourceId) : null;
      // Oldest first, so the inbox order follows publication order.
      for (const entry of [...document.entries].reverse()) await this.ingestEntry(feed, source, entry, report);
      report.feed = await this.saveFeed({
        ...feed, title: feed.title ?? document.title, etag: outcome.resource.etag, lastModified: outcome.resource.lastModified,
        lastPolledAt: now, nextPollAt: nextPollAfterSuccess(now, feed.pollIntervalSeconds), errorCount: 0, lastError: null,
      });
      return report;
    } catch (error) {
      const message = isAppError(error) ? error.message : `Unexpected error: ${(error as Error).message}`;
      const errorCount = feed.errorCount + 1;
      report.status = 'failed';
      report.error = message;
      report.feed = await this.saveFeed({ ...feed, lastPolledAt: now, errorCount, lastError: message, nextPollAt: nextPollAfterFailure(now, feed.pollIntervalSeconds, errorCount) });
      return report;
    } finally {
      await store.feeds.releaseLease(feed.id);
    }
  }

  private async ingestEntry(feed: FeedSubscription, source: Source | null, entry: FeedEntry, report: PollReport): Promise<void> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const key = feedItemKey({ guid: entry.guid, url: entry.url, contentHash: null }) ?? `title:${entry.draft.title}`;
    const seen = await store.feeds.getItem(feed.id, key);
    if (seen && seen.state !== 'failed') {
      report.skipped++;
      return;
    }
    const record: FeedItemRecord = {
      feedId: feed.id, itemKey: key, guid: entry.guid, url: entry.url, contentHash: null, articleId: null, state: 'failed', problem: null,
      firstSeenAt: seen?.firstSeenAt ?? now, lastSeenAt: now,
    };
    try {
      let draft = entry.draft;
      if (!entry.hasFullContent && entry.url) draft = await this.withFullPage(draft, entry.url);
      const outcome = await this.deps.importer.importDraft(draft, { publish: feed.autoPublish, origin: 'feed', source });
      record.articleId = outcome.article?.id ?? null;
      record.state = outcome.status === 'already-imported' ? 'duplicate' : 'stored';
      if (outcome.duplicateOf) record.problem = `already stored (same ${outcome.duplicateOf.replace('-', ' ')})`;
      if (record.state === 'duplicate') report.duplicates++;
      else report.stored++;
    } catch (error) {
      record.problem = isAppError(error) ? error.message : `Unexpected error: ${(error as Error).message}`;
      report.problems.push(`${entry.url ?? entry.guid ?? entry.draft.title}: ${record.problem}`);
    }
    await store.feeds.saveItem(record);
  }

  /** Fetches the item's page and takes its body (and what the feed lacked) from it; the feed's title and date stay. */
  private async withFullPage(draft: FeedEntry['draft'], url: string): Promise<FeedEntry['draft']> {
    const outcome = await this.deps.fetcher.fetch(url, { accept: 'html' });
    if (outcome.status !== 'ok') return draft;
    const page = this.deps.pages.read(outcome.resource);
    return {
      ...page,
      title: draft.title || page.title,
      publishedAt: draft.publishedAt ?? page.publishedAt,
      authors: draft.authors.length ? draft.authors : page.authors,
      terms: [...draft.terms, ...page.terms],
      original: {
        publisher: draft.original.publisher ?? page.original.publisher,
        url: draft.original.url ?? page.original.url ?? url,
        publishedAt: draft.original.publishedAt ?? page.original.publishedAt,
        author: draft.original.author ?? page.original.author ?? null,
      },
      copyrightLine: draft.copyrightLine ?? page.copyrightLine,
      excerpt: draft.excerpt ?? page.excerpt ?? null,
    };
  }

  private async saveFeed(feed: FeedSubscription): Promise<FeedSubscription> {
    await this.deps.store.feeds.update(feed, this.deps.clock.now());
    return feed;
  }

  private async find(idOrUrl: string): Promise<FeedSubscription> {
    const feeds = this.deps.store.feeds;
    const feed = (await feeds.getById(idOrUrl as FeedId)) ?? (await feeds.getByUrl(idOrUrl)) ?? (await feeds.getByUrl(safeNormalise(idOrUrl)));
    if (!feed) throw new AppError('NOT_FOUND', `There is no feed "${idOrUrl}". Run "dateline feeds list" to see the subscriptions.`, { details: { feed: idOrUrl } });
    return feed;
  }
}

function normaliseFeedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('INVALID_INPUT', `"${raw}" is not a URL. Give the full address of the feed, starting with https://.`, { details: { field: 'url' } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('INVALID_INPUT', `Feeds are fetched over http or https; "${raw}" uses ${url.protocol}`, { details: { field: 'url' } });
  }
  if (url.username || url.password) throw new AppError('INVALID_INPUT', 'A feed URL may not carry a user name or password.', { details: { field: 'url' } });
  url.hash = '';
  return url.toString();
}

function safeNormalise(raw: string): string {
  try {
    return normaliseFeedUrl(raw);
  } catch {
    return raw;
  }
}
