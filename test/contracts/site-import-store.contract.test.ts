import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../../src/app/system-clock.js';
import type { Store } from '../../src/app/ports.js';
import type { Comment, CommentId } from '../../src/domain/comment.js';
import type { ImportRun } from '../../src/domain/import-run.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { testDatabases } from '../support/databases.js';
import { at, makeArticle, testId } from '../support/fixtures.js';

for (const testDb of testDatabases) {
  describe(`Comments, redirects and import checkpoints on ${testDb.dialect}`, () => {
    let db: Awaited<ReturnType<typeof testDb.open>>;
    let store: Store;
    const now = at('2026-06-01T12:00:00Z');

    before(async () => {
      db = await testDb.open();
      store = new KyselyStore(db.db, fixedClock(now));
    });
    after(async () => db?.dispose());

    it('stores threaded comments and lists them oldest first', async () => {
      const article = makeArticle();
      await store.articles.insert(article);
      const first: Comment = {
        id: testId() as CommentId, articleId: article.id, parentId: null, kind: 'comment', authorName: 'Ann', authorEmail: 'ann@example.org',
        authorUrl: null, bodyHtml: '<p>First</p>', status: 'approved', createdAt: at('2026-01-01T10:00:00Z'), originKey: 'wxr:comment:1:1',
      };
      const reply: Comment = { ...first, id: testId() as CommentId, parentId: first.id, authorName: 'Bo', status: 'pending', kind: 'pingback', createdAt: at('2026-01-02T10:00:00Z'), originKey: null };
      await store.comments.insertMany([reply, first]);
      assert.deepEqual(await store.comments.listForArticle(article.id), [first, reply]);
      assert.equal(await store.comments.count(), 2);
    });

    it('keeps the first redirect of a path and replaces it only when asked', async () => {
      const inserted = await store.redirects.insertMissing([
        { fromPath: '/?p=1', toPath: '/2020/01/a/', kind: 'import', createdAt: now },
        { fromPath: '/old/', toPath: null, kind: 'import', createdAt: now },
      ]);
      assert.equal(inserted, 2);
      assert.equal(await store.redirects.insertMissing([{ fromPath: '/?p=1', toPath: '/2020/01/b/', kind: 'import', createdAt: now }]), 0);
      assert.equal((await store.redirects.find('/?p=1'))?.toPath, '/2020/01/a/');
      assert.deepEqual(await store.redirects.find('/old/'), { fromPath: '/old/', toPath: null, kind: 'import', createdAt: now });
      await store.redirects.put({ fromPath: '/?p=1', toPath: '/2020/01/c/', kind: 'moved', createdAt: now });
      assert.equal((await store.redirects.find('/?p=1'))?.toPath, '/2020/01/c/');
      await store.redirects.delete('/old/');
      assert.equal(await store.redirects.find('/old/'), null);
      assert.equal(await store.redirects.count(), 1);
    });

    it('records runs and items, finds an unfinished run by file hash, and refuses an item twice', async () => {
      const run: ImportRun = {
        id: testId(), format: 'wxr', sourceKey: 'wxr:https://old.example', fileHash: 'abc', fileName: 'site.xml', state: 'running',
        startedAt: now, finishedAt: null, summary: null,
      };
      await store.imports.insertRun(run);
      assert.deepEqual(await store.imports.findUnfinishedRun('abc'), run);
      await store.transaction(async (tx) => {
        await tx.imports.recordItem({ sourceKey: run.sourceKey, originKey: 'wxr:post:1', runId: run.id, state: 'imported', targetId: 'a1', reason: null, at: now });
        await tx.imports.recordItem({ sourceKey: run.sourceKey, originKey: 'wxr:post:2', runId: run.id, state: 'skipped', targetId: null, reason: 'trash', at: now });
      });
      await assert.rejects(store.imports.recordItem({ sourceKey: run.sourceKey, originKey: 'wxr:post:1', runId: run.id, state: 'imported', targetId: 'a2', reason: null, at: now }));
      const items = await store.imports.itemsOf(run.sourceKey);
      assert.deepEqual(items.get('wxr:post:1'), { state: 'imported', targetId: 'a1' });
      assert.equal(items.size, 2);
      // A batch's lookup: only the keys asked for, of this source, even past one statement's worth of keys.
      const asked = ['wxr:post:2', ...Array.from({ length: 1500 }, (_, i) => `wxr:post:${1000 + i}`), 'wxr:post:1'];
      assert.deepEqual([...(await store.imports.itemsAmong(run.sourceKey, asked))].sort(), [...items].sort());
      assert.equal((await store.imports.itemsAmong(run.sourceKey, ['wxr:post:2'])).size, 1);
      assert.equal((await store.imports.itemsAmong('wxr:https://other.example', ['wxr:post:1'])).size, 0);
      assert.equal(await store.imports.hasItems(run.sourceKey), true);
      assert.equal(await store.imports.hasItems('wxr:https://other.example'), false);
      assert.deepEqual((await store.imports.listItems(run.id, 'skipped')).map((i) => i.reason), ['trash']);
      const finished = { ...run, state: 'finished' as const, finishedAt: now, summary: { imported: 1, skipped: 1 } };
      await store.imports.updateRun(finished);
      assert.equal(await store.imports.findUnfinishedRun('abc'), null);
      assert.deepEqual(await store.imports.listRuns(), [finished]);
    });

    it('writes a bulk import batch with multi-row statements: articles searchable, links, redirects and checkpoints counted', async () => {
      const searchable = new KyselyStore(db.db, fixedClock(now), { capabilities: db.capabilities });
      // More rows than one statement takes, so chunks of different sizes (and statement texts) are used.
      const articles = Array.from({ length: 1203 }, (_, i) => makeArticle({
        title: i === 777 ? 'Lighthouse keepers strike' : `Council report ${i}`, bodyHtml: `<p>The council met for the ${i}th time.</p>`,
        publishedAt: at('2026-01-01T00:00:00Z'),
      }));
      await searchable.transaction((tx) => tx.articles.insertMany(articles.map((article) => ({ article }))));
      assert.deepEqual(await searchable.articles.getById(articles[1202]!.id), articles[1202]);
      const found = await searchable.search.search({ text: 'lighthouse keeper', limit: 10, offset: 0, now });
      assert.deepEqual(found.hits.map((h) => h.article.id), [articles[777]!.id]);

      const redirects = Array.from({ length: 2500 }, (_, i) => ({ fromPath: `/bulk/${i % 2400}/`, toPath: `/to/${i}/`, kind: 'import' as const, createdAt: now }));
      assert.equal(await searchable.redirects.insertMissing(redirects), 2400, 'repeated paths in one batch keep the first');
      assert.equal((await searchable.redirects.find('/bulk/5/'))?.toPath, '/to/5/');

      const run: ImportRun = { id: testId(), format: 'wxr', sourceKey: 'wxr:bulk', fileHash: 'bulk', fileName: 'b.xml', state: 'running', startedAt: now, finishedAt: null, summary: null };
      await searchable.imports.insertRun(run);
      await searchable.imports.recordItems(Array.from({ length: 2500 }, (_, i) => ({
        sourceKey: run.sourceKey, originKey: `wxr:post:${i}`, runId: run.id, state: 'imported' as const, targetId: `t${i}`, reason: null, at: now,
      })));
      assert.equal((await searchable.imports.itemsOf(run.sourceKey)).size, 2500);
    });

    it('indexes a bulk batch exactly as it indexes the same articles one at a time', async () => {
      // Same-millisecond articles past one millisecond's slots, drafts, a scheduled piece, and
      // batches written after single articles: the keys a batch chooses must match one by one's.
      const other = await testDb.open();
      try {
        const bulk = new KyselyStore(db.db, fixedClock(now), { capabilities: db.capabilities });
        const single = new KyselyStore(other.db, fixedClock(now), { capabilities: other.capabilities });
        await bulk.search.rebuild(); // empties the index of articles written by the tests above
        const sameInstant = at('2025-03-01T08:00:00.000Z');
        const articles = Array.from({ length: 1030 }, (_, i) => makeArticle({
          title: `Harbour ${i % 7 === 0 ? 'dredging' : 'tariffs'} ${i}`, bodyHtml: `<p>The harbour board met, number ${i}.</p>`,
          status: i % 97 === 5 ? 'draft' : i % 101 === 3 ? 'scheduled' : 'published',
          publishedAt: i % 97 === 5 ? null : i % 101 === 3 ? at('2027-01-01T00:00:00Z') : i < 1010 ? sameInstant : at(`2025-02-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00Z`),
        }));
        const batches = [articles.slice(0, 3), articles.slice(3, 600), articles.slice(600, 601), articles.slice(601)];
        for (const [b, batch] of batches.entries()) {
          if (b % 2 === 0) for (const a of batch) await bulk.articles.insert(a);
          else await bulk.transaction((tx) => tx.articles.insertMany(batch.map((article) => ({ article }))));
        }
        for (const a of articles) await single.articles.insert(a);
        for (const text of ['harbour', 'dredging', 'harbour board', '"harbour board"', 'tarif*']) {
          for (const offset of [0, 990]) {
            const ask = { text, limit: 60, offset, now };
            const [fromBulk, fromSingle] = [await bulk.search.search(ask), await single.search.search(ask)];
            assert.deepEqual(fromBulk.hits.map((h) => h.article.id), fromSingle.hits.map((h) => h.article.id), `${text} from ${offset}`);
            assert.equal(fromBulk.total, fromSingle.total);
          }
        }
        if (db.capabilities.fullText === 'fts5') {
          const entries = async (d: typeof db.db) => (await sql<{ doc_id: number; article_id: string; card: string }>`SELECT doc_id, article_id, card FROM article_search_docs ORDER BY doc_id`.execute(d)).rows;
          const ours = new Set(articles.map((a) => a.id as string));
          const written = (await entries(db.db)).filter((e) => ours.has(e.article_id));
          assert.equal(written.length, articles.length);
          assert.deepEqual(written, await entries(other.db));
        }
      } finally {
        await other.dispose();
      }
    });

    it('indexes a bulk batch holding an article whose search entry was left behind, with a new date', async () => {
      const searchable = new KyselyStore(db.db, fixedClock(now), { capabilities: db.capabilities });
      const left = makeArticle({ title: 'Quarry orphan', publishedAt: at('2024-05-01T00:00:00Z') });
      await searchable.articles.insert(left);
      // The article row goes and its entry stays, as a failure between the two once could leave it.
      await sql`DELETE FROM articles WHERE id = ${left.id}`.execute(db.db);
      const moment = at('2024-06-01T00:00:00Z');
      const fresh = makeArticle({ title: 'Quarry fresh', publishedAt: moment });
      // The new article comes first: its key in that millisecond is chosen before the old entry moves there.
      await searchable.transaction((tx) => tx.articles.insertMany([{ article: fresh }, { article: { ...left, publishedAt: moment } }]));
      const found = await searchable.search.search({ text: 'quarry', limit: 10, offset: 0, now });
      assert.deepEqual(new Set(found.hits.map((h) => h.article.id)), new Set([fresh.id, left.id]));
      assert.equal(found.total, 2);
    });

    it('rolls an item back with its checkpoint when the transaction fails', async () => {
      const run: ImportRun = { id: testId(), format: 'wxr', sourceKey: 'wxr:rollback', fileHash: 'def', fileName: 'x.xml', state: 'running', startedAt: now, finishedAt: null, summary: null };
      await store.imports.insertRun(run);
      await assert.rejects(store.transaction(async (tx) => {
        await tx.imports.recordItem({ sourceKey: run.sourceKey, originKey: 'wxr:post:9', runId: run.id, state: 'imported', targetId: 'x', reason: null, at: now });
        await tx.redirects.insertMissing([{ fromPath: '/rolled-back/', toPath: '/x/', kind: 'import', createdAt: now }]);
        throw new Error('boom');
      }));
      assert.equal((await store.imports.itemsOf(run.sourceKey)).size, 0);
      assert.equal(await store.redirects.find('/rolled-back/'), null);
    });
  });
}
