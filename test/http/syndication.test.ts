import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../../src/app/ports.js';
import { SettingsService } from '../../src/app/settings-service.js';
import { SiteDirectory } from '../../src/app/site-directory.js';
import { isSitemapIndexable, lastChangeOf, SyndicationQueries } from '../../src/app/syndication-queries.js';
import { articlePath, type Article } from '../../src/domain/article.js';
import type { SiteSettings } from '../../src/domain/site-settings.js';
import { descendantIds } from '../../src/domain/taxonomy.js';
import { PageCache } from '../../src/http/page-cache.js';
import { syndicationRoutes } from '../../src/http/syndication-routes.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const SITE = 'https://news.example';
const SITEMAP_SIZE = 10;
const SCAN_PAGE = 4;
const schemas = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'schemas');
const work = mkdtempSync(path.join(tmpdir(), 'dateline-syndication-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Debian's python3 has python3-feedparser; a pyenv or venv python first on PATH may not. */
const python = ['/usr/bin/python3', 'python3'].find((bin) => spawnSync(bin, ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0);

/** Reads a feed with Python: feedparser for RSS and Atom, the json module (and datetime for RFC 3339) for JSON Feed. */
const readerScript = String.raw`
import calendar, datetime, json, sys
def iso(t):
    return None if t is None else datetime.datetime.fromtimestamp(calendar.timegm(t), datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
def rfc3339(s):
    return datetime.datetime.fromisoformat(s).astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
path, kind = sys.argv[1], sys.argv[2]
if kind == 'json':
    d = json.load(open(path, encoding='utf-8'))
    print(json.dumps({'version': d['version'], 'title': d['title'], 'feed_url': d.get('feed_url'), 'home_page_url': d.get('home_page_url'), 'language': d.get('language'),
        'entries': [{'id': i['id'], 'title': i.get('title'), 'link': i.get('url'), 'external_url': i.get('external_url'), 'published': rfc3339(i['date_published']),
            'updated': rfc3339(i['date_modified']), 'authors': [a['name'] for a in i.get('authors', [])], 'image': i.get('image'),
            'has_content': 'content_html' in i or 'content_text' in i, 'content_html': i.get('content_html'), 'summary': i.get('summary')} for i in d['items']]}))
    sys.exit(0)
import feedparser
d = feedparser.parse(path)
print(json.dumps({
    'bozo': d.bozo, 'bozo_exception': str(d.get('bozo_exception', '')), 'version': d.version,
    'title': d.feed.get('title'), 'link': d.feed.get('link'), 'language': d.feed.get('language'), 'updated': iso(d.feed.get('updated_parsed')),
    'self': [l.get('href') for l in d.feed.get('links', []) if l.get('rel') == 'self'],
    'entries': [{
        'id': e.get('id'), 'guidislink': e.get('guidislink'), 'title': e.get('title'), 'link': e.get('link'),
        'published': iso(e.get('published_parsed')), 'updated': iso(e.get('updated_parsed')),
        'authors': [a.get('name') for a in e.get('authors', []) if a.get('name')],
        'source': None if 'source' not in e else {'title': e.source.get('title'), 'href': e.source.get('href'), 'links': [l.get('href') for l in e.source.get('links', [])]},
        'rights': e.get('rights'),
        'enclosures': [{'href': x.get('href'), 'type': x.get('type'), 'length': x.get('length')} for x in e.get('enclosures', [])],
        'summary': e.get('summary'), 'content': [c.get('value') for c in e.get('content', [])], 'content_base': [c.get('base') for c in e.get('content', [])],
    } for e in d.entries],
}))
`;

interface ReadEntry {
  id: string; title: string; link: string; published: string; updated: string | null; authors: string[];
  guidislink?: boolean; source?: { title: string | null; href: string | null; links: string[] } | null; rights?: string | null;
  enclosures?: { href: string; type: string; length: string }[]; external_url?: string | null; image?: string | null;
  summary?: string | null; content?: string[]; content_base?: string[]; content_html?: string | null; has_content?: boolean;
}
interface ReadFeed { bozo?: boolean | number; bozo_exception?: string; version: string; title: string; link?: string; self?: string[]; updated?: string; language?: string; feed_url?: string; home_page_url?: string; entries: ReadEntry[] }

let fileCounter = 0;
/** Writes a body to a temporary file and hands it to the Python reader. */
function readFeed(body: string, kind: 'rss' | 'atom' | 'json'): ReadFeed {
  assert.ok(python, 'python3 with feedparser is needed (apt-get install python3-feedparser)');
  const file = path.join(work, `feed-${++fileCounter}.${kind === 'json' ? 'json' : 'xml'}`);
  writeFileSync(file, body);
  return JSON.parse(execFileSync(python, ['-c', readerScript, file, kind], { encoding: 'utf8' })) as ReadFeed;
}

/** Validates an XML body with xmllint against one of the schemas in test/fixtures/schemas (or only for well-formedness). */
function xmllint(body: string, schema: 'sitemap.xsd' | 'siteindex.xsd' | null): { ok: boolean; output: string } {
  const file = path.join(work, `doc-${++fileCounter}.xml`);
  writeFileSync(file, body);
  const args = schema ? ['--noout', '--schema', path.join(schemas, schema), file] : ['--noout', file];
  const run = spawnSync('xmllint', args, { encoding: 'utf8' });
  assert.notEqual(run.error?.message.includes('ENOENT'), true, 'xmllint is needed (apt-get install libxml2-utils)');
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const seconds = (instant: string) => `${instant.slice(0, 19)}Z`;
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
const urlOf = (article: Article) => `${SITE}${articlePath(article)}`;

/** A small Fastify app with only the syndication plugin, wired from a test app's parts. */
async function mount(t: TestApp, options: { store?: Store; settings?: SettingsService; cache?: PageCache } = {}): Promise<FastifyInstance> {
  const app = Fastify();
  const syndication = new SyndicationQueries({
    store: options.store ?? t.dateline.store, clock: t.clock, settings: options.settings ?? t.dateline.services.settings,
    taxonomies: t.dateline.services.taxonomies, directory: new SiteDirectory({ store: options.store ?? t.dateline.store, events: t.dateline.events }),
    sitemapSize: SITEMAP_SIZE, scanPageSize: SCAN_PAGE,
  });
  await app.register(syndicationRoutes, {
    syndication, cache: options.cache ?? t.dateline.cache, clock: t.clock,
    notFound: async (_request, reply) => reply.code(404).type('text/plain; charset=utf-8').send('Not found'),
  });
  await app.ready();
  return app;
}

for (const { dialect } of testDatabases) {
  describe(`feeds, sitemaps and robots.txt over HTTP on ${dialect}`, () => {
    let t: TestApp;
    let app: FastifyInstance;
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
    const visible = (filter: Partial<Parameters<Store['articles']['listVisible']>[0]> = {}, limit = 1000) =>
      t.dateline.store.articles.listVisible({ now: t.clock.now(), ...filter }, { offset: 0, limit });
    const feedFor = async (url: string, kind: 'rss' | 'atom' | 'json') => {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      return readFeed(res.body, kind);
    };

    before(async () => {
      t = await createTestApp(dialect);
      app = await mount(t);
    });
    after(async () => {
      await app?.close();
      await t?.dispose();
    });

    it('serves every document with its content type, and answers conditional requests with 304', async () => {
      const expected: Record<string, string> = {
        '/rss.xml': 'application/rss+xml; charset=utf-8', '/atom.xml': 'application/atom+xml; charset=utf-8', '/feed.json': 'application/feed+json; charset=utf-8',
        '/region/europe/rss.xml': 'application/rss+xml; charset=utf-8', '/sitemap.xml': 'application/xml; charset=utf-8',
        '/sitemaps/articles-1.xml': 'application/xml; charset=utf-8', '/sitemaps/archives-1.xml': 'application/xml; charset=utf-8',
        '/sitemaps/news.xml': 'application/xml; charset=utf-8', '/robots.txt': 'text/plain; charset=utf-8',
      };
      for (const [url, type] of Object.entries(expected)) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        assert.equal(res.headers['content-type'], type, url);
        const etag = res.headers.etag as string;
        assert.ok(etag, url);
        assert.equal((await get(url, { 'if-none-match': etag })).statusCode, 304, url);
        assert.equal((await get(`${url}?cache-buster=1`, { 'if-none-match': etag })).statusCode, 304, `${url} ignores its query`);
      }
      assert.equal((await app.inject({ method: 'HEAD', url: '/atom.xml' })).statusCode, 200);
    });

    it('RSS: feedparser reads the newest visible articles with permanent GUIDs, absolute links, RFC 822 dates and authors', async () => {
      const res = await get('/rss.xml');
      assert.match(res.body, /<pubDate>(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
      const feed = readFeed(res.body, 'rss');
      assert.ok(!feed.bozo, feed.bozo_exception);
      assert.equal(feed.version, 'rss20');
      assert.equal(feed.title, (await t.dateline.services.settings.get()).name);
      assert.equal(feed.link, `${SITE}/`);
      assert.deepEqual(feed.self, [`${SITE}/rss.xml`]);
      const expected = await visible({}, 20);
      assert.equal(feed.entries.length, 20);
      const authors = new Map((await t.dateline.store.authors.list()).map((a) => [a.id, a.name]));
      feed.entries.forEach((entry, i) => {
        const article = expected[i]!;
        assert.equal(entry.id, `urn:uuid:${article.id}`);
        assert.equal(entry.guidislink, false);
        assert.equal(entry.title, article.title);
        assert.equal(entry.link, urlOf(article));
        assert.equal(entry.published, seconds(article.publishedAt!));
        assert.deepEqual(entry.authors, article.authorIds.map((id) => authors.get(id)));
        assert.ok(entry.content?.[0]?.includes('<p>'), 'full text by default');
      });
    });

    it('Atom: feedparser reads ids, RFC 3339 dates, xml:base, rights and authors', async () => {
      const feed = await feedFor('/atom.xml', 'atom');
      assert.ok(!feed.bozo, feed.bozo_exception);
      assert.equal(feed.version, 'atom10');
      assert.deepEqual(feed.self, [`${SITE}/atom.xml`]);
      const expected = await visible({}, 20);
      assert.equal(feed.updated, seconds(expected.map(lastChangeOf).sort().at(-1)!));
      feed.entries.forEach((entry, i) => {
        const article = expected[i]!;
        assert.equal(entry.id, `urn:uuid:${article.id}`);
        assert.equal(entry.title, article.title);
        assert.equal(entry.link, urlOf(article));
        assert.equal(entry.published, seconds(article.publishedAt!));
        assert.equal(entry.updated, seconds(lastChangeOf(article)));
        assert.equal(entry.content_base?.[0], urlOf(article), 'content resolves against the article');
        assert.ok(entry.rights, 'every entry carries a copyright line');
        assert.ok(entry.authors.length > 0);
      });
    });

    it('JSON Feed 1.1: Python reads ids, RFC 3339 dates, URLs and authors', async () => {
      const feed = await feedFor('/feed.json', 'json');
      assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
      assert.equal(feed.feed_url, `${SITE}/feed.json`);
      assert.equal(feed.home_page_url, `${SITE}/`);
      assert.equal(feed.language, 'en');
      const expected = await visible({}, 20);
      assert.deepEqual(feed.entries.map((e) => e.id), expected.map((a) => `urn:uuid:${a.id}`));
      feed.entries.forEach((entry, i) => {
        const article = expected[i]!;
        assert.equal(entry.link, urlOf(article));
        assert.equal(entry.published, seconds(article.publishedAt!));
        assert.equal(entry.updated, seconds(lastChangeOf(article)));
        assert.ok(entry.has_content);
      });
    });

    it('credits republished pieces in the way each format provides', async () => {
      const article = (await visible({}, 20)).find((a) => a.syndication?.originalUrl && a.syndication.copyrightLine)!;
      assert.ok(article, 'the demo has republished articles among the newest');
      const syndication = article.syndication!;
      const source = await t.dateline.store.sources.getById(syndication.sourceId!);
      const publisher = syndication.originalPublisher ?? source!.name;
      const find = (feed: ReadFeed) => feed.entries.find((e) => e.id === `urn:uuid:${article.id}`)!;

      const rss = find(await feedFor('/rss.xml', 'rss'));
      assert.deepEqual({ href: rss.source?.href, title: rss.source?.title }, { href: syndication.originalUrl, title: publisher });
      assert.ok(rss.content?.[0]?.includes(`href="${syndication.originalUrl}"`), 'the full text ends with a credit line');

      const atom = find(await feedFor('/atom.xml', 'atom'));
      assert.equal(atom.source?.title, publisher);
      assert.ok(atom.source?.links.includes(syndication.originalUrl!), JSON.stringify(atom.source));
      assert.equal(atom.rights, syndication.copyrightLine);

      const json = find(await feedFor('/feed.json', 'json'));
      assert.equal(json.external_url, syndication.originalUrl);

      const ownArticle = (await visible({}, 20)).find((a) => !a.syndication)!;
      const ownRss = (await feedFor('/rss.xml', 'rss')).entries.find((e) => e.id === `urn:uuid:${ownArticle.id}`)!;
      assert.equal(ownRss.source, null, 'the site\'s own articles name no source');
    });

    it('archive feeds carry only their archive, and a missing archive is 404', async () => {
      const index = await t.dateline.services.taxonomies.index();
      const region = index.taxonomyBySlug('region')!;
      const asia = index.termBySlug(region.id, 'asia')!;
      const termFeed = await feedFor('/region/asia/atom.xml', 'atom');
      assert.ok(!termFeed.bozo, termFeed.bozo_exception);
      assert.deepEqual(termFeed.entries.map((e) => e.id), (await visible({ termIds: descendantIds(index.terms, asia.id) }, 20)).map((a) => `urn:uuid:${a.id}`));
      assert.deepEqual(termFeed.self, [`${SITE}/region/asia/atom.xml`]);
      assert.equal(termFeed.link, `${SITE}/region/asia/`);

      const [author] = await t.dateline.store.authors.list();
      const authorFeed = await feedFor(`/author/${author!.slug}/feed.json`, 'json');
      const byAuthor = await visible({ authorId: author!.id }, 20);
      assert.ok(byAuthor.length > 0);
      assert.deepEqual(authorFeed.entries.map((e) => e.id), byAuthor.map((a) => `urn:uuid:${a.id}`));

      const [source] = await t.dateline.store.sources.list();
      const sourceFeed = await feedFor(`/source/${source!.slug}/rss.xml`, 'rss');
      assert.ok(!sourceFeed.bozo, sourceFeed.bozo_exception);
      assert.deepEqual(sourceFeed.entries.map((e) => e.id), (await visible({ sourceId: source!.id }, 20)).map((a) => `urn:uuid:${a.id}`));

      for (const url of ['/region/nowhere/rss.xml', '/nothing/europe/atom.xml', '/author/nobody/feed.json', '/source/nobody/rss.xml', '/sitemaps/articles-99.xml', '/sitemaps/archives-9.xml', '/sitemaps/other.xml']) {
        assert.equal((await get(url)).statusCode, 404, url);
      }
    });

    it('publishes summaries only when the site says so', async () => {
      const cache = new PageCache();
      cache.start(t.dateline.events);
      const settings = new SettingsService({
        store: t.dateline.store, clock: t.clock, events: t.dateline.events,
        overrides: { url: SITE, feedContent: 'summary' } as Partial<SiteSettings>,
      });
      const summaryApp = await mount(t, { settings, cache });
      try {
        const expected = await visible({}, 20);
        const rss = readFeed((await summaryApp.inject({ url: '/rss.xml' })).body, 'rss');
        assert.ok(!rss.bozo, rss.bozo_exception);
        assert.deepEqual(rss.entries.map((e) => e.content?.length ?? 0), expected.map(() => 0));
        assert.equal(rss.entries[0]!.summary, expected[0]!.excerpt);
        const atom = readFeed((await summaryApp.inject({ url: '/atom.xml' })).body, 'atom');
        assert.ok(atom.entries.every((e) => (e.content?.length ?? 0) === 0 && e.summary));
        const json = readFeed((await summaryApp.inject({ url: '/feed.json' })).body, 'json');
        assert.ok(json.entries.every((e) => e.content_html === null && e.has_content && e.summary));
      } finally {
        await summaryApp.close();
        cache.stop();
      }
    });

    it('sits beside the public site and the Content API without route conflicts', async () => {
      const server = await t.dateline.buildServer();
      await server.ready();
      try {
        const [article] = await visible({}, 1);
        for (const url of ['/', '/region/', '/region/europe/', articlePath(article!), '/author/', '/rss.xml', '/region/europe/atom.xml', '/robots.txt', '/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemaps/news.xml']) {
          assert.equal((await server.inject({ url })).statusCode, 200, url);
        }
        assert.equal((await server.inject({ url: '/region/europe/feed.json' })).headers['content-type'], 'application/feed+json; charset=utf-8');
      } finally {
        await server.close();
      }
    });

    it('robots.txt allows the site, keeps crawlers out of /admin/ and /api/, and names the sitemap index', async () => {
      const res = await get('/robots.txt');
      assert.equal(res.body, `User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /api/\n\nSitemap: ${SITE}/sitemap.xml\n`);
    });

    it('the sitemap index and every sitemap in it validate, and together list exactly the indexable pages', async () => {
      const indexRes = await get('/sitemap.xml');
      const check = xmllint(indexRes.body, 'siteindex.xsd');
      assert.ok(check.ok, check.output);
      const sitemapUrls = locs(indexRes.body);
      assert.ok(sitemapUrls.includes(`${SITE}/sitemaps/news.xml`));
      assert.ok(sitemapUrls.includes(`${SITE}/sitemaps/archives-1.xml`));
      assert.equal([...indexRes.body.matchAll(/<lastmod>/g)].length, sitemapUrls.length - 1, 'every sitemap but an empty news sitemap has a lastmod');

      const articleUrls: string[] = [];
      const archiveUrls: string[] = [];
      for (const url of sitemapUrls.filter((u) => !u.endsWith('/news.xml'))) {
        const res = await get(url.slice(SITE.length));
        assert.equal(res.statusCode, 200, url);
        const valid = xmllint(res.body, 'sitemap.xsd');
        assert.ok(valid.ok, `${url}: ${valid.output}`);
        const urls = locs(res.body);
        assert.ok(urls.length >= 1 && urls.length <= SITEMAP_SIZE, `${url} has ${urls.length} URLs`);
        (url.includes('/articles-') ? articleUrls : archiveUrls).push(...urls);
      }

      const all = await visible();
      assert.ok(all.length > SITEMAP_SIZE * 2, 'enough articles for several article sitemaps');
      const indexable = all.filter(isSitemapIndexable);
      assert.ok(indexable.length < all.length, 'the demo has noindex and canonical-original copies');
      assert.deepEqual([...articleUrls].sort(), indexable.map(urlOf).sort());
      for (const article of all.filter((a) => !isSitemapIndexable(a))) {
        assert.ok(['noindex', 'canonical-original'].includes(article.syndication!.searchPolicy));
        assert.ok(!articleUrls.includes(urlOf(article)), `${urlOf(article)} stays out`);
      }
      // The oldest articles fill articles-1, so it does not change when new stories appear.
      const first = locs((await get('/sitemaps/articles-1.xml')).body);
      const oldest = [...all].reverse().slice(0, SITEMAP_SIZE).filter(isSitemapIndexable).map(urlOf);
      assert.deepEqual([...first].sort(), [...oldest].sort());

      for (const expected of ['/', '/region/', '/region/europe/', '/region/asia/', '/theme/', '/author/', '/source/']) {
        assert.ok(archiveUrls.includes(`${SITE}${expected}`), expected);
      }
      for (const author of await t.dateline.store.authors.list()) assert.ok(archiveUrls.includes(`${SITE}/author/${author.slug}/`), author.slug);
      assert.equal(new Set(archiveUrls).size, archiveUrls.length, 'no archive is listed twice');
    });

    it('builds sitemaps and the news sitemap a page of articles at a time', async () => {
      const limits: number[] = [];
      const store = t.dateline.store;
      const articles = Object.create(store.articles) as Store['articles'];
      articles.listVisible = (filter, page) => {
        limits.push(page.limit);
        return store.articles.listVisible(filter, page);
      };
      const spied = Object.create(store) as Store;
      Object.defineProperty(spied, 'articles', { value: articles });
      const spiedApp = await mount(t, { store: spied, cache: new PageCache() });
      try {
        for (const url of ['/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemaps/articles-2.xml', '/sitemaps/archives-1.xml', '/sitemaps/news.xml']) {
          assert.equal((await spiedApp.inject({ url })).statusCode, 200, url);
        }
        assert.ok(limits.length > 3);
        assert.ok(Math.max(...limits) <= SCAN_PAGE, `no query asks for more than ${SCAN_PAGE} articles: ${limits.join(',')}`);
      } finally {
        await spiedApp.close();
      }
    });

    it('the news sitemap lists indexable articles of the last 48 hours, and drops them when they age out', async () => {
      const before = await get('/sitemaps/news.xml');
      assert.ok(xmllint(before.body, null).ok, 'an empty news sitemap is still well-formed');
      assert.equal(locs(before.body).length, 0, 'the newest demo article is more than 48 hours old');
      const feedBefore = await get('/rss.xml');
      const indexBefore = await get('/sitemap.xml');

      const [author] = await t.dateline.store.authors.list();
      const now = t.clock.now();
      const fresh = await t.dateline.services.articles.create({
        title: 'Ports reopen after the storm & the tide', body: 'Shipping resumed on **Tuesday**.', bodyFormat: 'markdown', status: 'published',
        authorIds: [author!.id], termIds: [], publishedAt: now, language: 'en-GB',
        featureImage: { url: '/media/harbour.jpg', alt: 'The harbour at dawn', caption: null, credit: null },
      });
      const copy = await t.dateline.services.articles.create({
        title: 'A wire copy kept out of search', body: 'Text.', bodyFormat: 'markdown', status: 'published', authorIds: [], termIds: [], publishedAt: now,
        syndication: {
          sourceId: null, originalPublisher: 'Wire', originalUrl: 'https://wire.example/a', originalAuthor: null, originalPublishedAt: null,
          copyrightHolder: null, copyrightLine: null, licence: null, searchPolicy: 'noindex',
        },
      });

      const news = await get('/sitemaps/news.xml');
      const valid = xmllint(news.body, 'sitemap.xsd');
      assert.ok(valid.ok, valid.output);
      assert.deepEqual(locs(news.body), [urlOf(fresh)]);
      assert.ok(news.body.includes('<news:title>Ports reopen after the storm &amp; the tide</news:title>'));
      assert.ok(news.body.includes('<news:language>en</news:language>'));
      assert.ok(news.body.includes(`<news:publication_date>${now}</news:publication_date>`));
      assert.ok(!news.body.includes(articlePath(copy)));

      // Cached documents were dropped by the change: the feed and the index show the new article at once.
      const feedAfter = await get('/rss.xml');
      assert.notEqual(feedAfter.headers.etag, feedBefore.headers.etag);
      const rss = readFeed(feedAfter.body, 'rss');
      assert.deepEqual(rss.entries.slice(0, 2).map((e) => e.id).sort(), [`urn:uuid:${fresh.id}`, `urn:uuid:${copy.id}`].sort());
      const indexAfter = await get('/sitemap.xml');
      assert.notEqual(indexAfter.body, indexBefore.body);
      assert.match(indexAfter.body, new RegExp(`<loc>${SITE}/sitemaps/news\\.xml</loc>\\n    <lastmod>${now.replace(/\./g, '\\.')}</lastmod>`));

      // The feature image: an RSS enclosure with a type and length 0, an Atom enclosure link, a JSON Feed image.
      const imageUrl = `${SITE}/media/harbour.jpg`;
      assert.deepEqual(rss.entries.find((e) => e.id === `urn:uuid:${fresh.id}`)!.enclosures, [{ href: imageUrl, type: 'image/jpeg', length: '0' }]);
      const atom = readFeed((await get('/atom.xml')).body, 'atom');
      assert.deepEqual(atom.entries.find((e) => e.id === `urn:uuid:${fresh.id}`)!.enclosures, [{ href: imageUrl, type: 'image/jpeg', length: null }]);
      const json = readFeed((await get('/feed.json')).body, 'json');
      assert.equal(json.entries.find((e) => e.id === `urn:uuid:${fresh.id}`)!.image, imageUrl);

      // No edit happens, yet 48 hours later the article has left the news sitemap.
      try {
        t.clock.set(new Date(Date.parse(now) + 48 * 3600_000 + 1000).toISOString());
        const later = await get('/sitemaps/news.xml');
        assert.equal(later.statusCode, 200);
        assert.deepEqual(locs(later.body), []);
        assert.doesNotMatch((await get('/sitemap.xml')).body, /news\.xml<\/loc>\n {4}<lastmod>/);
      } finally {
        t.clock.set(now);
      }
    });
  });
}
