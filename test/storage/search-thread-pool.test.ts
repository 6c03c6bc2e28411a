import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SearchQuery } from '../../src/app/ports.js';
import type { TermId } from '../../src/domain/ids.js';
import { SearchThreadPool } from '../../src/workers/search-thread-pool.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe('searches on SQLite reader threads', () => {
  let t: TestApp;
  let pool: SearchThreadPool;

  before(async () => {
    t = await createTestApp('sqlite', { demo: true });
    pool = new SearchThreadPool({ sqlitePath: t.dateline.database.location, threads: 2 });
  });
  after(async () => {
    await pool?.close();
    await t?.dispose();
  });

  const query = (text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ text, now: t.clock.now(), offset: 0, limit: 20, ...extra });

  it('answers exactly as the main connection does, filters and pages included', async () => {
    const region = (await t.dateline.store.taxonomies.listTerms()).find((term) => term.slug === 'europe')!;
    // Words of the demo site's own titles, so every query has matches to compare.
    const titles = (await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 5 })).map((a) => a.title.toLowerCase().split(/\W+/).filter((w) => w.length > 4));
    const [first, second] = [titles[0]![0]!, titles[1]![0]!];
    const queries = [query(first), query(`${first} ${second}`), query(`"${titles[0]!.slice(0, 2).join(' ')}"`), query(`${first.slice(0, 3)}*`), query(first, { offset: 1, limit: 1 }), query(second, { termIds: [region.id as TermId] }), query('no-such-word-anywhere')];
    for (const q of queries) {
      const [threaded, direct] = await Promise.all([pool.search(q), t.dateline.store.search.search(q)]);
      assert.deepEqual(threaded, direct, `same answer for ${JSON.stringify(q.text)} ${q.termIds ? 'filtered' : ''}`);
    }
    assert.ok((await pool.search(query(first))).total > 0, 'the demo site has matches');
  });

  it('sees an article as soon as its transaction has committed', async () => {
    const before = await pool.search(query('quillwort'));
    assert.equal(before.total, 0);
    const article = await t.dateline.services.articles.create({ title: 'Quillwort returns to the lake', body: 'The quillwort survey found it.', bodyFormat: 'markdown', authorIds: [], termIds: [], status: 'published' });
    const after = await pool.search(query('quillwort'));
    assert.deepEqual(after.hits.map((h) => h.article.id), [article.id]);
  });

  it('answers many searches at once across its threads', async () => {
    const [word] = (await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 1 }))[0]!.title.toLowerCase().split(/\W+/).filter((w) => w.length > 4);
    const answers = await Promise.all(Array.from({ length: 40 }, () => pool.search(query(word!))));
    const direct = await t.dateline.store.search.search(query(word!));
    assert.ok(direct.total > 0);
    for (const answer of answers) assert.deepEqual(answer, direct);
  });
});
