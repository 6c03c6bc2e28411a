import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Instant } from '../../src/domain/ids.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { makeArticle, type Slug } from '../support/fixtures.js';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

for (const { dialect } of testDatabases) {
  describe(`search page over HTTP on ${dialect}`, () => {
    let t: TestApp;
    let server: FastifyInstance;
    const get = (url: string) => server.inject({ method: 'GET', url });

    before(async () => {
      t = await createTestApp(dialect);
      const store = new KyselyStore(t.dateline.database.db, t.clock, { capabilities: t.dateline.database.capabilities });
      await store.search.rebuild();
      server = await t.dateline.buildServer();
      await server.ready();
    });
    after(async () => {
      await server?.close();
      await t?.dispose();
    });

    it('shows an accessible form and no results until something is typed, never cached', async () => {
      const res = await get('/search/');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['x-robots-tag'], 'noindex');
      assert.match(res.body, /<meta name="robots" content="noindex, follow">/);
      assert.match(res.body, /<form class="search-page-form" role="search"/);
      assert.match(res.body, /<label for="search-q">Search for<\/label>\s*<input type="search" id="search-q" name="q" value=""/);
      assert.match(res.body, /<label for="search-in-region">Region<\/label>\s*<select id="search-in-region" name="region">/);
      assert.match(res.body, /<option value="europe">/);
      assert.match(res.body, /<label for="search-author">Author<\/label>/);
      assert.match(res.body, /<input type="date" id="search-from" name="from"/);
      assert.doesNotMatch(res.body, /search-results/);
      assert.equal(t.dateline.cache.get('/search/'), undefined);
      assert.equal((await get('/search')).statusCode, 301);
    });

    it('lists matching articles with the match marked, linked to the article', async () => {
      const res = await get('/search/?q=lithium');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /1 article matches <q>lithium<\/q>/);
      assert.match(res.body, /<h2><a href="\/\d{4}\/\d{2}\/[^"]+\/">Bolivian lawmakers delay vote on <mark>lithium<\/mark> royalty bill<\/a><\/h2>/);
      assert.match(res.body, /<p class="excerpt">[^<]*(<mark>[Ll]ithium<\/mark>[^<]*)+<\/p>/);
      assert.match(res.body, /<input type="search" id="search-q" name="q" value="lithium"/);
      assert.equal(t.dateline.cache.get('/search/?q=lithium'), undefined);
    });

    it('narrows by region, keeps the filters in the form, and says when nothing matches', async () => {
      const everywhere = await get('/search/?q=election');
      const count = (body: string) => Number(/(\d+) articles? match/.exec(body)?.[1] ?? 0);
      assert.ok(count(everywhere.body) >= 2, everywhere.body.slice(0, 200));
      const asia = await get('/search/?q=election&region=asia');
      assert.equal(asia.statusCode, 200);
      assert.ok(count(asia.body) >= 1 && count(asia.body) < count(everywhere.body));
      assert.match(asia.body, /<option value="asia" selected>/);
      const none = await get('/search/?q=election&from=1990-01-01&to=1990-12-31');
      assert.equal(none.statusCode, 200);
      assert.match(none.body, /No articles match <q>election<\/q> with these filters/);
      assert.match(none.body, /href="\/search\/\?q=election">Search without the filters/);
      assert.equal((await get('/search/?q=election&utm_source=x')).statusCode, 200, 'unknown parameters are ignored');
    });

    it('marks only the chosen option of each filter, and lists a term added since the last search', async () => {
      const selectOf = (body: string, id: string) => new RegExp(`<select id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(body)?.[1] ?? '';
      const asia = (await get('/search/?q=election&region=asia')).body;
      assert.deepEqual([...selectOf(asia, 'search-in-region').matchAll(/<option value="([^"]*)" selected>/g)].map((m) => m[1]), ['asia']);
      assert.doesNotMatch(selectOf(asia, 'search-author'), / selected>/);
      const plain = (await get('/search/?q=election')).body;
      assert.doesNotMatch(plain, / selected>/, 'the chosen option of one search is not kept for the next');
      assert.ok(selectOf(plain, 'search-in-region').includes('<option value="asia">'));
      await t.dateline.services.taxonomies.addTerm('region', { name: 'Antarctica' });
      const after = (await get('/search/?q=election&region=antarctica')).body;
      assert.match(selectOf(after, 'search-in-region'), /<option value="antarctica" selected>Antarctica<\/option>/);
    });

    it('serves a repeated search from the search cache until a visible article changes', async () => {
      const key = '/search/?q=election&region=asia';
      const count = (body: string) => Number(/(\d+) articles? match/.exec(body)?.[1] ?? 0);
      const first = await get(key);
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers['cache-control'], 'no-store', 'browsers and proxies still keep nothing');
      assert.ok(t.dateline.searchCache.get(key), 'kept in the search cache');
      assert.equal(t.dateline.cache.get(key), undefined, 'not in the main page cache');
      const reordered = await get('/search/?region=asia&q=election%20');
      assert.equal(reordered.headers.etag, first.headers.etag, 'the same search, however written, is one entry');
      const index = await t.dateline.services.taxonomies.index();
      const asia = index.terms.find((term) => term.slug === 'asia')!;
      await t.dateline.services.articles.create({
        title: 'Election observers arrive', standfirst: null, body: 'Observers arrived before the election.', bodyFormat: 'markdown', language: 'en',
        authorIds: [], termIds: [asia.id], status: 'published', publishedAt: '2026-11-27T09:00:00.000Z' as Instant, syndication: null,
      });
      assert.equal(t.dateline.searchCache.get(key), undefined, 'dropped when a visible article changes');
      const after = await get(key);
      assert.equal(count(after.body), count(first.body) + 1);
    });

    it('answers malformed or unknown filters with a 400 page', async () => {
      for (const url of [
        '/search/?q=x&region=atlantis', '/search/?q=x&author=nobody', '/search/?q=x&source=nowhere',
        '/search/?q=x&from=2026-13-01', '/search/?q=x&from=yesterday', '/search/?q=x&to=2026-02-30',
        '/search/?q=x&from=2026-05-01&to=2026-04-01', '/search/?q=x&page=abc', '/search/?q=x&page=0',
        '/search/?q=a&q=b', '/search/?q=x&region=europe&region=asia', `/search/?q=${'x'.repeat(2001)}`,
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 400, url);
        assert.match(res.body, /<h1[^>]*>This address is not valid<\/h1>/, url);
      }
    });

    it('counts ten pages on from the page shown, saying so while more match', async () => {
      const pageSize = (await t.dateline.services.settings.get()).pageSize;
      await t.dateline.services.settings.update({ pageSize: 2 });
      try {
        await t.dateline.store.transaction(async (tx) => {
          for (let i = 0; i < 25; i++) await tx.articles.insert(makeArticle({ slug: `quorvane-${i}` as Slug, title: `Quorvane report ${i}` }));
        });
        const first = await get('/search/?q=quorvane');
        assert.match(first.body, /More than 20 articles match <q>quorvane<\/q> — showing 1 to 2\./);
        assert.match(first.body, /<span>Page 1 of more than 10<\/span>/);
        assert.match(first.body, /href="\/search\/\?q=quorvane&amp;page=2" rel="next"/);
        const tenth = await get('/search/?q=quorvane&page=10');
        assert.match(tenth.body, /25 articles match <q>quorvane<\/q> — showing 19 to 20\./, 'from page 4 on, the count reaches all 25');
        assert.match(tenth.body, /<span>Page 10 of 13<\/span>/);
      } finally {
        await t.dateline.services.settings.update({ pageSize });
      }
    });

    it('redirects a page past the end to the last page, keeping the query', async () => {
      const res = await get('/search/?q=election&region=asia&page=50');
      assert.equal(res.statusCode, 302);
      assert.equal(res.headers.location, '/search/?q=election&region=asia');
    });

    it('never fails on hostile input and never echoes it unescaped', async () => {
      for (const q of ['"', '*', 'NEAR(', 'AND OR NOT', "'); DROP TABLE articles; --", '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '%00', '\uE000x\uE001', 'x'.repeat(1500)]) {
        const res = await get(`/search/?q=${encodeURIComponent(q)}`);
        assert.equal(res.statusCode, 200, q);
        assert.doesNotMatch(res.body, /<script>alert|<img src=x/, q);
      }
    });
  });
}
