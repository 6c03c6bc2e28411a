import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { importWxrFile } from '../../src/cli/import-wxr.js';
import type { ArticleId } from '../../src/domain/ids.js';
import type { Dateline } from '../../src/main.js';
import { testDatabases } from '../support/databases.js';
import { freshDateline } from '../support/fresh-dateline.js';
import { failOnForeignConnections } from '../support/loopback-tripwire.js';
import { createSafeFetcher } from '../../src/ingest/fetch/safe-fetcher.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/wxr/', import.meta.url));
const counter = fileURLToPath(new URL('../support/wxr_counts.py', import.meta.url));
const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml')).sort();

/** Counts taken by a different parser (Python's ElementTree), not by Dateline's reader. */
type Counts = Record<'articles' | 'posts' | 'pages' | 'comments' | 'authorHandles' | 'termKeys', number> & { attachmentUrls: string[]; error?: string };
function independentCounts(file: string): Counts {
  return JSON.parse(execFileSync('python3', [counter, file], { encoding: 'utf8' })) as Counts;
}

/** A fetcher for which no host name resolves: the corpus's old sites are unreachable, and nothing leaves the machine. */
const offlineFetcher = () => createSafeFetcher({ resolver: async (host) => { throw Object.assign(new Error(`${host} not found`), { code: 'ENOTFOUND' }); } });

