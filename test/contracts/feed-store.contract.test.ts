import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/app/system-clock.js';
import type { Store } from '../../src/app/ports.js';
import type { FeedSubscription } from '../../src/domain/feed.js';
import type { FeedId } from '../../src/domain/ids.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { testDatabases } from '../support/databases.js';
import { at, makeArticle, testId, type Slug } from '../support/fixtures.js';

const feed = (overrides: Partial<FeedSubscription> = {}): FeedSubscription => ({
  id: testId() as FeedId, url: `https://wire.example/${testId()}.xml`, title: 'Wire', sourceId: null, autoPublish: false, active: true,
  pollIntervalSeconds: 900, etag: null, lastModified: null, lastPolledAt: null, nextPollAt: at('2026-06-01T00:00:00Z'),
  errorCount: 0, lastError: null, ...overrides,
});

for (const testDb of testDatabases) {
  describe(`Feed and inbox storage contract on ${testDb.dialect}`, () => {
    let db: Awaited<ReturnType<typeof testDb.open>>;
    let store: Store;
    const now = at('2026-06-01T12:00:00Z');

    before(async () => {
      db = await testDb.open();
      store = new KyselyStore(db.db, fixedClock(now));
    });
    after(async () => db?.dispose());

    it('stores a feed and finds it by id and URL', async () => {
      const f = feed({ etag: '"abc"', lastModified: 'Mon, 01 Jun 2026 00:00:00 GMT', autoPublish: true });
      await store.feeds.insert(f, now);
      assert.deepEqual(await store.feeds.getById(f.id), f);
      assert.deepEqual(await store.feeds.getByUrl(f.url), f);
      await assert.rejects(store.feeds.insert({ ...f, id: testId() as FeedId }, now), 'the URL is unique');
    });

    it('finds due active feeds only, soonest first', async () => {
      const soon = feed({ nextPollAt: at('2026-06-01T01:00:00Z') });
      const sooner = feed({ nextPollAt: at('2026-05-01T01:00:00Z') });
      const later = feed({ nextPollAt: at('2026-07-01T01:00:00Z') });
      const paused = feed({ nextPollAt: at('2026-05-01T01:00:00Z'), active: false });
      for (const f of [soon, sooner, later, paused]) await store.feeds.insert(f, now);
      const due = (await store.feeds.findDue(now, 100)).map((f) => f.id);
      assert.ok(due.indexOf(sooner.id) < due.indexOf(soon.id) && due.indexOf(sooner.id) >= 0);
      assert.ok(!due.includes(later.id) && !due.includes(paused.id));
    });

    it('leases a feed to one poller at a time', async () => {
      const f = feed();
      await store.feeds.insert(f, now);
      const until = at('2026-06-01T12:05:00Z');
      const results = await Promise.all([store.feeds.tryLease(f.id, now, until), store.feeds.tryLease(f.id, now, until)]);
      assert.deepEqual(results.sort(), [false, true]);
      assert.equal(await store.feeds.tryLease(f.id, at('2026-06-01T12:06:00Z'), at('2026-06-01T12:10:00Z')), true, 'an expired lease can be taken');
      await store.feeds.releaseLease(f.id);
      assert.equal(await store.feeds.tryLease(f.id, now, until), true);
    });

    it('remembers items and updates them in place', async () => {
      const f = feed();
      await store.feeds.insert(f, now);
      const item = { feedId: f.id, itemKey: 'guid-1', guid: 'guid-1', url: 'https://wire.example/a', contentHash: 'h1', articleId: null, state: 'failed' as const, problem: 'timeout', firstSeenAt: now, lastSeenAt: now };
      await store.feeds.saveItem(item);
      await store.feeds.saveItem({ ...item, state: 'rejected', problem: null, lastSeenAt: at('2026-06-02T00:00:00Z') });
      assert.deepEqual(await store.feeds.getItem(f.id, 'guid-1'), { ...item, state: 'rejected', problem: null, lastSeenAt: at('2026-06-02T00:00:00Z') });
      assert.equal((await store.feeds.listItems(f.id)).length, 1);
      await store.feeds.delete(f.id);
      assert.equal(await store.feeds.getById(f.id), null);
    });

    it('finds articles by fingerprint and original URL, and lists the inbox', async () => {
      const pending = makeArticle({ slug: 'inbox-a' as Slug, status: 'draft', origin: 'feed', inboxState: 'pending', contentHash: 'fp-1',
        syndication: { sourceId: null, originalPublisher: 'Wire', originalUrl: 'https://wire.example/story', originalAuthor: null, originalPublishedAt: null, copyrightHolder: null, copyrightLine: null, licence: 'Terms', searchPolicy: 'noindex' } });
      const rejected = makeArticle({ slug: 'inbox-b' as Slug, status: 'draft', origin: 'feed', inboxState: 'rejected', contentHash: 'fp-2' });
      await store.articles.insert(pending);
      await store.articles.insert(rejected);
      assert.equal((await store.articles.findByContentHash('fp-1'))?.id, pending.id);
      assert.equal(await store.articles.findByContentHash('nope'), null);
      assert.equal((await store.articles.findByOriginalUrl('https://wire.example/story'))?.id, pending.id);
      assert.deepEqual((await store.articles.listInbox('pending', { offset: 0, limit: 10 })).map((a) => a.id), [pending.id]);
      assert.equal(await store.articles.countInbox('rejected'), 1);
      assert.equal((await store.articles.getById(pending.id))?.origin, 'feed');
    });
  });
}
