import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Instant, Slug } from '../../src/domain/ids.js';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

const articleParts = [
  'title', 'byline', 'date', 'original-line', 'taxonomy-region', 'taxonomy-theme', 'body', 'original-source', 'copyright',
  'comment', 'membership', 'articles-by', 'disclaimer', 'cross-posting', 'fair-use', 'media-inquiries',
];

for (const { dialect } of testDatabases) {
  describe(`public site over HTTP on ${dialect}`, () => {
    let t: TestApp;
    const get = (url: string, headers: Record<string, string> = {}) => t.server.inject({ method: 'GET', url, headers });

    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t?.dispose());

    it('lists the demo articles on the home page, newest first, 20 a page', async () => {
      const res = await get('/');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      const links = [...res.body.matchAll(/<h2><a href="(\/\d{4}\/\d{2}\/[^"]+\/)">/g)].map((m) => m[1]);
      assert.equal(links.length, 20);
      const page2 = await get('/?page=2');
      assert.equal([...page2.body.matchAll(/<h2><a href="(\/\d{4}\/\d{2}\/[^"]+\/)">/g)].length, 4);
      const times = [...res.body.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]!);
      assert.deepEqual(times, [...times].sort().reverse());
    });

    it('answers a malformed page number with 400 and one past the end with a redirect to the last page', async () => {
      for (const bad of ['abc', '0', '-1', '1.5', '%00', '99999999']) {
        const res = await get(`/?page=${bad}`);
        assert.equal(res.statusCode, 400, `page=${bad}`);
        assert.match(res.body, /<h1[^>]*>/);
      }
      const past = await get('/?page=7');
      assert.equal(past.statusCode, 302);
      assert.equal(past.headers.location, '/?page=2');
      const archivePast = await get('/region/europe/?page=50');
      assert.equal(archivePast.statusCode, 302);
      assert.equal(archivePast.headers.location, '/region/europe/');
    });

    it('renders every element of a republished article page', async () => {
      const article = (await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 100 }))
        .find((a) => a.syndication?.originalUrl && a.syndication.searchPolicy === 'noindex')!;
      const path = `/${article.publishedAt!.slice(0, 4)}/${article.publishedAt!.slice(5, 7)}/${article.slug}/`;
      const res = await get(path);
      assert.equal(res.statusCode, 200);
      for (const part of articleParts) assert.match(res.body, new RegExp(`data-part="${part}"`), part);
      assert.equal(res.headers['x-robots-tag'], 'noindex');
      assert.match(res.body, /<meta name="robots" content="noindex, follow">/);
      assert.match(res.body, new RegExp(`The original source of this article is <a href="${article.syndication!.originalUrl!.replace(/[.?]/g, '\\$&')}"`));
      const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(res.body)![1]!);
      assert.equal(jsonLd['@type'], 'NewsArticle');
      assert.equal(jsonLd.isBasedOn.url, article.syndication!.originalUrl);
      assert.ok(jsonLd.isBasedOn.publisher.name);
    });

    it('points the canonical link at the original when the policy says so', async () => {
      const article = (await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 100 }))
        .find((a) => a.syndication?.searchPolicy === 'canonical-original' && a.syndication.originalUrl)!;
      const res = await get(`/${article.publishedAt!.slice(0, 4)}/${article.publishedAt!.slice(5, 7)}/${article.slug}/`);
      assert.match(res.body, new RegExp(`<link rel="canonical" href="${article.syndication!.originalUrl!.replace(/[.?]/g, '\\$&')}">`));
      assert.equal(res.headers['x-robots-tag'], undefined);
    });

    it('redirects an article path with the wrong month to the canonical one, and 404s unknown slugs', async () => {
      const [article] = await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 1 });
      const res = await get(`/1999/01/${article!.slug}/`);
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, `/${article!.publishedAt!.slice(0, 4)}/${article!.publishedAt!.slice(5, 7)}/${article!.slug}/`);
      const missing = await get('/2026/01/no-such-article/');
      assert.equal(missing.statusCode, 404);
      assert.match(missing.body, /Page not found/);
      assert.match(missing.body, /href="\/region\/"/);
    });

    it('adds the trailing slash to directory-style paths and 404s what is not there', async () => {
      const res = await get('/region/europe?page=1');
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, '/region/europe/?page=1');
      assert.equal((await get('/nonsense/deeper/still/')).statusCode, 404);
      assert.equal((await get('/no-taxonomy/')).statusCode, 404);
      assert.equal((await get('/region/no-term/')).statusCode, 404);
      assert.equal((await get('/author/nobody/')).statusCode, 404);
    });

    it('includes articles of sub-terms in a parent term archive', async () => {
      const asia = await get('/region/asia/');
      const eastAsia = await get('/region/east-asia/');
      assert.equal(asia.statusCode, 200);
      const eastLinks = [...eastAsia.body.matchAll(/<h2><a href="([^"]+)">/g)].map((m) => m[1]);
      assert.ok(eastLinks.length > 0, 'the demo has East Asia articles');
      for (const link of eastLinks) assert.ok(asia.body.includes(`href="${link}"`), `${link} is listed under Asia`);
      assert.match(asia.body, /Within Asia/);
    });

    it('serves directories and archives for authors, sources and taxonomies', async () => {
      for (const url of ['/author/', '/source/', '/region/', '/theme/']) assert.equal((await get(url)).statusCode, 200, url);
      const authors = await get('/author/');
      const first = /href="(\/author\/[^"]+\/)"/.exec(authors.body.split('<main')[1]!)![1]!;
      const archive = await get(first);
      assert.equal(archive.statusCode, 200);
      assert.match(archive.body, /Articles by /);
    });

    it('answers conditional requests with 304', async () => {
      const first = await get('/theme/');
      const etag = first.headers.etag as string;
      assert.ok(etag);
      assert.equal((await get('/theme/', { 'if-none-match': etag })).statusCode, 304);
      assert.equal((await get('/theme/', { 'if-none-match': '"other"' })).statusCode, 200);
      assert.equal((await get('/theme/', { 'if-modified-since': first.headers['last-modified'] as string })).statusCode, 304);
      assert.equal((await get('/theme/', { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).statusCode, 200);
    });

    it('serves hashed assets with long-lived cache headers', async () => {
      const home = await get('/');
      const css = /<link rel="stylesheet" href="(\/assets\/site\.[0-9a-f]{12}\.css)">/.exec(home.body)![1]!;
      const res = await get(css);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['cache-control'] as string, /max-age=31536000, immutable/);
      assert.match(res.headers['content-type'] as string, /text\/css/);
    });

    it('drops exactly the cached pages a change touches', async () => {
      const index = await t.dateline.services.taxonomies.index();
      const europe = index.terms.find((term) => term.slug === 'europe')!;
      const oceania = index.terms.find((term) => term.slug === 'oceania')!;
      const author = (await t.dateline.store.authors.list())[0]!;
      await get('/'); await get('/region/europe/'); await get('/region/oceania/');
      const unrelatedArticle = (await t.dateline.store.articles.listVisible({ now: t.clock.now(), termIds: [oceania.id] }, { offset: 0, limit: 1 }))[0]!;
      const unrelatedPath = `/${unrelatedArticle.publishedAt!.slice(0, 4)}/${unrelatedArticle.publishedAt!.slice(5, 7)}/${unrelatedArticle.slug}/`;
      await get(unrelatedPath);
      const created = await t.dateline.services.articles.create({
        title: 'Cache probe <b>headline</b>', body: 'Fresh text.', bodyFormat: 'markdown', authorIds: [author.id], termIds: [europe.id], status: 'published',
      });
      assert.ok(t.dateline.cache.get('/region/oceania/'), 'an unrelated archive stays cached');
      assert.ok(t.dateline.cache.get(unrelatedPath) || unrelatedArticle.authorIds.includes(author.id), 'an unrelated article stays cached');
      assert.equal(t.dateline.cache.get('/'), undefined, 'the home page is dropped');
      assert.equal(t.dateline.cache.get('/region/europe/'), undefined, 'the archive of its region is dropped');
      const home = await get('/');
      assert.match(home.body, /Cache probe &lt;b&gt;headline&lt;\/b&gt;/, 'titles are escaped');
      assert.match((await get('/region/europe/')).body, /Cache probe/);
      assert.equal(created.slug, 'cache-probe-b-headline-b' as Slug);
    });

    it('re-renders every page when the settings change', async () => {
      await get('/author/');
      await t.dateline.services.settings.update({ name: 'Renamed Review' });
      assert.match((await get('/author/')).body, /Renamed Review/);
    });

    it('renders notices whose placeholders are unknown or empty without failing', async () => {
      await t.dateline.services.settings.update({
        contactEmail: null, commentUrl: 'https://talk.example/?u={url}',
        notices: { disclaimer: 'Views of {author} {nonsense} {', crossPosting: '{source}{url}', fairUse: '', mediaInquiries: 'Ask {email}.', membershipCall: '{site}', commentCall: 'Talk' },
      });
      const [article] = await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 1 });
      const res = await get(`/${article!.publishedAt!.slice(0, 4)}/${article!.publishedAt!.slice(5, 7)}/${article!.slug}/`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /\{nonsense\}/);
      assert.match(res.body, /href="https:\/\/talk\.example\/\?u=https%3A%2F%2F/);
    });

    it('publishes a scheduled article at its time and shows it on the home page', async () => {
      const future = '2026-11-28T09:00:00.000Z' as Instant;
      const scheduled = await t.dateline.services.articles.create({
        title: 'Scheduled dispatch', body: 'Later.', bodyFormat: 'markdown', authorIds: [], termIds: [], status: 'published', publishedAt: future,
      });
      assert.equal(scheduled.status, 'scheduled');
      assert.doesNotMatch((await get('/')).body, /Scheduled dispatch/);
      assert.equal((await get('/2026/11/scheduled-dispatch/')).statusCode, 404);
      t.clock.set('2026-11-28T09:00:01Z');
      const published = await t.dateline.services.articles.publishDue();
      assert.deepEqual(published.map((a) => a.slug), ['scheduled-dispatch']);
      assert.match((await get('/')).body, /Scheduled dispatch/);
      assert.equal((await get('/2026/11/scheduled-dispatch/')).statusCode, 200);
      t.clock.set('2026-11-27T10:00:00Z');
    });

    it('serves tracking-parameter variants of a page from one cache entry', async () => {
      await get('/theme/');
      const before = t.dateline.cache.size;
      for (let i = 0; i < 20; i++) assert.equal((await get(`/theme/?utm_source=news${i}&fbclid=${i}`)).statusCode, 200);
      assert.equal(t.dateline.cache.size, before);
    });

    it('reports health', async () => {
      const res = await get('/health');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().ok, true);
    });
  });
}
