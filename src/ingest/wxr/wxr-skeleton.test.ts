import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fileChunks } from '../file-chunks.js';
import { scanWxr, scanWxrFile, type WxrScan } from './scan-wxr.js';
import { NeedsFullScan, wxrSkeleton, type WxrItemTally } from './wxr-skeleton.js';

const corpus = fileURLToPath(new URL('../../../../shared/corpus/wxr/', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'dateline-skeleton-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const head = (namespaces = 'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" ${namespaces}><channel><title>Site</title><link>https://old.example</link>` +
  '<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name></wp:category>';
const tail = '</channel></rss>\n';
const post = (id: number, body: string, extra = '') =>
  `<item><title>Post ${id}</title><content:encoded><![CDATA[${body}]]></content:encoded><wp:post_id>${id}</wp:post_id>` +
  `<wp:post_type><![CDATA[post]]></wp:post_type><category domain="category" nicename="news"><![CDATA[News]]></category>` +
  `<category domain='post_tag' nicename="t${id}">T</category>${extra}` +
  `<wp:comment><wp:comment_id>${id}1</wp:comment_id><wp:comment_content><![CDATA[<item>not one</item>]]></wp:comment_content></wp:comment>` +
  `<wp:comment><wp:comment_id>${id}2</wp:comment_id></wp:comment></item>\n`;
const attachment = (id: number, parent: number) =>
  `<item><title>Image ${id}</title><guid isPermaLink="false">https://old.example/?attachment_id=${id}</guid><wp:post_id>${id}</wp:post_id>` +
  `<wp:post_parent>${parent}</wp:post_parent><wp:post_type>attachment</wp:post_type><wp:attachment_url>https://old.example/img/${id}.jpg</wp:attachment_url>` +
  `<excerpt:encoded><![CDATA[Caption <b>${id}</b>]]></excerpt:encoded><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Alt ${id}</wp:meta_value></wp:postmeta></item>\n`;

/** An export that tries to mislead a byte-level reading: markup quoted in CDATA, comments, instructions and attributes. */
const tricky = head('xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:wordpress="https://wordpress.org/export/1.1/"').replaceAll('wp:', 'wordpress:') +
  post(1, '<item><wp:post_type>attachment</wp:post_type></item> ]] > ] ]>').replaceAll('<wp:', '<wordpress:').replaceAll('</wp:', '</wordpress:') +
  '<!-- <item><wordpress:post_type>attachment</wordpress:post_type></item> -->\n<?pi <item> ?>\n' +
  attachment(2, 1).replaceAll('<wp:', '<wordpress:').replaceAll('</wp:', '</wordpress:') +
  post(3, 'x', '<category domain="a>b" nicename="q">Q</category><wordpress:postmeta><wordpress:meta_key>k</wordpress:meta_key><wordpress:meta_value>&lt;item&gt;</wordpress:meta_value></wordpress:postmeta>')
    .replaceAll('<wp:', '<wordpress:').replaceAll('</wp:', '</wordpress:') +
  '<item><title>Empty</title></item><item/>' + tail;

function fileOf(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** A scan as plain data, maps as entry lists so their order counts too. */
function plain(scan: WxrScan) {
  return { ...scan, taxonomies: [...scan.taxonomies], postTypes: [...scan.postTypes], attachments: [...scan.attachments] };
}

async function fullScan(file: string) {
  return plain(await scanWxr(fileChunks(file)));
}

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function skeleton(bytes: Buffer, size: number): Promise<{ text: string; tally: WxrItemTally }> {
  const tally: WxrItemTally = { items: 0, comments: 0, postTypes: new Map(), domains: new Map() };
  const parts: Buffer[] = [];
  for await (const part of wxrSkeleton(chunksOf(bytes, size), tally)) parts.push(part);
  return { text: Buffer.concat(parts).toString('utf8'), tally };
}

describe('the byte-level first reading of an export (wxrSkeleton, scanWxrFile)', () => {
  it('gives the full reading\'s scan for every well-formed export in the corpus, and reads nearly all of them itself', async () => {
    const files = readdirSync(corpus, { recursive: true }).map(String).filter((f) => f.endsWith('.xml'));
    assert.ok(files.length >= 40, `corpus has ${files.length} WXR files`);
    let fast = 0;
    for (const name of files) {
      const file = path.join(corpus, name);
      const full = await fullScan(file);
      const quick = await scanWxrFile(file);
      if (!quick.fullReading) fast++;
      if (full.fatal) {
        // A file that stops being XML inside an item is only found out by the import's own reading.
        assert.ok(quick.scan.items >= full.items, name);
        continue;
      }
      assert.deepEqual(plain(quick.scan), full, name);
    }
    assert.ok(fast >= files.length - 2, `${fast} of ${files.length} read at the byte level`);
  });

  it('is not misled by markup inside CDATA, comments, instructions or quoted attributes, and follows the namespace\'s prefix', async () => {
    const file = fileOf('tricky.xml', tricky);
    const quick = await scanWxrFile(file);
    assert.equal(quick.fullReading, null);
    const full = await fullScan(file);
    assert.equal(full.fatal, null);
    assert.deepEqual(plain(quick.scan), full);
    assert.equal(full.items, 5);
    assert.equal(full.comments, 4);
    assert.deepEqual(full.postTypes, [['post', 2], ['attachment', 1], ['', 2]]);
    assert.deepEqual(full.attachments.map(([id, a]) => [id, a.url, a.alt, a.caption, a.parent]), [['2', 'https://old.example/img/2.jpg', 'Alt 2', 'Caption 2', '1']]);
  });

  it('passes on the same skeleton and counts whatever the chunk size', async () => {
    const bytes = Buffer.from(tricky);
    const whole = await skeleton(bytes, bytes.length);
    assert.match(whole.text, /<item\/>/);
    assert.match(whole.text, /attachment_url/);
    assert.doesNotMatch(whole.text, /Post 1/);
    for (let size = 1; size <= 97; size++) assert.deepEqual(await skeleton(bytes, size), whole, `chunks of ${size}`);
  });

  it('hands what it cannot read for certain to the full reading, with the same result', async () => {
    const cases: [string, string][] = [
      ['doctype', `<?xml version="1.0"?>\n<!DOCTYPE rss>${head().slice(head().indexOf('<rss'))}${post(1, 'b')}${tail}`],
      ['default namespace', head('xmlns="http://backend.userland.com/rss2" xmlns:wp="http://wordpress.org/export/1.2/"') + post(1, 'b') + tail],
      ['namespace in an item', head() + post(1, 'b').replace('<title>', '<title xmlns:wp="urn:other">') + tail],
      ['namespace on a sibling of the items', head('xmlns:content="http://purl.org/rss/1.0/modules/content/"') + '<x xmlns:wp="http://wordpress.org/export/1.2/"/>' + post(1, 'b') + tail],
      ['entity in a post type', head() + post(1, 'b').replace('<![CDATA[post]]>', 'po&#115;t') + tail],
      ['markup in a post type', head() + post(1, 'b').replace('<![CDATA[post]]>', 'post<x/>') + tail],
      ['oversized attachment', head() + attachment(2, 0).replace('<title>', `<content:encoded><![CDATA[${'x'.repeat(1_100_000)}]]></content:encoded><title>`) + tail],
    ];
    for (const [name, text] of cases) {
      const file = fileOf(`${name.replaceAll(' ', '-')}.xml`, text);
      const quick = await scanWxrFile(file);
      assert.ok(quick.fullReading instanceof NeedsFullScan, name);
      assert.deepEqual(plain(quick.scan), await fullScan(file), name);
    }
  });

  it('reports a file cut off inside an item as the full reading does, site included', async () => {
    const file = fileOf('cut.xml', head() + post(1, 'b') + post(2, 'b').slice(0, 120));
    const quick = await scanWxrFile(file);
    const full = await fullScan(file);
    assert.equal(quick.fullReading, null);
    assert.equal(quick.scan.site.link, 'https://old.example');
    assert.match(quick.scan.fatal ?? '', /unclosed tag: item|ends in the middle of an item/);
    assert.deepEqual({ ...plain(quick.scan), fatal: null }, { ...full, fatal: null });
  });

  it('hashes the file it read', async () => {
    const file = fileOf('hash.xml', head() + post(1, 'b') + tail);
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update(head() + post(1, 'b') + tail).digest('hex');
    assert.equal((await scanWxrFile(file)).fileHash, expected);
    assert.equal((await scanWxrFile(file, { thorough: true })).fileHash, expected);
  });
});
