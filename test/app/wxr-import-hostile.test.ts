import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importWxrFile } from '../../src/cli/import-wxr.js';
import { loadConfig } from '../../src/config/config.js';
import { createDateline, type Dateline } from '../../src/main.js';

const head = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Hostile</title><link>https://hostile.example</link><wp:base_site_url>https://hostile.example</wp:base_site_url>
<wp:author><wp:author_login>ann</wp:author_login><wp:author_display_name>Ann Writer</wp:author_display_name></wp:author>
`;
const item = (id: number, { type = 'post', content = `<p>Story ${id}</p>` } = {}) => `<item><title>Story ${id}</title><link>https://hostile.example/story-${id}/</link>
<dc:creator>ann</dc:creator><content:encoded><![CDATA[${content}]]></content:encoded><wp:post_id>${id}</wp:post_id>
<wp:post_date_gmt>2020-01-0${id % 9 + 1} 10:00:00</wp:post_date_gmt><wp:post_name>story-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>${type}</wp:post_type></item>\n`;
const tail = '</channel></rss>\n';

describe('Hostile and broken WordPress exports', () => {
  let dir: string;
  let dateline: Dateline;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dateline-hostile-'));
    dateline = await createDateline(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example' }));
    await dateline.prepare({ demoContent: false });
  });
  after(async () => {
    await dateline?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const itemState = async (originKey: string) =>
    dateline.database.db.selectFrom('import_items').select(['state', 'reason']).where('origin_key', '=', originKey).executeTakeFirst();
  const articleCount = async () => Number((await dateline.database.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('reports unknown post types, oversized fields, broken encodings and a truncation item by item, keeping the rest', async () => {
    const file = path.join(dir, 'broken.xml');
    const body = Buffer.concat([
      Buffer.from(head + item(1) + item(2, { type: 'product' }) + item(3, { content: 'x'.repeat(5000) })),
      Buffer.from(item(4).split('Story 4</p>')[0]!), Buffer.from([0xff, 0xfe, 0x28]), Buffer.from(`</p>${item(4).split('Story 4</p>')[1]!}`),
      Buffer.from(item(5) + item(6).slice(0, 120)),
    ]);
    writeFileSync(file, body);
    const report = await importWxrFile(dateline, file, { quiet: true, maxFieldChars: 1000 });
    assert.ok(report?.fatal, 'the truncation is reported');
    assert.match((await itemState('wxr:product:2'))?.reason ?? '', /unknown post type "product"/);
    assert.equal((await itemState('wxr:post:3'))?.state, 'skipped');
    assert.match((await itemState('wxr:post:3'))?.reason ?? '', /larger than the limit/);
    assert.equal((await itemState('wxr:post:1'))?.state, 'imported');
    assert.equal((await itemState('wxr:post:5'))?.state, 'imported');
    const broken = await itemState('wxr:post:4');
    assert.equal(broken?.state, 'imported');
    assert.match(broken?.reason ?? '', /not valid/);
    assert.equal(await articleCount(), 3);

    // The owner fixes the file; the import goes on from where it stopped, nothing doubled.
    writeFileSync(file, Buffer.concat([body.subarray(0, body.length - item(6).slice(0, 120).length), Buffer.from(item(6) + tail)]));
    const resumed = await importWxrFile(dateline, file, { quiet: true, maxFieldChars: 1000 });
    assert.equal(resumed?.fatal, null);
    assert.equal(resumed?.counts.articles, 1);
    assert.equal(await articleCount(), 4);
  });

  it('records a failing item of a batch as failed and imports its neighbours in the same batch', async () => {
    const file = path.join(dir, 'one-bad.xml');
    const inNews = item(22).replace('</item>', '<category domain="category" nicename="news"><![CDATA[News]]></category></item>');
    writeFileSync(file, head.replace('Hostile', 'One bad').replace(/hostile\.example/g, 'one-bad.example') + item(21) + inNews + item(23) + tail);
    const mapping = path.join(dir, 'one-bad-mapping.json');
    writeFileSync(mapping, JSON.stringify({ terms: { 'category/news': 'nosuch/politics' } }));
    const before = await articleCount();
    const report = await importWxrFile(dateline, file, { quiet: true, mappingFile: mapping });
    assert.equal(report?.counts.failed, 1);
    assert.equal(report?.counts.articles, 2);
    assert.equal(await articleCount(), before + 2);
    assert.equal((await itemState('wxr:post:22'))?.state, 'failed');
    assert.match((await itemState('wxr:post:22'))?.reason ?? '', /taxonomy "nosuch"/);
    assert.equal((await itemState('wxr:post:21'))?.state, 'imported');
    assert.equal((await itemState('wxr:post:23'))?.state, 'imported');
  });

  it('refuses an entity bomb before it expands anything', async () => {
    const file = path.join(dir, 'bomb.xml');
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    writeFileSync(file, `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${entities}]>${head.replace(/^<\?xml[^>]*>\n/, '')}${item(90, { content: '&lol9;' })}${tail}`);
    const before = await articleCount();
    const report = await importWxrFile(dateline, file, { quiet: true });
    assert.match(report?.fatal ?? '', /entit/);
    assert.equal(await articleCount(), before);
  });
});
