import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { importGhostFile } from '../../src/cli/import-ghost.js';
import { importWxrFile } from '../../src/cli/import-wxr.js';
import type { Slug } from '../../src/domain/ids.js';
import { mediaHashOfUrl } from '../../src/domain/media.js';
import { createSafeFetcher, type Resolver } from '../../src/ingest/fetch/safe-fetcher.js';
import { testDatabases } from '../support/databases.js';
import { freshDateline } from '../support/fresh-dateline.js';
import { failOnForeignConnections } from '../support/loopback-tripwire.js';
import { png } from '../support/images.js';

failOnForeignConnections();

/** The old site, on loopback: images, a PDF, an HTML page calling itself a JPEG, a file too big, one that never answers, a redirect inward. */
let server: Server;
let port = 0;
const hits = new Map<string, number>();
let photo: Buffer;
let thumb: Buffer;
let ghostImage: Buffer;
const MAX_BYTES = 60_000;

async function noisyJpeg(width: number, height: number, seed: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 31 + seed * 97) % 251;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 70 }).toBuffer();
}

before(async () => {
  photo = await noisyJpeg(400, 300, 1);
  thumb = await noisyJpeg(300, 200, 2);
  ghostImage = await png(120, 80, true);
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const send = (type: string, body: Buffer | string) => { res.writeHead(200, { 'content-type': type }); res.end(body); };
    if (url === '/uploads/photo.jpg' || url === '/uploads/photo-copy.jpg') send('image/jpeg', photo);
    else if (url === '/uploads/photo-300x200.jpg') send('image/jpeg', thumb);
    else if (url === '/content/images/g.png') send('image/png', ghostImage);
    else if (url === '/uploads/report.pdf') send('application/pdf', '%PDF-1.4 not really');
    else if (url === '/uploads/page.jpg') send('image/jpeg', '<!doctype html><p>Not found, but 200</p>');
    else if (url === '/uploads/huge.jpg') send('image/jpeg', Buffer.alloc(MAX_BYTES + 1000, 0xff));
    else if (url === '/uploads/slow.jpg') { /* never answers */ }
    else if (url === '/uploads/inward.jpg') { res.writeHead(302, { location: 'http://internal.test/secret.jpg' }); res.end(); }
    else { res.writeHead(404); res.end(); }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The test world's DNS: old.test is the local server; internal.test is a private address the fetcher must refuse. */
const resolver: Resolver = async (host) => {
  if (host === 'old.test') return [{ address: '127.0.0.1', family: 4 }];
  if (host === 'internal.test') return [{ address: '10.1.2.3', family: 4 }];
  throw Object.assign(new Error(`${host} not found`), { code: 'ENOTFOUND' });
};

/** The fetcher the tests hand in through createDateline's code-only seam. */
const testFetcher = () => createSafeFetcher({ resolver, allowAddressesForTests: ['127.0.0.1'], allowedPorts: [port], maxBytes: MAX_BYTES, timeoutMs: 1500, idleTimeoutMs: 1500 });

const site = (dialect: 'sqlite' | 'postgres', withTestFetcher = true) => freshDateline(dialect, withTestFetcher ? { mediaFetcher: testFetcher() } : {});

/** A WordPress export of the old site at `host`; `privateName` adds an image on a name that resolves to a private address (test resolver only). */
function wxr(dir: string, host: string, extraImages: string[] = [], privateName = true): string {
  const old = `http://${host}:${port}`;
  const attachment = (id: number, file: string, alt: string) => `<item><title>${file}</title><wp:post_id>${id}</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status><wp:post_parent>10</wp:post_parent><wp:attachment_url>${old}/uploads/${file}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[${alt}]]></wp:meta_value></wp:postmeta></item>\n`;
  const body = `<p>Lead.</p><p><a href="${old}/uploads/photo.jpg"><img src="${old}/uploads/photo-300x200.jpg" srcset="${old}/uploads/photo-300x200.jpg 300w" alt="Harbour"></a></p>`
    + `<p><img src="${old}/uploads/photo-copy.jpg" alt="Same bytes"></p>`
    + ['page.jpg', 'huge.jpg', 'slow.jpg', 'inward.jpg', 'missing.jpg'].map((f) => `<p><img src="${old}/uploads/${f}" alt="${f}"></p>`).join('')
    + (privateName ? '<p><img src="http://internal.test/private.jpg" alt="private"></p>' : '') + extraImages.map((url) => `<p><img src="${url}" alt=""></p>`).join('');
  const file = path.join(dir, 'site.xml');
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Old</title><link>${old}</link><wp:base_site_url>${old}</wp:base_site_url>
<wp:author><wp:author_login>ann</wp:author_login><wp:author_display_name>Ann Writer</wp:author_display_name></wp:author>
${attachment(21, 'photo.jpg', 'The harbour at dawn')}${attachment(22, 'report.pdf', '')}
<item><title>Harbour story</title><link>${old}/harbour/</link><dc:creator>ann</dc:creator><content:encoded><![CDATA[${body}]]></content:encoded>
<wp:post_id>10</wp:post_id><wp:post_date_gmt>2024-05-01 10:00:00</wp:post_date_gmt><wp:post_name>harbour</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>21</wp:meta_value></wp:postmeta></item>
<item><title>Plain story</title><link>${old}/plain/</link><dc:creator>ann</dc:creator><content:encoded><![CDATA[<p>No pictures.</p>]]></content:encoded>
<wp:post_id>11</wp:post_id><wp:post_date_gmt>2024-05-02 10:00:00</wp:post_date_gmt><wp:post_name>plain</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>
`);
  return file;
}

const reasonsByFile = (external: { url: string; reason: string | null }[]) =>
  Object.fromEntries(external.map((e) => [e.url.replace(/^.*\//, ''), (e.reason ?? '').replace(/:.*$/s, '')]));

for (const { dialect } of testDatabases) {
  describe(`Copying an imported site's media into the library on ${dialect}`, () => {
    let dir: string;
    before(() => { dir = mkdtempSync(path.join(tmpdir(), 'dateline-media-wxr-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('downloads attachments, the feature image and body images, rewrites the article, reports each one it could not take, and never fetches twice', async () => {
      hits.clear();
      const { dateline, dispose } = await site(dialect);
      try {
        const file = wxr(dir, 'old.test');
        const report = await importWxrFile(dateline, file, { quiet: true, downloadMedia: true });
        assert.ok(report?.media);
        assert.equal(report.counts.articles, 2);
        // photo.jpg is new, and stands in for its resized copy photo-300x200.jpg; photo-copy.jpg has photo.jpg's bytes (one library item).
        assert.equal(report.media.downloaded, 1);
        assert.equal(report.media.reused, 1);
        assert.equal(await dateline.store.media.count(), 1);
        assert.equal(hits.get('/uploads/photo-300x200.jpg'), undefined, 'the resized copy is never fetched');
        assert.deepEqual(reasonsByFile(report.media.external), {
          'report.pdf': 'not an image', 'page.jpg': 'not an image', 'huge.jpg': 'too big', 'slow.jpg': 'timed out',
          'inward.jpg': 'refused', 'missing.jpg': 'not found', 'private.jpg': 'refused',
        });
        assert.equal(report.media.articlesUpdated, 1);

        const article = (await dateline.store.articles.getBySlug('harbour' as Slug))!;
        const [photoItem] = await dateline.store.media.list({ offset: 0, limit: 10 });
        assert.equal(photoItem?.width, 400);
        assert.equal(photoItem.altText, 'The harbour at dawn');
        assert.equal(photoItem.uploadedBy, null);
        assert.equal(mediaHashOfUrl(article.featureImage!.url), photoItem.sha256, 'the feature image is the library copy');
        assert.match(article.bodyHtml, new RegExp(`<img src="/media/${photoItem.sha256}/400\\.jpg" alt="Harbour"`), 'the resized copy in the text shows the original');
        assert.doesNotMatch(article.bodyHtml, /photo(-300x200|-copy)?\.jpg/, 'every copied image and the link to the full size point at the library');
        assert.match(article.bodyHtml, new RegExp(`<a href="/media/${photoItem.sha256}/`));
        assert.doesNotMatch(article.bodyHtml, /srcset="http/);
        for (const kept of ['page.jpg', 'huge.jpg', 'slow.jpg', 'inward.jpg', 'missing.jpg']) assert.match(article.bodyHtml, new RegExp(`src="http://old\\.test:${port}/uploads/${kept}"`));
        assert.equal(hits.get('/uploads/report.pdf'), 1);

        // The page shows the library copy as a responsive picture.
        const server = await dateline.buildServer();
        try {
          const page = await server.inject({ method: 'GET', url: '/2024/05/harbour/' });
          assert.equal(page.statusCode, 200);
          assert.match(page.body, new RegExp(`<picture><source type="image/avif" srcset="/media/${photoItem.sha256}/`));
        } finally {
          await server.close();
        }

        // Again: nothing fetched, nothing changed.
        const counted = new Map(hits);
        const rows = await dateline.database.db.selectFrom('articles').selectAll().orderBy('id').execute();
        const again = await importWxrFile(dateline, file, { quiet: true, downloadMedia: true });
        assert.deepEqual(hits, counted);
        assert.equal(again?.media?.downloaded, 0);
        assert.equal(again?.media?.articlesUpdated, 0);
        assert.deepEqual(await dateline.database.db.selectFrom('articles').selectAll().orderBy('id').execute(), rows);
        assert.equal(await dateline.store.media.count(), 1);

        // Asked to, it tries the failed ones again (and only those).
        const retried = await importWxrFile(dateline, file, { quiet: true, downloadMedia: true, retryMedia: true });
        assert.equal(retried?.media?.external.length, 7);
        assert.equal(hits.get('/uploads/photo.jpg'), 1);
        assert.equal(hits.get('/uploads/missing.jpg'), 2);
      } finally {
        await dispose();
      }
    });

    it('is off by default, and a later run with --download-media brings the media of an earlier import; stopped half-way, it resumes without fetching anything twice', async () => {
      hits.clear();
      const { dateline, dispose } = await site(dialect);
      try {
        const file = wxr(dir, 'old.test');
        const plain = await importWxrFile(dateline, file, { quiet: true });
        assert.equal(plain?.media, null);
        assert.equal(hits.size, 0, 'nothing is fetched without --download-media');
        assert.equal(plain?.counts.external, 2);

        // A run that dies after its first copy (as with kill -9: the copy and its record are stored, the rest is not).
        let seen = 0;
        await assert.rejects(dateline.services.siteMedia.run(`wxr:http://old.test:${port}`, {}, () => {
          if (++seen === 1) throw new Error('killed');
        }), /killed/);
        assert.equal(hits.get('/uploads/photo.jpg'), 1);
        const resumed = await importWxrFile(dateline, file, { quiet: true, downloadMedia: true });
        assert.equal(resumed?.media?.articlesUpdated, 1);
        for (const [url, n] of hits) assert.equal(n, 1, `${url} fetched once`);
        const article = (await dateline.store.articles.getBySlug('harbour' as Slug))!;
        assert.ok(mediaHashOfUrl(article.featureImage!.url));
      } finally {
        await dispose();
      }
    });
  });
}

describe('The product fetcher stays guarded', () => {
  it('without the test seam, images on a private address are refused and reported, and the server is never asked', async () => {
    hits.clear();
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-media-guard-'));
    const { dateline, dispose } = await site('sqlite', false);
    try {
      const inward = ['http://127.0.0.1/uploads/photo.jpg', 'http://[::1]/photo.jpg', 'http://169.254.169.254/latest/meta-data/photo.jpg', 'http://10.0.0.8/photo.jpg'];
      const report = await importWxrFile(dateline, wxr(dir, '127.0.0.1', inward, false), { quiet: true, downloadMedia: true });
      assert.equal(report?.counts.articles, 2);
      assert.equal(report?.media?.downloaded, 0);
      const external = new Map(report!.media!.external.map((e) => [e.url, e.reason ?? '']));
      for (const url of inward) assert.match(external.get(url) ?? '', /^refused: .*only fetches from public internet addresses/, url);
      // The local server's own port is not one the product fetches from either.
      const onPort = [...external].filter(([url]) => url.startsWith(`http://127.0.0.1:${port}/`));
      assert.equal(onPort.length, 8); // every address on the old site (the resized copy stands for its original)
      assert.equal(external.size, inward.length + onPort.length, 'every image is reported');
      for (const [, reason] of onPort) assert.match(reason, /^refused: .*port/);
      assert.equal(hits.size, 0);
      assert.equal(await dateline.store.media.count(), 0);
    } finally {
      await dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Ghost media', () => {
  it('copies a Ghost post\'s feature image and body images from the old site given with --source-url', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-media-ghost-'));
    const { dateline, dispose } = await site('sqlite');
    try {
      const file = path.join(dir, 'ghost.json');
      writeFileSync(file, JSON.stringify({ db: [{ meta: { exported_on: 1732700000000, version: '5.101.0' }, data: {
        posts: [{ id: 'p1', title: 'Ghost post', slug: 'ghost-post', status: 'published', published_at: '2024-06-01T00:00:00.000Z',
          feature_image: '__GHOST_URL__/content/images/g.png', html: '<p><img src="__GHOST_URL__/content/images/g.png" alt="G"></p>' }],
        users: [], tags: [],
      } }] }));
      const report = await importGhostFile(dateline, file, { quiet: true, downloadMedia: true, sourceUrl: `http://old.test:${port}` });
      assert.equal(report?.media?.downloaded, 1);
      assert.deepEqual(report?.media?.external, []);
      const article = (await dateline.store.articles.getBySlug('ghost-post' as Slug))!;
      const hash = mediaHashOfUrl(article.featureImage!.url);
      assert.ok(hash);
      assert.match(article.bodyHtml, new RegExp(`src="/media/${hash}/\\d+\\.png"`), 'transparency keeps PNG as the fallback');
    } finally {
      await dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