async function countRows(dateline: Dateline, table: 'articles' | 'comments'): Promise<number> {
  const row = await dateline.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countItems(dateline: Dateline, prefix: string): Promise<number> {
  const row = await dateline.database.db.selectFrom('import_items').select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('origin_key', 'like', `${prefix}%`).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('WordPress exports in the shared corpus', () => {
  for (const name of files) {
    it(`imports ${name} with the counts another parser finds`, async () => {
      const file = path.join(corpus, name);
      const expected = independentCounts(file);
      const { dateline, dispose } = await freshDateline('sqlite');
      try {
        const report = await importWxrFile(dateline, file, { quiet: true });
        assert.ok(report);
        if (expected.error) {
          assert.ok(report.fatal, `${name} is not well-formed (${expected.error}); the import must say so`);
          return;
        }
        assert.equal(report.fatal, null);
        assert.equal(report.counts.failed, 0);
        assert.equal(await countRows(dateline, 'articles'), expected.articles, 'posts and pages');
        assert.equal(report.counts.articles, expected.articles);
        assert.equal(await countRows(dateline, 'comments'), expected.comments, 'comments');
        assert.equal(await countItems(dateline, 'wxr:author:'), expected.authorHandles, 'authors');
        assert.equal(await countItems(dateline, 'wxr:term:'), expected.termKeys, 'terms');
        assert.equal(await countItems(dateline, 'wxr:page:'), expected.pages, 'pages');
        // A second run over the same file changes nothing.
        const again = await importWxrFile(dateline, file, { quiet: true });
        assert.equal(again?.counts.articles, 0);
        assert.equal(await countRows(dateline, 'articles'), expected.articles);
      } finally {
        await dispose();
      }
    });
  }
});

describe('WordPress exports in the shared corpus with --download-media, their old sites unreachable', () => {
  failOnForeignConnections();
  for (const name of files) {
    const file = path.join(corpus, name);
    const expected = independentCounts(file);
    if (expected.error) continue; // malformed files are covered above
    it(`imports ${name} and reports each of its ${expected.attachmentUrls.length} attachments as kept at its address`, async () => {
      const { dateline, dispose } = await freshDateline('sqlite', { mediaFetcher: offlineFetcher() });
      try {
        const report = await importWxrFile(dateline, file, { quiet: true, downloadMedia: true });
        assert.ok(report?.media);
        assert.equal(report.fatal, null);
        assert.equal(await countRows(dateline, 'articles'), expected.articles);
        assert.equal(report.media.downloaded + report.media.reused, 0);
        assert.equal(await dateline.store.media.count(), 0);
        const external = new Map(report.media.external.map((e) => [e.url, e.reason ?? '']));
        for (const url of expected.attachmentUrls) assert.match(external.get(url) ?? 'not reported', /^unreachable: /, url);
        for (const reason of external.values()) assert.match(reason, /^(unreachable|refused): /);
        const again = await importWxrFile(dateline, file, { quiet: true, downloadMedia: true });
        assert.deepEqual(again?.media?.external.map((e) => e.url).sort(), [...external.keys()].sort(), 'a second run reports the same addresses, from the record');
      } finally {
        await dispose();
      }
    });
  }
});

for (const testDb of testDatabases) {
  describe(`The Theme Unit Test export, field by field, on ${testDb.dialect}`, () => {
    const file = path.join(corpus, 'theme-unit-test/themeunittestdata.wordpress.xml');
    let dateline: Dateline;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ dateline, dispose } = await freshDateline(testDb.dialect));
      await importWxrFile(dateline, file, { quiet: true });
    });
    after(async () => dispose?.());

    it('keeps title, slug, date, status, byline, terms, threaded comments and the old permalink of a post', async () => {
      const source = JSON.parse(execFileSync('python3', [counter, file, '1148'], { encoding: 'utf8' })) as {
        title: string; post_name: string; status: string; post_date_gmt: string; creator: string; link: string;
        categories: { domain: string; nicename: string; name: string }[];
        comments: { id: string; parent: string; approved: string; author: string; date_gmt: string }[];
      };
      const item = await dateline.database.db.selectFrom('import_items').selectAll().where('origin_key', '=', 'wxr:post:1148').executeTakeFirstOrThrow();
      const article = await dateline.store.articles.getById(item.target_id as ArticleId);
      assert.ok(article);
      assert.equal(article.title, source.title);
      assert.equal(article.slug, source.post_name);
      assert.equal(article.status, source.status === 'publish' ? 'published' : article.status);
      assert.equal(article.publishedAt, `${source.post_date_gmt.replace(' ', 'T')}.000Z`);
      const byline = await dateline.database.db.selectFrom('import_items').selectAll().where('origin_key', '=', `wxr:author:${source.creator}`).executeTakeFirstOrThrow();
      assert.deepEqual(article.authorIds, [byline.target_id]);
      const terms = await dateline.store.taxonomies.listTerms();
      const names = article.termIds.map((id) => terms.find((t) => t.id === id)!.name).sort();
      // Uncategorized is left out by the default mapping.
      assert.deepEqual(names, source.categories.filter((c) => c.nicename !== 'uncategorized').map((c) => c.name).sort());
      const comments = await dateline.store.comments.listForArticle(article.id);
      assert.equal(comments.length, source.comments.length);
      const byOrigin = new Map(comments.map((c) => [c.originKey, c]));
      for (const c of source.comments) {
        const stored = byOrigin.get(`wxr:comment:1148:${c.id}`);
        assert.ok(stored, `comment ${c.id}`);
        assert.equal(stored.authorName, c.author);
        assert.equal(stored.status, c.approved === '1' ? 'approved' : stored.status);
        assert.equal(stored.createdAt, `${c.date_gmt.replace(' ', 'T')}.000Z`);
        const parent = c.parent === '0' ? null : byOrigin.get(`wxr:comment:1148:${c.parent}`)?.id;
        assert.equal(stored.parentId, parent ?? null, `comment ${c.id} answers ${c.parent}`);
      }
      const oldPath = new URL(source.link).pathname;
      const redirect = await dateline.store.redirects.find(oldPath);
      assert.equal(redirect?.toPath, `/${article.publishedAt!.slice(0, 4)}/${article.publishedAt!.slice(5, 7)}/${article.slug}/`);
      assert.equal((await dateline.store.redirects.find('/?p=1148'))?.toPath, redirect?.toPath);
    });

    it('answers an old permalink with a 301 to the new article', async () => {
      const server = await dateline.buildServer();
      try {
        const response = await server.inject({ method: 'GET', url: '/?p=1148' });
        assert.equal(response.statusCode, 301);
        const target = response.headers.location as string;
        const page = await server.inject({ method: 'GET', url: target });
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /Template: Comments/);
        const old = await server.inject({ method: 'GET', url: '/2012/01/03/template-comments/' });
        assert.equal(old.statusCode, 301);
        assert.equal(old.headers.location, target);
      } finally {
        await server.close();
      }
    });
  });
}
