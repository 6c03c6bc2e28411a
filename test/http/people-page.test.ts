import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from '../support/app.js';
import { articlePath } from '../../src/domain/article.js';

const seed = readFileSync(fileURLToPath(new URL('../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url)), 'utf8');
// The story itself, without the site furniture around it.
const story = seed.slice(seed.indexOf('MOSCOW, April 6'), seed.indexOf('The original source of this article'));

describe('quotes stored with each new article and a page per person (sqlite)', () => {
  let t: TestApp;
  before(async () => { t = await createTestApp('sqlite', { demo: false }); });
  after(async () => t?.dispose());

  it('stores the quotes of a created article with their speakers, unnamed sources without a person', async () => {
    const article = await t.dateline.services.articles.create({
      title: 'Kremlin upbeat over Bush-Putin talks', body: story, bodyFormat: 'markdown', authorIds: [], termIds: [], status: 'published',
    });
    // Quotes are found by the analysis worker, which the server runs in the background.
    assert.deepEqual((await t.dateline.services.analysisWorker.drain()).analysed, [article.id]);
    const quotes = await t.dateline.store.quotes.listForArticle(article.id);
    const putin = await t.dateline.store.quotes.getPersonBySlug('vladimir-putin' as never);
    assert.ok(putin);
    const kremlin = quotes.filter((q) => q.speakerName === 'a Kremlin source');
    assert.ok(kremlin.length >= 2);
    assert.ok(kremlin.every((q) => q.anonymous && q.personId === null));
    assert.ok(quotes.some((q) => q.personId === putin.id && q.text === 'We fully support this attitude'));

    const page = await t.server.inject({ url: '/people/vladimir-putin/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 id="person-title">Vladimir Putin<\/h1>/);
    assert.ok(page.body.includes('We fully support this attitude'));
    assert.ok(page.body.includes(`href="${articlePath(article)}"`));
    assert.ok(!page.body.includes('This meeting between the presidents ended on a positive note'), 'the Kremlin source\'s words are not Putin\'s');
  });

  it('lists no quotes from unpublished articles, and answers 404 for an unknown person', async () => {
    const draft = await t.dateline.services.articles.create({
      title: 'Draft', body: '"Nothing is decided yet," Helmut Kohl said.', bodyFormat: 'markdown', authorIds: [], termIds: [],
    });
    await t.dateline.services.analysisWorker.drain();
    assert.equal((await t.dateline.store.quotes.listForArticle(draft.id)).length, 1);
    const page = await t.server.inject({ url: '/people/helmut-kohl/' });
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes('Nothing is decided yet'));
    assert.equal((await t.server.inject({ url: '/people/nobody-at-all/' })).statusCode, 404);
  });
});
