import type { Kysely } from 'kysely';
import type { FeedItemRecord, FeedItemState, FeedSubscription } from '../domain/feed.js';
import type { FeedId, Instant, SourceId } from '../domain/ids.js';
import type { FeedRepository } from '../app/ports.js';
import type { Database, FeedItemTable, FeedTable } from './schema.js';

const toFeed = (r: FeedTable): FeedSubscription => ({
  id: r.id as FeedId, url: r.url, title: r.title, sourceId: r.source_id as SourceId | null,
  autoPublish: Number(r.auto_publish) === 1, active: Number(r.active) === 1, pollIntervalSeconds: Number(r.poll_interval_seconds),
  etag: r.etag, lastModified: r.last_modified, lastPolledAt: r.last_polled_at as Instant | null, nextPollAt: r.next_poll_at as Instant,
  errorCount: Number(r.error_count), lastError: r.last_error,
});

const toRow = (f: FeedSubscription) => ({
  url: f.url, title: f.title, source_id: f.sourceId, auto_publish: f.autoPublish ? 1 : 0, active: f.active ? 1 : 0,
  poll_interval_seconds: f.pollIntervalSeconds, etag: f.etag, last_modified: f.lastModified, last_polled_at: f.lastPolledAt,
  next_poll_at: f.nextPollAt, error_count: f.errorCount, last_error: f.lastError,
});

const toItem = (r: FeedItemTable): FeedItemRecord => ({
  feedId: r.feed_id as FeedId, itemKey: r.item_key, guid: r.guid, url: r.url, contentHash: r.content_hash, articleId: r.article_id,
  state: r.state as FeedItemState, problem: r.problem, firstSeenAt: r.first_seen_at as Instant, lastSeenAt: r.last_seen_at as Instant,
});

/** Feed subscriptions and the items seen in them, over Kysely. */
export class KyselyFeedRepository implements FeedRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(feed: FeedSubscription, now: Instant): Promise<void> {
    await this.db.insertInto('feeds').values({ id: feed.id, ...toRow(feed), lease_until: null, created_at: now, updated_at: now }).execute();
  }

  async update(feed: FeedSubscription, now: Instant): Promise<void> {
    await this.db.updateTable('feeds').set({ ...toRow(feed), updated_at: now }).where('id', '=', feed.id).execute();
  }

  async delete(id: FeedId): Promise<void> {
    await this.db.deleteFrom('feed_items').where('feed_id', '=', id).execute();
    await this.db.deleteFrom('feeds').where('id', '=', id).execute();
  }

  async getById(id: FeedId): Promise<FeedSubscription | null> {
    const r = await this.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toFeed(r) : null;
  }

  async getByUrl(url: string): Promise<FeedSubscription | null> {
    const r = await this.db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
    return r ? toFeed(r) : null;
  }

  async list(): Promise<FeedSubscription[]> {
    return (await this.db.selectFrom('feeds').selectAll().orderBy('created_at').execute()).map(toFeed);
  }

  async findDue(now: Instant, limit: number): Promise<FeedSubscription[]> {
    const rows = await this.db.selectFrom('feeds').selectAll().where('active', '=', 1).where('next_poll_at', '<=', now)
      .orderBy('next_poll_at').limit(limit).execute();
    return rows.map(toFeed);
  }

  async tryLease(id: FeedId, now: Instant, until: Instant): Promise<boolean> {
    const result = await this.db.updateTable('feeds').set({ lease_until: until }).where('id', '=', id)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async releaseLease(id: FeedId): Promise<void> {
    await this.db.updateTable('feeds').set({ lease_until: null }).where('id', '=', id).execute();
  }

  async getItem(feedId: FeedId, itemKey: string): Promise<FeedItemRecord | null> {
    const r = await this.db.selectFrom('feed_items').selectAll().where('feed_id', '=', feedId).where('item_key', '=', itemKey).executeTakeFirst();
    return r ? toItem(r) : null;
  }

  async saveItem(item: FeedItemRecord): Promise<void> {
    const values = {
      feed_id: item.feedId, item_key: item.itemKey, guid: item.guid, url: item.url, content_hash: item.contentHash,
      article_id: item.articleId, state: item.state, problem: item.problem, first_seen_at: item.firstSeenAt, last_seen_at: item.lastSeenAt,
    };
    await this.db.insertInto('feed_items').values(values)
      .onConflict((oc) => oc.columns(['feed_id', 'item_key']).doUpdateSet({
        guid: values.guid, url: values.url, content_hash: values.content_hash, article_id: values.article_id,
        state: values.state, problem: values.problem, last_seen_at: values.last_seen_at,
      })).execute();
  }

  async listItems(feedId: FeedId): Promise<FeedItemRecord[]> {
    return (await this.db.selectFrom('feed_items').selectAll().where('feed_id', '=', feedId).orderBy('first_seen_at').execute()).map(toItem);
  }
}
