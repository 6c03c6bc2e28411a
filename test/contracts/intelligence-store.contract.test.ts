import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/app/system-clock.js';
import type { StoredFingerprint, Store } from '../../src/app/ports.js';
import type { ArticleId } from '../../src/domain/ids.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { testDatabases } from '../support/databases.js';
import { at, makeArticle, testId, type Slug, type TaxonomyId } from '../support/fixtures.js';

for (const testDb of testDatabases) {
  describe(`Theme model and fingerprint storage contract on ${testDb.dialect}`, () => {
    let db: Awaited<ReturnType<typeof testDb.open>>;
    let store: Store;
    const now = at('2026-06-01T12:00:00Z');

    before(async () => {
      db = await testDb.open();
      store = new KyselyStore(db.db, fixedClock(now));
    });
    after(async () => db?.dispose());

    const article = async (createdAt = now) => {
      const a = makeArticle({ createdAt });
      await store.articles.insert(a);
      return a.id;
    };
    const fingerprint = (articleId: ArticleId, overrides: Partial<StoredFingerprint> = {}): StoredFingerprint => ({
      articleId, bodyHash: `hash-${articleId}`, signature: 'ab'.repeat(8), shingles: 40, clusterId: articleId, createdAt: now, ...overrides,
    });

    it('keeps one theme model per taxonomy, replaced on retraining', async () => {
      const taxonomyId = testId() as TaxonomyId;
      await store.taxonomies.insertTaxonomy({ id: taxonomyId, slug: `theme-${taxonomyId.slice(-4)}` as Slug, name: 'Theme', pluralName: 'Themes', description: null, position: 9 });
      assert.equal(await store.themeModels.get(taxonomyId), null);
      await store.themeModels.put({ taxonomyId, model: '{"v":1}', trainedAt: now, examples: 3 });
      const later = at('2026-06-02T00:00:00Z');
      await store.themeModels.put({ taxonomyId, model: '{"v":2}', trainedAt: later, examples: 7 });
      assert.deepEqual(await store.themeModels.get(taxonomyId), { taxonomyId, model: '{"v":2}', trainedAt: later, examples: 7 });
    });

    it('finds fingerprints by look-up key, most shared keys first, and replaces keys on update', async () => {
      const [a, b, c] = [await article(), await article(), await article()];
      await store.fingerprints.put(fingerprint(a), ['0.x', '1.y', '2.z']);
      await store.fingerprints.put(fingerprint(b, { clusterId: a }), ['0.x', '1.other', '2.z']);
      await store.fingerprints.put(fingerprint(c), ['0.none']);
      const found = await store.fingerprints.findByLookupKeys(['0.x', '1.y', '2.z'], 10);
      assert.deepEqual(found.map((f) => f.articleId), [a, b]);
      assert.deepEqual(found[1], fingerprint(b, { clusterId: a }));
      assert.deepEqual((await store.fingerprints.findByLookupKeys(['0.x', '1.y', '2.z'], 1)).map((f) => f.articleId), [a]);
      await store.fingerprints.put(fingerprint(b, { clusterId: a, shingles: 41 }), ['9.moved']);
      assert.deepEqual((await store.fingerprints.findByLookupKeys(['0.x'], 10)).map((f) => f.articleId), [a]);
      assert.equal((await store.fingerprints.get(b))?.shingles, 41);
      assert.deepEqual(await store.fingerprints.findByLookupKeys([], 10), []);
    });

    it('lists a cluster oldest first and finds the oldest article with a body hash', async () => {
      const first = await article(at('2026-05-01T00:00:00Z'));
      const second = await article(at('2026-05-02T00:00:00Z'));
      await store.fingerprints.put(fingerprint(second, { clusterId: first, bodyHash: 'same-body', createdAt: at('2026-05-02T00:00:00Z') }), []);
      await store.fingerprints.put(fingerprint(first, { clusterId: first, bodyHash: 'same-body', createdAt: at('2026-05-01T00:00:00Z') }), []);
      assert.deepEqual((await store.fingerprints.listCluster(first)).map((f) => f.articleId), [first, second]);
      assert.equal((await store.fingerprints.findByBodyHash('same-body'))?.articleId, first);
      assert.equal(await store.fingerprints.findByBodyHash('no-such-body'), null);
      assert.deepEqual((await store.fingerprints.listForArticles([second, first])).map((f) => f.articleId).sort(), [first, second].sort());
    });

    it('lists articles without a fingerprint and forgets fingerprints of deleted articles', async () => {
      const bare = await article(at('2000-01-01T00:00:00Z'));
      assert.ok((await store.fingerprints.listUnfingerprinted(1000)).includes(bare));
      await store.fingerprints.put(fingerprint(bare), ['0.gone']);
      assert.ok(!(await store.fingerprints.listUnfingerprinted(1000)).includes(bare));
      await store.articles.delete(bare);
      assert.equal(await store.fingerprints.get(bare), null);
      assert.deepEqual(await store.fingerprints.findByLookupKeys(['0.gone'], 10), []);
    });
  });
}
