import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/app/system-clock.js';
import type { Store } from '../../src/app/ports.js';
import type { PersonId, QuotedPerson, StoredQuote } from '../../src/domain/quote.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { testDatabases } from '../support/databases.js';
import type { ArticleId } from '../../src/domain/ids.js';
import { at, makeArticle, testId, type Slug } from '../support/fixtures.js';

for (const testDb of testDatabases) {
  describe(`QuoteRepository contract on ${testDb.dialect}`, () => {
    let db: Awaited<ReturnType<typeof testDb.open>>;
    let store: Store;
    const older = makeArticle({ publishedAt: at('2026-01-01T10:00:00Z') });
    const newer = makeArticle({ publishedAt: at('2026-02-01T10:00:00Z') });
    const putin: QuotedPerson = { id: testId() as PersonId, name: 'Vladimir Putin', slug: 'vladimir-putin' as Slug, createdAt: at('2026-01-01T00:00:00Z') };
    const quote = (articleId: ArticleId, position: number, over: Partial<StoredQuote> = {}): StoredQuote => ({
      id: testId(), articleId, personId: putin.id, speakerName: 'Vladimir Putin', anonymous: false, text: `Quote ${position}`, kind: 'direct', position, ...over,
    });

    before(async () => {
      db = await testDb.open();
      store = new KyselyStore(db.db, fixedClock('2026-06-01T12:00:00Z'));
      await store.articles.insert(older);
      await store.articles.insert(newer);
    });
    after(async () => db?.dispose());

    it('ensurePerson inserts once and returns the stored person for the same slug', async () => {
      const first = await store.quotes.ensurePerson(putin);
      const again = await store.quotes.ensurePerson({ ...putin, id: testId() as PersonId, name: 'V. Putin' });
      assert.deepEqual(first, putin);
      assert.deepEqual(again, putin);
      assert.equal(await store.quotes.getPersonBySlug('nobody' as Slug), null);
    });

    it('replaceForArticle replaces the article\'s quotes and keeps unnamed sources without a person', async () => {
      await store.quotes.replaceForArticle(older.id, [quote(older.id, 0), quote(older.id, 1)]);
      const anonymous = quote(older.id, 0, { personId: null, speakerName: 'a Kremlin source', anonymous: true, kind: 'reported' });
      await store.quotes.replaceForArticle(older.id, [anonymous]);
      assert.deepEqual(await store.quotes.listForArticle(older.id), [anonymous]);
    });

    it('listForPerson lists a person\'s quotes, newest article first, in article order', async () => {
      const a = quote(older.id, 1);
      const b = quote(newer.id, 0);
      const c = quote(newer.id, 1, { kind: 'reported' });
      await store.quotes.replaceForArticle(older.id, [a]);
      await store.quotes.replaceForArticle(newer.id, [c, b]);
      assert.deepEqual(await store.quotes.listForPerson(putin.id, { offset: 0, limit: 10 }), [b, c, a]);
      assert.deepEqual(await store.quotes.listForPerson(putin.id, { offset: 1, limit: 1 }), [c]);
    });

    it('deleting an article deletes its quotes', async () => {
      await store.articles.delete(newer.id);
      assert.deepEqual(await store.quotes.listForArticle(newer.id), []);
    });
  });
}
