import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { FeedParseError, MAX_FEED_BYTES, parseFeed, type FeedParseErrorCode } from './parse-feed.js';

function refused(body: Buffer | string, code: FeedParseErrorCode): FeedParseError {
  let caught: unknown;
  try {
    parseFeed(body);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof FeedParseError, `expected FeedParseError(${code}), got ${String(caught)}`);
  assert.equal(caught.code, code);
  assert.ok(caught.message.length > 20);
  return caught;
}

const item = (n: number) => `<item><title>Item ${n}</title><link>https://x.example/${n}</link></item>`;
const rss = (items: string) => `<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>T</title>\n${items}\n</channel>\n</rss>`;

describe('format detection from content', () => {
  test('the Content-Type is not trusted for the format', () => {
    const feed = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a</title></entry></feed>', { contentType: 'application/rss+xml' });
    assert.equal(feed.format, 'atom-1.0');
  });

  test('a byte-order mark, leading whitespace, comments and processing instructions before the root are fine', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\n  <!-- hi --><?xml-stylesheet href="x.xsl"?>\n<rss version="2.0"><channel><title>T</title></channel></rss>')]);
    assert.equal(parseFeed(body).title, 'T');
  });

  test('empty documents', () => {
    refused(Buffer.alloc(0), 'empty');
    refused(' \n\t ', 'empty');
  });

  test('an HTML page is not a feed, and the message says so', () => {
    const error = refused('<!DOCTYPE html>\n<html><head><title>Moved</title></head><body><p>gone</body></html>', 'not-a-feed');
    assert.match(error.message, /HTML page \("Moved"\)/);
    refused('<head><title>Document Moved</title></head>\n<body><h1>Object Moved</h1></body>', 'not-a-feed');
  });

  test('well-formed XML that is not a feed, JSON that is not a feed, and neither', () => {
    refused('<note><to>Tove</to></note>', 'not-a-feed');
    refused('{"hello": "world"}', 'not-a-feed');
    refused('%PDF-1.4 binary', 'not-a-feed');
  });
});

describe('hostile input', () => {
  test('billion laughs: DOCTYPE entities are never expanded', () => {
    const lols = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const body = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${lols}\n]>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>laugh &lol9;</title></item></channel></rss>`;
    const started = performance.now();
    const feed = parseFeed(body);
    assert.ok(performance.now() - started < 1000);
    assert.ok((feed.items[0]?.title ?? '').length < 40, feed.items[0]?.title ?? '');
    assert.ok(!JSON.stringify(feed).includes('lollol'));
  });

  test('a large internal entity used many times is not expanded either', () => {
    const body = `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(50_000)}">]><rss version="2.0"><channel><title>t</title><item><title>${'&big;'.repeat(2000)}</title></item></channel></rss>`;
    assert.ok(JSON.stringify(parseFeed(body)).length < 50_000);
  });

  test('external entities are not resolved', () => {
    const body = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title><item><title>a &xxe; b</title></item></channel></rss>';
    assert.ok(!JSON.stringify(parseFeed(body)).includes('root:'));
  });

  test('documents over the size cap are refused before parsing, gzip bombs too', () => {
    refused(Buffer.alloc(MAX_FEED_BYTES + 1, 0x20), 'too-large');
    refused(gzipSync(Buffer.alloc(MAX_FEED_BYTES + 1024, 0x20)), 'too-large');
  });

  test('gzip-compressed bytes are decompressed and the fact reported', () => {
    const feed = parseFeed(gzipSync(rss(item(1))));
    assert.equal(feed.items.length, 1);
    assert.equal(feed.problems.length, 1);
  });
});

describe('malformed XML', () => {
  test('a bare & is escaped, every item kept, the repair reported with its line', () => {
    const feed = parseFeed(rss(`${item(1)}\n<item><title>Bad</title><link>https://x.example/?a=1&b=2</link></item>\n${item(3)}`));
    assert.deepEqual(feed.items.map((i) => i.title), ['Item 1', 'Bad', 'Item 3']);
    assert.equal(feed.items[1]?.url, 'https://x.example/?a=1&b=2');
    assert.match(feed.problems[0]?.message ?? '', /line 6/);
  });

  test('control characters are removed', () => {
    const feed = parseFeed(rss('<item><title>bell\u0007 ring</title></item>'));
    assert.equal(feed.items[0]?.title, 'bell ring');
  });

  test('an item broken beyond repair is dropped, the good ones before and after kept', () => {
    const feed = parseFeed(rss(`${item(1)}\n<item><title>Broken <b>bold</title></item>\n${item(3)}`));
    assert.deepEqual(feed.items.map((i) => i.title), ['Item 1', 'Item 3']);
    assert.ok(feed.problems.some((p) => p.item === 1 && /Broken/.test(p.message) && /line 6/.test(p.message)));
  });

  test('a document broken outside its items is refused, naming the line', () => {
    const error = refused('<rss version="2.0">\n<channel>\n<title>T</titel>\n<item><title>a</title></item>\n</channel></rss>', 'malformed');
    assert.match(error.message, /line 3/);
  });
});

describe('malformed JSON', () => {
  const full = { version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [1, 2, 3].map((n) => ({ id: `${n}`, title: `Item ${n}`, content_text: 'body' })) };

  test('a JSON Feed cut off mid-item keeps the complete items and reports the cut', () => {
    const text = JSON.stringify(full);
    const feed = parseFeed(text.slice(0, text.indexOf('"Item 3"')));
    assert.deepEqual(feed.items.map((i) => i.title), ['Item 1', 'Item 2']);
    assert.match(feed.problems.map((p) => p.message).join(' '), /cut off/);
  });

  test('raw control characters inside strings are escaped', () => {
    const feed = parseFeed(JSON.stringify(full).replace('"body"', '"bo\ndy"'));
    assert.equal(feed.items.length, 3);
  });

  test('JSON cut off before any item is refused, naming the position', () => {
    const error = refused('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": "J', 'malformed');
    assert.match(error.message, /JSON/);
  });
});

describe('per-item problems', () => {
  test('an unreadable date costs the field, not the item', () => {
    const feed = parseFeed(rss('<item><title>A</title><pubDate>the other day</pubDate></item>'));
    assert.equal(feed.items.length, 1);
    assert.equal(feed.items[0]?.published, null);
    assert.deepEqual(feed.problems.map((p) => p.item), [0]);
  });
});
