import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../src/app/ports.js';
import { fixedClock } from '../../src/app/system-clock.js';
import type { MediaId } from '../../src/domain/media.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { testDatabases } from '../support/databases.js';
import { at, makeArticle, testId } from '../support/fixtures.js';

for (const testDb of testDatabases) {
  describe(`The media record of site imports on ${testDb.dialect}`, () => {
    let db: Awaited<ReturnType<typeof testDb.open>>;
    let store: Store;
    const now = at('2026-06-01T12:00:00Z');
    const source = 'wxr:https://old.example';

    before(async () => {
      db = await testDb.open();
      store = new KyselyStore(db.db, fixedClock(now));
    });
    after(async () => db?.dispose());

    it('records an address once per source, replacing the earlier outcome', async () => {
      const url = 'https://old.example/a.jpg?w=1&h=2';
      await store.importMedia.record({ sourceKey: source, url, state: 'external', mediaId: null, reason: 'timed out', at: now });
      assert.equal((await store.importMedia.find(source, url))?.reason, 'timed out');
      const stored = { sourceKey: source, url, state: 'stored' as const, mediaId: testId() as MediaId, reason: null, at: now };
      await store.importMedia.record(stored);
      assert.deepEqual(await store.importMedia.find(source, url), stored);
      assert.equal(await store.importMedia.find('wxr:https://other.example', url), null);
      await store.importMedia.record({ sourceKey: source, url: 'https://old.example/b.pdf', state: 'external', mediaId: null, reason: 'not an image', at: now });
      assert.deepEqual((await store.importMedia.list(source, 'external')).map((e) => e.url), ['https://old.example/b.pdf']);
      assert.deepEqual((await store.importMedia.list(source, 'stored')).map((e) => e.url), [url]);
    });

    it('pages through the attachments and articles a site import recorded for a source', async () => {
      const run = { id: testId(), format: 'wxr', sourceKey: source, fileHash: 'h', fileName: 'f.xml', state: 'running' as const, startedAt: now, finishedAt: null, summary: null };
      await store.imports.insertRun(run);
      const articles = [makeArticle(), makeArticle(), makeArticle()];
      for (const a of articles) await store.articles.insert(a);
      const item = (originKey: string, state: 'imported' | 'external' | 'skipped', targetId: string | null) =>
        store.imports.recordItem({ sourceKey: source, originKey, runId: run.id, state, targetId, reason: null, at: now });
      await item('wxr:post:1', 'imported', articles[0]!.id);
      await item('wxr:post:2', 'imported', articles[1]!.id);
      await item('wxr:author:ann', 'imported', testId()); // not an article
      await item('wxr:attachment:7', 'external', 'https://old.example/7.jpg');
      await item('wxr:attachment:8', 'external', 'https://old.example/8.jpg');
      await item('wxr:attachment:9', 'skipped', null);
      await store.imports.recordItem({ sourceKey: 'wxr:https://other.example', originKey: 'wxr:post:3', runId: run.id, state: 'imported', targetId: articles[2]!.id, reason: null, at: now });

      const ids = [articles[0]!.id, articles[1]!.id].sort();
      assert.deepEqual(await store.importMedia.importedArticles(source, '', 10), ids);
      assert.deepEqual(await store.importMedia.importedArticles(source, ids[0]!, 10), [ids[1]]);
      assert.deepEqual(await store.importMedia.externalItems(source, '', 1), [{ originKey: 'wxr:attachment:7', url: 'https://old.example/7.jpg' }]);
      assert.deepEqual(await store.importMedia.externalItems(source, 'wxr:attachment:7', 10), [{ originKey: 'wxr:attachment:8', url: 'https://old.example/8.jpg' }]);
    });
  });
}
