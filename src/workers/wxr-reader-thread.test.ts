import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { SiteImportEvent } from '../app/site-import/site-import-events.js';
import { fileChunks } from '../ingest/file-chunks.js';
import { readWxr } from '../ingest/wxr/read-wxr.js';
import { scanWxr } from '../ingest/wxr/scan-wxr.js';
import { wxrSiteEvents } from '../ingest/wxr/wxr-site-events.js';
import { wxrEventsOnThread } from './wxr-reader-thread.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dateline-reader-'));
const head = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"><channel><title>Site</title><link>https://old.example</link><wp:base_site_url>https://old.example</wp:base_site_url>';
const item = (id: number) =>
  `<item><title>Post ${id}</title><link>https://old.example/?p=${id}</link><dc:creator><![CDATA[ann]]></dc:creator><content:encoded><![CDATA[<p>Body ${id} & more</p>[gallery ids="900"]]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2020-01-0${1 + (id % 9)} 10:00:00</wp:post_date_gmt><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>900</wp:meta_value></wp:postmeta><wp:comment><wp:comment_id>${id}0</wp:comment_id><wp:comment_content><![CDATA[Hi ${id}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment></item>`;
// The attachment comes after the posts that use it: only the scan knows it when they are read.
const attachment = '<item><title>Photo</title><wp:post_id>900</wp:post_id><wp:post_type>attachment</wp:post_type><wp:attachment_url>https://old.example/photo.jpg</wp:attachment_url><wp:status>inherit</wp:status></item>';
const file = path.join(dir, 'export.xml');
writeFileSync(file, `${head}${Array.from({ length: 240 }, (_, i) => item(i + 1)).join('')}${attachment}</channel></rss>`);
after(() => rmSync(dir, { recursive: true, force: true }));

async function collect(events: AsyncIterable<SiteImportEvent>, limit = Infinity): Promise<SiteImportEvent[]> {
  const out: SiteImportEvent[] = [];
  for await (const event of events) {
    out.push(event);
    if (out.length >= limit) break;
  }
  return out;
}

describe('Reading a WordPress export on a thread of its own', () => {
  it('yields exactly the events read on the calling thread, in order, across many messages', async () => {
    const scan = await scanWxr(fileChunks(file));
    const inline = await collect(wxrSiteEvents(readWxr(fileChunks(file)), scan));
    const threaded = await collect(wxrEventsOnThread(file, {}, scan));
    assert.equal(threaded.length, 241);
    assert.deepEqual(threaded, inline);
    const first = threaded.find((e) => e.type === 'article');
    assert.ok(first?.type === 'article');
    assert.equal(first.article.featureImage?.url, 'https://old.example/photo.jpg', 'the scan\'s attachments reach the thread');
  });

  it('stops its thread when the caller stops early', async () => {
    const scan = await scanWxr(fileChunks(file));
    const some = await collect(wxrEventsOnThread(file, {}, scan), 3);
    assert.equal(some.length, 3);
  });

  it('fails with the reason when the file cannot be read', async () => {
    await assert.rejects(collect(wxrEventsOnThread(path.join(dir, 'missing.xml'), {}, { attachments: new Map() })), /reading the export failed: .*ENOENT/);
  });
});
