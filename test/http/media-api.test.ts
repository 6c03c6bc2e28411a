import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { articlePath } from '../../src/domain/article.js';
import type { Role } from '../../src/domain/staff.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../support/staff-sessions.js';
import { signInStaff } from '../support/staff-sessions.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeArticle } from '../support/fixtures.js';
import { exifHasGps, jpegWithGps, png, pngBomb } from '../support/images.js';

const MAX_BYTES = 1024 * 1024;

interface MediaJson {
  id: string; sha256: string; width: number; height: number; mime: string; url: string; altText: string; caption: string | null; credit: string | null;
  variants: { width: number; height: number; format: string; bytes: number; url: string }[];
}
interface ErrorJson { error: { code: string; message: string; details?: Record<string, unknown> } }

describe('media library over HTTP (real server, real sessions)', () => {
  let t: TestApp;
  let base: string;
  let mediaDir: string;
  let staff: Awaited<ReturnType<typeof signInStaff>>;

  before(async () => {
    t = await createTestApp('sqlite', { demo: false, env: { MEDIA_MAX_BYTES: String(MAX_BYTES) } });
    await t.server.listen({ port: 0, host: '127.0.0.1' });
    const address = t.server.server.address();
    assert.ok(address && typeof address === 'object');
    base = `http://127.0.0.1:${address.port}`;
    mediaDir = path.join(t.dateline.config.dataDir, 'media');
    staff = await signInStaff(t, ['editor', 'author', 'contributor']);
  });
  after(async () => t?.dispose());

  const as = (role: Role, extra: Record<string, string> = {}) => staff.headers(role, extra);

  async function upload(bytes: Uint8Array, filename: string, options: { role?: Role; type?: string; fields?: Record<string, string>; headers?: Record<string, string> } = {}) {
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append('file', new Blob([bytes], { type: options.type ?? 'image/jpeg' }), filename);
    const response = await fetch(`${base}/admin/api/media`, { method: 'POST', body: form, headers: options.headers ?? as(options.role ?? 'editor') });
    return { status: response.status, body: await response.json() as { media: MediaJson; created: boolean } & ErrorJson };
  }

  const storedFiles = () => (existsSync(mediaDir) ? readdirSync(mediaDir, { recursive: true }).length : 0);
  const count = () => t.dateline.store.media.count();

  it('turns a photo into upright AVIF, WebP and JPEG renditions at each width, with no EXIF or GPS left', async () => {
    const photo = await jpegWithGps(1000, 600);
    const inputMeta = await sharp(photo).metadata();
    assert.equal(inputMeta.orientation, 6);
    assert.ok(exifHasGps(inputMeta.exif), 'the test photo carries GPS coordinates');

    const { status, body } = await upload(photo, 'harbour.jpg', { fields: { altText: 'Boats in the harbour', credit: 'Photo: A. Person' } });
    assert.equal(status, 201, JSON.stringify(body));
    const item = body.media;
    assert.deepEqual([item.width, item.height, item.mime], [600, 1000, 'image/jpeg'], 'the size is the upright one');
    assert.equal(item.altText, 'Boats in the harbour');
    assert.equal(item.credit, 'Photo: A. Person');
    assert.deepEqual(item.variants.map((v) => `${v.format}@${v.width}`).sort(), ['avif@320', 'avif@600', 'jpeg@320', 'jpeg@600', 'webp@320', 'webp@600']);
    assert.equal(item.url, `/media/${item.sha256}/600.jpg`);

    for (const variant of item.variants) {
      const response = await fetch(`${base}${variant.url}`);
      assert.equal(response.status, 200, variant.url);
      assert.equal(response.headers.get('content-type'), `image/${variant.format}`);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.length, variant.bytes);
      const meta = await sharp(bytes).metadata();
      assert.equal(meta.exif, undefined, `${variant.url} has no EXIF`);
      assert.equal(meta.orientation, undefined, `${variant.url} needs no rotating`);
      assert.ok(!bytes.includes(Buffer.from('Exif\0\0')) && !bytes.includes(Buffer.from('TestCam')), `${variant.url} carries no EXIF block`);
      assert.deepEqual([meta.width, meta.height], [variant.width, variant.height]);
      assert.ok(meta.height! > meta.width!, 'portrait, as the camera meant it');
    }
  });

  it('never upscales, caps at 1920 pixels and keeps transparency in a PNG fallback', async () => {
    const wide = (await upload(await png(2400, 60, true), 'banner.png', { type: 'image/png' })).body.media;
    assert.deepEqual([...new Set(wide.variants.map((v) => v.width))].sort((a, b) => a - b), [320, 640, 960, 1280, 1920]);
    assert.deepEqual([...new Set(wide.variants.map((v) => v.format))].sort(), ['avif', 'png', 'webp']);
    assert.equal(wide.variants.length, 15);
    const small = (await upload(await png(200, 100, false), 'icon.png', { type: 'image/png' })).body.media;
    assert.deepEqual(small.variants.map((v) => v.width), [200, 200, 200], 'one width, its own');
    assert.ok(small.variants.some((v) => v.format === 'jpeg'), 'an opaque image falls back to JPEG');
  });

  it('keeps one item for the same file uploaded twice', async () => {
    const bytes = await png(300, 200, false);
    const first = await upload(bytes, 'a.png');
    const second = await upload(bytes, 'b.png');
    assert.deepEqual([first.status, second.status, second.body.created], [201, 200, false]);
    assert.equal(second.body.media.id, first.body.media.id);
  });

  it('refuses files that are not images, whatever their name and declared type, and stores nothing', async () => {
    const [itemsBefore, filesBefore] = [await count(), storedFiles()];
    const text = await upload(Buffer.from('This is a letter, not a photograph.\n'), 'photo.jpg', { type: 'image/jpeg' });
    assert.deepEqual([text.status, text.body.error.code], [400, 'MEDIA_NOT_AN_IMAGE']);
    const svg = await upload(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.png', { type: 'image/png' });
    assert.deepEqual([svg.status, svg.body.error.code], [400, 'MEDIA_TYPE_REFUSED']);
    const photo = await jpegWithGps(400, 300);
    const truncated = await upload(photo.subarray(0, Math.floor(photo.length / 2)), 'cut.jpg');
    assert.deepEqual([truncated.status, truncated.body.error.code], [400, 'MEDIA_UNREADABLE']);
    const pngAsJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), await png(50, 50, false)]);
    assert.equal((await upload(pngAsJpeg, 'odd.jpg')).body.error.code, 'MEDIA_UNREADABLE');
    assert.deepEqual([await count(), storedFiles()], [itemsBefore, filesBefore]);
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = await pngBomb(50_000);
    assert.ok(bomb.length < MAX_BYTES, `the bomb is small (${bomb.length} bytes) and gets past the size cap`);
    assert.deepEqual((await sharp(bomb, { limitInputPixels: false }).metadata()).width, 50_000, 'the bomb is a PNG sharp can read the header of');
    const [itemsBefore, filesBefore] = [await count(), storedFiles()];
    const memoryBefore = process.memoryUsage().rss;
    const { status, body } = await upload(bomb, 'innocent.png', { type: 'image/png' });
    assert.deepEqual([status, body.error.code], [400, 'MEDIA_TOO_MANY_PIXELS']);
    assert.equal(body.error.details?.maxPixels, 50_000_000);
    assert.ok(process.memoryUsage().rss - memoryBefore < 500 * 1024 * 1024, 'the 2.5-gigapixel image was never decoded');
    assert.deepEqual([await count(), storedFiles()], [itemsBefore, filesBefore]);
  });

  it('answers 413 to an upload over the size cap, while it streams in, and stores nothing', async () => {
    const [itemsBefore, filesBefore] = [await count(), storedFiles()];
    // Just over the cap: the declared length passes the early check, so the streaming limit is what stops it.
    const justOver = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(MAX_BYTES + 16 * 1024, 7)]);
    const streamed = await upload(justOver, 'big.jpg');
    assert.deepEqual([streamed.status, streamed.body.error.code], [413, 'MEDIA_TOO_LARGE']);
    assert.equal(streamed.body.error.details?.maxBytes, MAX_BYTES);
    const farOver = await upload(Buffer.alloc(MAX_BYTES * 3, 1), 'huge.jpg');
    assert.deepEqual([farOver.status, farOver.body.error.code], [413, 'MEDIA_TOO_LARGE']);
    assert.deepEqual([await count(), storedFiles()], [itemsBefore, filesBefore]);
  });

  it('serves renditions with conditional requests and 404 for anything else', async () => {
    const item = (await upload(await png(330, 100, false), 'serve.png')).body.media;
    const url = `${base}/media/${item.sha256}/320.webp`;
    const first = await fetch(url);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    assert.ok(etag);
    assert.equal((await fetch(url, { headers: { 'if-none-match': etag } })).status, 304);
    for (const missing of [`/media/${item.sha256}/321.webp`, `/media/${item.sha256}/320.gif`, `/media/${item.sha256}/320.jpeg`, `/media/${'0'.repeat(64)}/320.webp`, `/media/${item.sha256}/..%2F..%2Fdateline.sqlite`]) {
      const response = await fetch(`${base}${missing}`);
      await response.arrayBuffer();
      assert.equal(response.status, 404, missing);
    }
  });

  it('lists with paging, reads and describes items', async () => {
    const list = await (await fetch(`${base}/admin/api/media?perPage=2&page=1`, { headers: as('author') })).json() as { media: MediaJson[]; meta: { total: number; pageCount: number; perPage: number } };
    assert.equal(list.media.length, 2);
    assert.equal(list.meta.perPage, 2);
    assert.equal(list.meta.pageCount, Math.ceil(list.meta.total / 2));
    const page2 = await (await fetch(`${base}/admin/api/media?perPage=2&page=2`, { headers: as('author') })).json() as { media: MediaJson[] };
    assert.ok(page2.media.every((m) => !list.media.some((n) => n.id === m.id)));

    const id = list.media[0]!.id;
    const patched = await fetch(`${base}/admin/api/media/${id}`, { method: 'PATCH', headers: as('editor', { 'content-type': 'application/json' }), body: JSON.stringify({ altText: '  Fishing boats ', caption: 'At dawn' }) });
    assert.equal(patched.status, 200);
    const got = await (await fetch(`${base}/admin/api/media/${id}`, { headers: as('editor') })).json() as { media: MediaJson };
    assert.deepEqual([got.media.altText, got.media.caption], ['Fishing boats', 'At dawn']);
    const bad = await fetch(`${base}/admin/api/media/${id}`, { method: 'PATCH', headers: as('editor', { 'content-type': 'application/json' }), body: JSON.stringify({ altText: 42 }) });
    assert.deepEqual([bad.status, ((await bad.json()) as ErrorJson).error.code], [400, 'INVALID_INPUT']);
    const missing = await fetch(`${base}/admin/api/media/nope`, { headers: as('editor') });
    assert.deepEqual([missing.status, ((await missing.json()) as ErrorJson).error.code], [404, 'MEDIA_NOT_FOUND']);
  });

  it('refuses to delete an image an article shows, deletes an unused one with its files', async () => {
    const used = (await upload(await png(340, 100, false), 'used.png')).body.media;
    await t.dateline.store.articles.insert(makeArticle({ title: 'Harbour news', featureImage: { url: used.url, alt: 'x', caption: null, credit: null } }));
    const refused = await fetch(`${base}/admin/api/media/${used.id}`, { method: 'DELETE', headers: as('editor') });
    const body = await refused.json() as ErrorJson;
    assert.deepEqual([refused.status, body.error.code], [409, 'MEDIA_IN_USE']);
    assert.match(body.error.message, /Harbour news/);

    const unused = (await upload(await png(350, 100, false), 'unused.png')).body.media;
    const variantUrl = `${base}${unused.variants[0]!.url}`;
    assert.equal((await fetch(variantUrl)).status, 200);
    const deleted = await fetch(`${base}/admin/api/media/${unused.id}`, { method: 'DELETE', headers: as('editor') });
    assert.equal(deleted.status, 204);
    assert.equal((await fetch(variantUrl)).status, 404);
    assert.equal(existsSync(path.join(mediaDir, unused.sha256.slice(0, 2), unused.sha256)), false);
    assert.equal((await fetch(`${base}/admin/api/media/${unused.id}`, { headers: as('editor') })).status, 404);
  });

  it('needs a session, its CSRF token for changes, and a role that may upload', async () => {
    const bytes = await png(360, 100, false);
    const anonymous = await fetch(`${base}/admin/api/media`);
    assert.deepEqual([anonymous.status, ((await anonymous.json()) as ErrorJson).error.code], [401, 'SIGN_IN_NEEDED']);
    const forged = await upload(bytes, 'x.png', { headers: { cookie: staff.cookie('editor') } });
    assert.deepEqual([forged.status, forged.body.error.code], [403, 'CSRF_REJECTED']);
    const wrongToken = await upload(bytes, 'x.png', { headers: { cookie: staff.cookie('editor'), [CSRF_HEADER]: staff.csrf('author') } });
    assert.equal(wrongToken.status, 403);
    const contributor = await upload(bytes, 'x.png', { role: 'contributor' });
    assert.deepEqual([contributor.status, contributor.body.error.code], [403, 'NOT_ALLOWED']);
    const stale = await fetch(`${base}/admin/api/media`, { headers: { cookie: `${SESSION_COOKIE}=not-a-session` } });
    assert.equal(stale.status, 401);
  });

  it('lets an author change only their own uploads', async () => {
    const mine = (await upload(await png(370, 100, false), 'mine.png', { role: 'author' })).body.media;
    const theirs = (await upload(await png(380, 100, false), 'theirs.png', { role: 'editor' })).body.media;
    const patch = (id: string) => fetch(`${base}/admin/api/media/${id}`, { method: 'PATCH', headers: as('author', { 'content-type': 'application/json' }), body: JSON.stringify({ altText: 'Mine' }) });
    assert.equal((await patch(mine.id)).status, 200);
    assert.equal((await patch(theirs.id)).status, 403);
  });

  it('shows a library feature image as a responsive picture, keeps external ones as they were, and refreshes on a new alt text', async () => {
    const item = (await upload(await png(700, 350, false), 'feature.png', { fields: { credit: 'Library credit' } })).body.media;
    const library = makeArticle({
      title: 'With a library image', featureImage: { url: item.url, alt: '', caption: 'Harbour', credit: null },
      bodyHtml: `<p>Before.</p><figure><img src="/media/${item.sha256}/320.jpg" alt="In the body"><figcaption>Quay</figcaption></figure>`,
    });
    const external = makeArticle({ title: 'With an outside image', featureImage: { url: 'https://images.example/photo.jpg', alt: 'Outside', caption: null, credit: null } });
    for (const a of [library, external]) await t.dateline.store.articles.insert(a);

    const page = await (await fetch(`${base}${articlePath(library)}`)).text();
    const figure = /<figure class="feature-image">[\s\S]*?<\/figure>/.exec(page)?.[0] ?? '';
    assert.match(figure, new RegExp(`<source type="image/avif" srcset="/media/${item.sha256}/320.avif 320w, /media/${item.sha256}/640.avif 640w, /media/${item.sha256}/700.avif 700w"`));
    assert.match(figure, /<source type="image\/webp"/);
    assert.match(figure, new RegExp(`<img src="/media/${item.sha256}/700.jpg"[^>]* width="700" height="350" alt=""`));
    assert.match(figure, /Harbour <span class="credit">Library credit<\/span>/, 'the library credit stands in for a missing one');

    const body = /<div class="article-body"[\s\S]*?<\/div>/.exec(page)?.[0] ?? '';
    assert.match(body, new RegExp(`<figure><picture><source type="image/avif" srcset="/media/${item.sha256}/320.avif 320w, [^"]+"[^>]*><source type="image/webp"[^>]*><img src="/media/${item.sha256}/700.jpg"[^>]* alt="In the body" loading="lazy"[^>]*></picture><figcaption>Quay</figcaption></figure>`));

    const outside = await (await fetch(`${base}${articlePath(external)}`)).text();
    assert.match(outside, /<figure class="feature-image"><img src="https:\/\/images.example\/photo.jpg" alt="Outside">/);

    await fetch(`${base}/admin/api/media/${item.id}`, { method: 'PATCH', headers: as('editor', { 'content-type': 'application/json' }), body: JSON.stringify({ altText: 'Harbour at dawn' }) });
    const again = await (await fetch(`${base}${articlePath(library)}`)).text();
    assert.match(again, /width="700" height="350" alt="Harbour at dawn"/, 'the cached page was dropped when the item changed');
  });
});
