import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readWxr } from './read-wxr.js';
import type { WxrEvent } from './wxr-types.js';

const head = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Site</title><wp:base_site_url>https://old.example</wp:base_site_url>';
const item = (id: number, content = `<p>Body ${id} &amp; more</p>`) =>
  `<item><title>Post ${id}</title><link>https://old.example/?p=${id}</link><dc:creator><![CDATA[ann]]></dc:creator><content:encoded><![CDATA[${content}]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><category domain="post_tag" nicename="t-${id}"><![CDATA[T ${id}]]></category><wp:postmeta><wp:meta_key>k</wp:meta_key><wp:meta_value><![CDATA[v${id}]]></wp:meta_value></wp:postmeta><wp:comment><wp:comment_id>${id}0</wp:comment_id><wp:comment_content><![CDATA[Hi]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment></item>`;
const tail = '</channel></rss>';

async function read(chunks: (Buffer | string)[], maxFieldChars?: number, skipBodies = false): Promise<WxrEvent[]> {
  const events: WxrEvent[] = [];
  async function* source() { yield* chunks; }
  for await (const e of readWxr(source(), { ...(maxFieldChars ? { maxFieldChars } : {}), skipBodies })) events.push(e);
  return events;
}

/** Splits bytes at pseudo-random points (a fixed seed), to prove nothing depends on where chunks end. */
function splitRandomly(bytes: Buffer, seed: number): Buffer[] {
  const parts: Buffer[] = [];
  let x = seed;
  for (let i = 0; i < bytes.length;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const size = 1 + (x % 23);
    parts.push(bytes.subarray(i, i + size));
    i += size;
  }
  return parts;
}

describe('readWxr', () => {
  it('yields the site, then items with terms, meta and comments, whatever the chunking', async () => {
    const doc = Buffer.from(head + item(1) + item(2, 'a ]] b & c <![CDATA[ ]]]]><![CDATA[> d') + tail);
    const whole = await read([doc]);
    assert.equal(whole[0]?.type, 'site');
    const items = whole.filter((e) => e.type === 'item');
    assert.equal(items.length, 2);
    const first = items[0]!.item;
    assert.equal(first.title, 'Post 1');
    assert.equal(first.content, '<p>Body 1 &amp; more</p>');
    assert.deepEqual(first.terms, [{ domain: 'post_tag', slug: 't-1', name: 'T 1' }]);
    assert.deepEqual(first.meta, [{ key: 'k', value: 'v1' }]);
    assert.equal(first.comments[0]?.content, 'Hi');
    for (const seed of [1, 2, 3, 4, 5]) assert.deepEqual(await read(splitRandomly(doc, seed)), whole, `seed ${seed}`);
  });

  it('with skipBodies, reads the same but the bodies of posts and comments, whatever the chunking', async () => {
    const doc = Buffer.from(head + item(1) + item(2, 'a ]] b & c <![CDATA[ ]]]]><![CDATA[> d') + item(3, 'x'.repeat(5000)) + tail);
    const whole = await read([doc], 1000);
    const skipped = await read([doc], 1000, true);
    const withoutBodies = (events: WxrEvent[]) => events.map((e) => (e.type === 'item'
      ? { ...e, problems: [], item: { ...e.item, content: '', comments: e.item.comments.map((c) => ({ ...c, content: '' })) } }
      : e));
    const items = skipped.filter((e) => e.type === 'item');
    assert.equal(items.length, 3);
    // WordPress writes a body holding "]]>" as two sections; the second is read (not skipped) and does no harm.
    assert.deepEqual(items.map((e) => e.item.content), ['', '> d', '']);
    assert.equal(items[0]!.item.comments[0]?.content, '');
    assert.deepEqual(items[2]!.problems, [], 'a skipped body is never too large');
    assert.deepEqual(withoutBodies(skipped).map((e) => (e.type === 'item' && e.item.postId === '2' ? { ...e, item: { ...e.item, content: '' } } : e)), withoutBodies(whole));
    for (const seed of [1, 2, 3, 4, 5]) assert.deepEqual(await read(splitRandomly(doc, seed), 1000, true), skipped, `seed ${seed}`);
  });

  it('with skipBodies, still reports a file cut off inside a body', async () => {
    const events = await read([head + item(1) + item(2).slice(0, 200)], undefined, true);
    assert.deepEqual(events.map((e) => e.type), ['site', 'item', 'fatal']);
  });

  it('refuses a DOCTYPE that declares entities (billion laughs) before reading any item', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>${head.replace(/^<\?xml[^>]*>/, '')}${item(1, '&lol2;')}${tail}`;
    const events = await read([bomb]);
    assert.deepEqual(events.map((e) => e.type), ['fatal']);
    assert.match((events[0] as { reason: string }).reason, /entit/);
  });

  it('keeps the items read before a truncation and then reports it', async () => {
    const events = await read([head + item(1) + item(2).slice(0, 150)]);
    assert.deepEqual(events.map((e) => e.type), ['site', 'item', 'fatal']);
  });

  it('repairs raw ampersands outside CDATA', async () => {
    const events = await read([`${head}<item><title>A & B</title><wp:post_id>1</wp:post_id></item>${tail}`]);
    assert.equal(events.find((e) => e.type === 'item')?.type === 'item' && (events.find((e) => e.type === 'item') as { item: { title: string } }).item.title, 'A & B');
  });

  it('reports invalid UTF-8 and oversized fields on the item they belong to', async () => {
    const bad = Buffer.concat([Buffer.from(head + item(1).replace('Body 1', 'Body \u0001')), Buffer.from(item(2).split('Body 2')[0]!), Buffer.from([0xc3, 0x28]), Buffer.from(item(2).split('Body 2')[1]!), Buffer.from(`${item(3, 'x'.repeat(5000))}${item(4)}${tail}`)]);
    const events = (await read([bad], 1000)).filter((e) => e.type === 'item');
    assert.equal(events.length, 4);
    assert.deepEqual(events[0]!.problems, []);
    assert.match(events[1]!.problems.join(), /not valid/);
    assert.match(events[2]!.problems.join(), /content:encoded.*larger/);
    assert.ok(events[2]!.item.content.length <= 1000);
    assert.deepEqual(events[3]!.problems, []);
  });

  it('says when XML is not a WordPress export', async () => {
    const events = await read(['<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>']);
    assert.deepEqual(events.map((e) => e.type), ['fatal']);
  });
});
