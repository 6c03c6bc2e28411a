import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AnalysisWorker } from '../../src/app/analysis-worker.js';
import type { Article } from '../../src/domain/article.js';
import type { ArticleId, Instant } from '../../src/domain/ids.js';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

const story = (speaker: string, words: string) => [
  `"${words}," ${speaker} told reporters on Tuesday after talks with the finance ministers of the region.`,
  'The ministers met for two days in the capital and agreed to meet again in the autumn to review the plan for the harbour, the railway and the new power lines.',
].join('\n\n');

for (const { dialect } of testDatabases) {
  describe(`the analysis worker on ${dialect}`, () => {
    let t: TestApp;
    before(async () => { t = await createTestApp(dialect, { demo: false }); });
    after(async () => t?.dispose());

    const create = (title: string, body: string) => t.dateline.services.articles.create({ title, body, bodyFormat: 'markdown', authorIds: [], termIds: [], status: 'published' });
    const changes = (a: Article, body: string) => ({ title: a.title, body, authorIds: a.authorIds, termIds: a.termIds, featureImage: null, syndication: null });
    const quotesOf = async (id: ArticleId) => (await t.dateline.store.quotes.listForArticle(id)).map((q) => `${q.speakerName}: ${q.text}`);

    it('re-analyses an article\'s quotes when its body is edited, and only then', async () => {
      const { articles, analysisWorker } = t.dateline.services;
      const article = await create('Harbour plan agreed', story('Finance Minister Anna Berg', 'We have a plan for the harbour'));
      assert.deepEqual(await quotesOf(article.id), [], 'nothing is analysed inside the request');
      assert.deepEqual((await analysisWorker.drain()).analysed, [article.id]);
      assert.deepEqual(await quotesOf(article.id), ['Anna Berg: We have a plan for the harbour']);

      const edited = await articles.revise(article.id, changes(article, story('Prime Minister Jonas Lind', 'The railway comes first')));
      assert.deepEqual(await quotesOf(article.id), ['Anna Berg: We have a plan for the harbour'], 'the old quotes stand until the worker runs');
      assert.deepEqual((await analysisWorker.drain()).analysed, [article.id]);
      assert.deepEqual(await quotesOf(article.id), ['Jonas Lind: The railway comes first']);
      const stored = await t.dateline.services.analysis.storedFor([article.id]);
      assert.ok(stored.get(article.id)?.people.some((p) => p.name === 'Jonas Lind'));

      // A change of terms only (no new text) queues nothing.
      await articles.revise(article.id, { ...changes(edited, edited.bodySource), termIds: [] });
      assert.deepEqual((await analysisWorker.drain()).analysed, []);
    });

    it('is idempotent: analysing the same article again replaces its quotes, person and fingerprint', async () => {
      const { analysis, analysisWorker } = t.dateline.services;
      const article = await create('Power lines', story('Energy Minister Petra Holm', 'The lines will be built by spring'));
      await analysisWorker.drain();
      const first = await t.dateline.store.quotes.listForArticle(article.id);
      const fingerprint = await t.dateline.store.fingerprints.get(article.id);
      await analysis.enqueue([article.id]);
      await analysis.enqueue([article.id]);
      assert.deepEqual((await analysisWorker.drain()).analysed, [article.id], 'enqueued twice, analysed once');
      const second = await t.dateline.store.quotes.listForArticle(article.id);
      assert.deepEqual(second.map((q) => [q.speakerName, q.text, q.personId]), first.map((q) => [q.speakerName, q.text, q.personId]));
      assert.notDeepEqual(second.map((q) => q.id), first.map((q) => q.id), 'the quotes were written again');
      assert.deepEqual(await t.dateline.store.fingerprints.get(article.id), fingerprint);
      assert.ok(await t.dateline.store.quotes.getPersonBySlug('petra-holm' as never));
    });

    it('two workers never analyse the same item, and together analyse all', async () => {
      const { store, clock } = t.dateline;
      const { analysis, quotes, duplicates } = t.dateline.services;
      const ids: ArticleId[] = [];
      for (let i = 0; i < 12; i++) ids.push((await create(`Story ${i}`, story(`Mayor Karl Number${i}`, `Item ${i} is agreed`))).id);
      const worker = () => new AnalysisWorker({ store, clock, newId: randomUUID, analysis, quotes, duplicates, options: { batch: 2 } });
      const [a, b] = await Promise.all([worker().drain(), worker().drain()]);
      const both = [...a.analysed, ...b.analysed];
      assert.equal(new Set(both).size, both.length, 'no article analysed by both');
      assert.deepEqual([...both].sort(), [...ids].sort());
      for (const id of ids) assert.equal((await quotesOf(id)).length, 1);
    });

    it('once started, analyses a new article without being asked: the commit wakes it', async () => {
      const { store, clock } = t.dateline;
      const { analysis, quotes, duplicates } = t.dateline.services;
      // Idle for an hour between polls: only the enqueue's wake-up can make it analyse in this test.
      const analysisWorker = new AnalysisWorker({ store, clock, newId: randomUUID, analysis, quotes, duplicates, options: { idleMs: 3_600_000 } });
      analysisWorker.start();
      await new Promise((resolve) => setTimeout(resolve, 50));
      try {
        const article = await create('Port fees', story('Finance Minister Ole Dahl', 'Fees stay as they are'));
        // Wait for the stored analysis, however long the machine takes.
        for (let tries = 0; !(await t.dateline.services.analysis.storedFor([article.id])).has(article.id); tries++) {
          assert.ok(tries < 1000, 'the worker never analysed the article');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        assert.deepEqual(await quotesOf(article.id), ['Ole Dahl: Fees stay as they are']);
      } finally {
        await analysisWorker.stop();
      }
    });

    it('takes over the items of a worker that died, once its lease has run out', async () => {
      const { store } = t.dateline;
      const { clock } = t;
      const { analysisWorker } = t.dateline.services;
      const article = await create('Railway vote', story('Transport Minister Eva Strand', 'The vote is on Friday'));
      const now = clock.now();
      const plus = (minutes: number) => new Date(Date.parse(now) + minutes * 60_000).toISOString() as Instant;
      // A worker claims the item and is killed before it writes anything.
      assert.equal((await store.analysisQueue.claim('dead-worker', now, plus(5), 10)).length, 1);
      assert.deepEqual((await analysisWorker.drain()).analysed, [], 'the lease still holds');
      clock.set(plus(6));
      assert.deepEqual((await analysisWorker.drain()).analysed, [article.id]);
      assert.deepEqual(await quotesOf(article.id), ['Eva Strand: The vote is on Friday']);
      assert.deepEqual(await store.analysisQueue.counts(), { waiting: 0, failed: 0 });
    });
  });
}
