import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/app/system-clock.js';
import type { Store } from '../../src/app/ports.js';
import type { ArticleId } from '../../src/domain/ids.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { testDatabases } from '../support/databases.js';
import { at, makeArticle } from '../support/fixtures.js';

for (const testDb of testDatabases) {
  describe(`Analysis queue storage contract on ${testDb.dialect}`, () => {
    let db: Awaited<ReturnType<typeof testDb.open>>;
    let store: Store;
    const t0 = at('2026-06-01T12:00:00Z');
    const t1 = at('2026-06-01T12:01:00Z');
    const lease = at('2026-06-01T12:05:00Z');
    const afterLease = at('2026-06-01T12:06:00Z');

    before(async () => {
      db = await testDb.open();
      store = new KyselyStore(db.db, fixedClock(t0), { capabilities: db.capabilities });
    });
    after(async () => db?.dispose());

    const articles = async (n: number) => {
      const ids: ArticleId[] = [];
      for (let i = 0; i < n; i++) {
        const a = makeArticle({ createdAt: t0 });
        await store.articles.insert(a);
        ids.push(a.id);
      }
      return ids;
    };
    /** Empties the queue between tests: every claim from here on sees only its own rows. */
    const drainAll = async () => {
      for (const c of await store.analysisQueue.claim('cleanup', at('2999-01-01T00:00:00Z'), at('2999-01-01T00:00:00Z'), 10_000)) await store.analysisQueue.complete(c);
      await store.analysisQueue.retryFailed(t0);
      for (const c of await store.analysisQueue.claim('cleanup2', at('2999-01-01T00:00:00Z'), at('2999-01-01T00:00:00Z'), 10_000)) await store.analysisQueue.complete(c);
    };

    it('claims available items once, until the lease of a crashed worker runs out', async () => {
      await drainAll();
      const [a, b, c] = await articles(3);
      await store.analysisQueue.enqueue([a!, b!, c!, a!], t0);
      assert.deepEqual(await store.analysisQueue.counts(), { waiting: 3, failed: 0 });
      const first = await store.analysisQueue.claim('worker-1', t1, lease, 2);
      assert.equal(first.length, 2);
      assert.ok(first.every((x) => x.claimToken === 'worker-1' && x.generation === 1 && x.attempts === 1));
      const second = await store.analysisQueue.claim('worker-2', t1, at('2026-06-01T12:30:00Z'), 10);
      assert.equal(second.length, 1, 'leased rows are not claimed again');
      assert.ok(!first.some((x) => x.articleId === second[0]!.articleId));
      assert.deepEqual(await store.analysisQueue.claim('worker-2', t1, lease, 10), []);

      // worker-1 "crashed": after its lease, another worker takes its items, counting the attempt.
      const retried = await store.analysisQueue.claim('worker-3', afterLease, at('2026-06-01T12:11:00Z'), 10);
      assert.deepEqual(retried.map((x) => x.articleId).sort(), first.map((x) => x.articleId).sort());
      assert.ok(retried.every((x) => x.attempts === 2));
      for (const stale of first) assert.equal(await store.transaction((tx) => tx.analysisQueue.standing(stale)), 'lost');
      await store.analysisQueue.complete(first[0]!);
      assert.equal((await store.analysisQueue.counts()).waiting, 3, 'a lost claim cannot complete the item');
      for (const claim of [...retried, ...second]) {
        assert.equal(await store.transaction(async (tx) => {
          const standing = await tx.analysisQueue.standing(claim);
          if (standing === 'current') await tx.analysisQueue.complete(claim);
          return standing;
        }), 'current');
      }
      assert.deepEqual(await store.analysisQueue.counts(), { waiting: 0, failed: 0 });
    });

    it('an enqueue during analysis supersedes the claim: the row stays and is claimable again once released', async () => {
      await drainAll();
      const [a] = await articles(1);
      await store.analysisQueue.enqueue([a!], t0);
      const [claim] = await store.analysisQueue.claim('w', t1, lease, 1);
      await store.analysisQueue.enqueue([a!], t1);
      assert.deepEqual(await store.analysisQueue.claim('other', t1, lease, 1), [], 'still leased to w');
      assert.equal(await store.transaction((tx) => tx.analysisQueue.standing(claim!)), 'superseded');
      await store.analysisQueue.complete(claim!);
      assert.equal((await store.analysisQueue.counts()).waiting, 1, 'completing an old generation keeps the newer one');
      await store.analysisQueue.release(claim!);
      const [again] = await store.analysisQueue.claim('w2', t1, lease, 1);
      assert.equal(again?.articleId, a);
      assert.equal(again?.generation, 2);
      assert.equal(again?.attempts, 1, 'a new enqueue starts the attempts afresh');
      assert.equal(await store.transaction((tx) => tx.analysisQueue.standing(again!)), 'current');
      await store.analysisQueue.complete(again!);
      assert.deepEqual(await store.analysisQueue.counts(), { waiting: 0, failed: 0 });
    });

    it('retries a failure when due, keeps a given-up item until retried by hand, and forgets a deleted article', async () => {
      await drainAll();
      const [a, b, gone] = await articles(3);
      await store.analysisQueue.enqueue([a!, b!, gone!], t0);
      const claims = await store.analysisQueue.claim('w', t0, lease, 10);
      await store.analysisQueue.fail(claims.find((c) => c.articleId === a)!, 'boom', afterLease);
      await store.analysisQueue.fail(claims.find((c) => c.articleId === b)!, 'bad article', null);
      await store.articles.delete(gone!);
      assert.deepEqual(await store.analysisQueue.counts(), { waiting: 1, failed: 1 });
      assert.deepEqual(await store.analysisQueue.claim('w', t1, lease, 10), [], 'not due yet');
      assert.deepEqual((await store.analysisQueue.claim('w', afterLease, at('2026-06-01T12:20:00Z'), 10)).map((c) => c.articleId), [a]);
      assert.equal(await store.analysisQueue.retryFailed(t1), 1);
      assert.deepEqual((await store.analysisQueue.claim('w', afterLease, at('2026-06-01T12:20:00Z'), 10)).map((c) => c.articleId), [b]);
    });

    it('concurrent claimers take disjoint items', async () => {
      await drainAll();
      const ids = await articles(40);
      await store.analysisQueue.enqueue(ids, t0);
      // On PostgreSQL these run on separate pooled connections at the same time.
      const batches = await Promise.all(Array.from({ length: 8 }, (_, i) => store.analysisQueue.claim(`w${i}`, t1, lease, 3)));
      const more = await Promise.all(Array.from({ length: 8 }, (_, i) => store.analysisQueue.claim(`v${i}`, t1, lease, 3)));
      const claimed = [...batches, ...more].flat().map((c) => c.articleId);
      assert.equal(new Set(claimed).size, claimed.length, 'no item claimed twice');
      assert.equal(claimed.length, 40);
    });

    it('stores one analysis per article, replaced on re-analysis', async () => {
      const [a] = await articles(1);
      await store.analyses.put({ articleId: a!, analysis: '{"v":1}', analysedAt: t0 });
      await store.analyses.put({ articleId: a!, analysis: '{"v":2}', analysedAt: t1 });
      assert.deepEqual(await store.analyses.listForArticles([a!]), [{ articleId: a, analysis: '{"v":2}', analysedAt: t1 }]);
      assert.deepEqual(await store.analyses.listForArticles([]), []);
    });
  });
}
