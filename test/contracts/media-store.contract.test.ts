import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/app/system-clock.js';
import type { Store } from '../../src/app/ports.js';
import type { ArticleId } from '../../src/domain/ids.js';
import { variantKey, variantUrl, type MediaId, type MediaItem } from '../../src/domain/media.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { testDatabases } from '../support/databases.js';
import { at, makeArticle, testId } from '../support/fixtures.js';

let hashes = 0;
const fakeSha = () => String(++hashes).padStart(64, 'a');

const item = (overrides: Partial<MediaItem> = {}): MediaItem => {
  const sha256 = overrides.sha256 ?? fakeSha();
  return {
    id: testId() as MediaId, originalFilename: 'harbour.jpg', mime: 'image/jpeg', width: 1000, height: 750, bytes: 123_456,
    sha256, altText: 'Boats in the harbour', caption: null, credit: null, uploadedBy: null, createdAt: at('2026-06-01T12:00:00Z'),
    variants: [
      { width: 320, height: 240, format: 'avif', path: variantKey(sha256, 320, 'avif'), bytes: 5_000 },
      { width: 320, height: 240, format: 'jpeg', path: variantKey(sha256, 320, 'jpeg'), bytes: 9_000 },
      { width: 1000, height: 750, format: 'jpeg', path: variantKey(sha256, 1000, 'jpeg'), bytes: 80_000 },
    ],
    ...overrides,
  };
};

for (const testDb of testDatabases) {
  describe(`Media storage contract on ${testDb.dialect}`, () => {
    let db: Awaited<ReturnType<typeof testDb.open>>;
    let store: Store;

    before(async () => {
      db = await testDb.open();
      store = new KyselyStore(db.db, fixedClock('2026-06-01T12:00:00Z'));
    });
    after(async () => db?.dispose());

    it('stores an item with its variants and reads it back by id and by hash', async () => {
      const m = item({ caption: 'The old harbour at dawn', credit: 'Photo: A. Person' });
      await store.media.insert(m);
      assert.deepEqual(await store.media.getById(m.id), m);
      assert.deepEqual(await store.media.getBySha256(m.sha256), m);
      assert.deepEqual((await store.media.getManyBySha256([m.sha256, m.sha256, fakeSha()])).map((x) => x.id), [m.id]);
      assert.equal(await store.media.getById(testId() as MediaId), null);
    });

    it('refuses a second item with the same hash', async () => {
      const m = item();
      await store.media.insert(m);
      await assert.rejects(store.media.insert(item({ sha256: m.sha256 })));
    });

    it('updates the description only', async () => {
      const m = item();
      await store.media.insert(m);
      await store.media.updateDescription(m.id, { altText: 'Fishing boats', caption: 'Caption', credit: null });
      assert.deepEqual(await store.media.getById(m.id), { ...m, altText: 'Fishing boats', caption: 'Caption', credit: null });
    });

    it('lists newest first with paging and counts', async () => {
      const before = await store.media.count();
      const older = item({ createdAt: at('2026-06-02T00:00:00Z') });
      const newer = item({ createdAt: at('2026-06-03T00:00:00Z') });
      await store.media.insert(older);
      await store.media.insert(newer);
      assert.equal(await store.media.count(), before + 2);
      const first = await store.media.list({ offset: 0, limit: 1 });
      const second = await store.media.list({ offset: 1, limit: 1 });
      assert.deepEqual([first[0]?.id, second[0]?.id], [newer.id, older.id]);
      assert.equal(first[0]?.variants.length, 3);
    });

    it('deletes an item and its variants', async () => {
      const m = item();
      await store.media.insert(m);
      await store.media.delete(m.id);
      assert.equal(await store.media.getById(m.id), null);
      await store.media.insert(m);
      assert.equal((await store.media.getById(m.id))?.variants.length, 3, 'no variant rows were left behind to collide');
    });

    it('finds the articles that show an item as feature image or in the body', async () => {
      const m = item();
      const other = item();
      await store.media.insert(m);
      await store.media.insert(other);
      const url = variantUrl(m.sha256, 1000, 'jpeg');
      const featured = makeArticle({ featureImage: { url, alt: '', caption: null, credit: null } });
      const inBody = makeArticle({ bodyHtml: `<p>Text</p><img src="${variantUrl(m.sha256, 320, 'jpeg')}" alt="">` });
      const unrelated = makeArticle({ featureImage: { url: 'https://elsewhere.example/x.jpg', alt: '', caption: null, credit: null } });
      for (const a of [featured, inBody, unrelated]) await store.articles.insert(a);
      const using = await store.media.articlesUsing(m.sha256, 10);
      assert.deepEqual(using.map((u) => u.id).sort(), [featured.id, inBody.id].sort() as ArticleId[]);
      assert.deepEqual(await store.media.articlesUsing(other.sha256, 10), []);
      assert.equal((await store.media.articlesUsing(m.sha256, 1)).length, 1);
    });
  });
}
