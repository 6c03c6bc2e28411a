// Every real-world feed sample in ../shared/corpus/feeds/ (see its README.md) either parses into
// well-formed items or is refused with a FeedParseError, never any other exception; then the
// facts the README states about particular files.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FeedParseError, parseFeed, type ParsedFeed, type ParseFeedOptions } from '../../src/ingest/feeds/parse-feed.js';

const corpusDir = fileURLToPath(new URL('../../../shared/corpus/feeds/', import.meta.url));
const missing = existsSync(corpusDir) ? false : `feed corpus not found at ${corpusDir}; it lives in the shared directory next to the repository`;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

const files = missing ? [] : walk(corpusDir).filter((file) => path.basename(file) !== 'README.md');

function read(relative: string, options?: ParseFeedOptions): ParsedFeed {
  return parseFeed(readFileSync(path.join(corpusDir, relative)), options);
}

function refusal(relative: string): FeedParseError {
  try {
    read(relative);
  } catch (error) {
    assert.ok(error instanceof FeedParseError, `${relative}: expected a FeedParseError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${relative} should have been refused`);
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function assertAbsolute(url: string | null, what: string): void {
  if (url === null) return;
  assert.ok(/^(https?):\/\//.test(url) && new URL(url).href === url, `${what} is not an absolute http(s) URL: ${url}`);
}

function assertDate(date: string | null, what: string): void {
  if (date === null) return;
  assert.match(date, ISO_UTC, `${what} is not ISO 8601 UTC`);
  assert.equal(new Date(date).toISOString(), date, `${what} is not a real date`);
}

function assertWellFormed(feed: ParsedFeed, name: string): void {
  assertAbsolute(feed.siteUrl, `${name} siteUrl`);
  assertAbsolute(feed.feedUrl, `${name} feedUrl`);
  for (const problem of feed.problems) assert.ok(problem.message.trim(), `${name}: a problem without a message`);
  feed.items.forEach((item, i) => {
    const where = `${name} item ${i}`;
    assert.ok(item.title || item.summary || item.contentHtml, `${where} has no title, summary or content`);
    assertAbsolute(item.url, `${where} url`);
    assertAbsolute(item.image, `${where} image`);
    assertAbsolute(item.source?.url ?? null, `${where} source url`);
    assertDate(item.published, `${where} published`);
    assertDate(item.updated, `${where} updated`);
    assert.ok(!/<script|\son\w+=|javascript:/i.test(item.contentHtml ?? ''), `${where} content is not sanitised`);
    for (const text of [item.title, item.summary]) assert.ok(!text?.includes('\uFFFD'), `${where} has undecodable characters`);
    if (item.hasFullContent) assert.ok(item.contentHtml);
  });
}

describe('feed corpus: every file parses or is refused cleanly', { skip: missing }, () => {
  const tally = { parsed: 0, refused: 0, items: 0 };
  after(() => console.log(`feed corpus: ${files.length} files, ${tally.parsed} parsed (${tally.items} items), ${tally.refused} refused`));

  for (const file of files) {
    const name = path.relative(corpusDir, file);
    test(name, () => {
      let feed: ParsedFeed;
      try {
        feed = parseFeed(readFileSync(file));
      } catch (error) {
        assert.ok(error instanceof FeedParseError, `${name}: threw ${String(error)}, not a FeedParseError`);
        assert.ok(error.message.trim().length > 0);
        tally.refused++;
        return;
      }
      assertWellFormed(feed, name);
      tally.parsed++;
      tally.items += feed.items.length;
    });
  }
});

describe('feed corpus: facts from the README', { skip: missing }, () => {
  test('formats are detected from content, not the file extension', () => {
    assert.equal(read('rsparser/DaringFireball.rss').format, 'atom-1.0');
    assert.equal(read('rsparser/DaringFireball.atom').format, 'atom-1.0');
    assert.equal(read('rsparser/allthis.atom').format, 'rss-2.0');
    assert.equal(read('rss-parser/reddit-atom.rss').format, 'rss-2.0');
    assert.equal(read('rsparser/bio.rdf').format, 'rss-1.0');
    assert.equal(read('rss-parser/craigslist.rss').format, 'rss-1.0');
    assert.equal(read('rss-parser/rss-1.rss').format, 'rss-1.0');
    assert.equal(read('rss-parser/heraldsun.rss').format, 'rss-0.9x');
    assert.equal(read('rsparser/ScriptingNews.json').format, 'rss-in-json');
    assert.equal(read('rsparser/pxlnv.json').format, 'json-feed-1.0');
    assert.equal(read('rsparser/jsonfeed-extension.json').format, 'json-feed-1.1');
    assert.equal(read('gofeed/json11_full.json').format, 'json-feed-1.1');
  });

  test('item counts', () => {
    assert.equal(read('rss-parser/guardian.rss').items.length, 55);
    assert.equal(read('rsparser/DaringFireball.json').items.length, 48);
    assert.equal(read('rsparser/DaringFireball.atom').items.length, 48);
  });

  test('the same site in several formats gives the same stories', () => {
    const atom = read('rsparser/DaringFireball.atom').items;
    const json = read('rsparser/DaringFireball.json').items;
    assert.deepEqual(atom.map((i) => i.title), json.map((i) => i.title));
    assert.deepEqual(atom.map((i) => i.published), json.map((i) => i.published));
    const rss = read('rsparser/scriptingNews.rss').items;
    const rssInJson = read('rsparser/ScriptingNews.json').items;
    assert.deepEqual(rss.map((i) => i.guid), rssInJson.map((i) => i.guid));
    assert.deepEqual(read('rsparser/allthis.atom').items.map((i) => i.url), read('rsparser/allthis.json').items.map((i) => i.url));
  });

  test('declared and undeclared encodings decode to the right characters', () => {
    const chinese = read('rsparser/kc0011.rss');
    assert.match(chinese.title ?? '', /流通纪念币/);
    assert.ok(chinese.items.some((i) => i.title?.includes('建国35周年纪念')));
    const latin1 = read('rss-parser/uolNoticias.rss');
    assert.ok(latin1.items.some((i) => i.title?.includes('simulações de 2º turno')));
    assert.ok(latin1.problems.some((p) => p.item === null && /detected/.test(p.message)));
    assert.equal(read('rss-parser/encoding.rss').title, 'Jornal de Notícias - Últimas Notícias');
    assert.match(read('node-feedparser/iconv.xml').title ?? '', /^Новости Оренбурга/);
    assert.match(read('rsparser/aktuality.rss').title ?? '', /aktuálne/);
    assert.match(read('rss-parser/heise.atom').items.map((i) => i.summary).join(' '), /für/);
    assert.equal(read('gofeed/rss_feed_bom.xml').title, 'Feed Title');
    assert.equal(read('gofeed/rss_feed_leading_spaces.xml').title, 'Feed Title');
  });

  test('saxerror.xml keeps its good items around the broken one', () => {
    const feed = read('node-feedparser/saxerror.xml');
    const titles = feed.items.map((i) => i.title);
    assert.ok(titles.includes('Good Item') && titles.includes('Item After Error'));
    assert.ok(feed.problems.some((p) => /line 15/.test(p.message)));
  });

  test('gzip bytes with illegal characters inside are decompressed, cleaned and read', () => {
    const feed = read('node-feedparser/invalid-characters-gzipped.xml');
    assert.equal(feed.format, 'rss-2.0');
    assert.ok(feed.items.length > 0);
  });

  test('pages and documents that are not feeds are refused as such', () => {
    assert.equal(refusal('rss-parser/unrecognized.rss').code, 'not-a-feed');
    assert.equal(refusal('node-feedparser/notafeed.html').code, 'not-a-feed');
    assert.equal(refusal('gofeed/unknown_feed.xml').code, 'not-a-feed');
    assert.equal(refusal('gofeed/empty_feed.xml').code, 'empty');
    assert.equal(refusal('gofeed/invalid.json').code, 'malformed');
  });

  test('a JSON Feed cut off mid-document keeps only complete items, and says so', () => {
    const partial = read('rsparser/allthis-partial.json');
    const whole = read('rsparser/allthis.json');
    assert.ok(partial.items.length < whole.items.length);
    assert.deepEqual(partial.items.map((i) => i.url), whole.items.slice(0, partial.items.length).map((i) => i.url));
    assert.ok(partial.problems.some((p) => /cut off/.test(p.message)));
  });

  test('relative links resolve against the URL the feed was fetched from', () => {
    const feed = read('node-feedparser/rss-with-relative-urls.xml', { url: 'https://www.arcgames.com/en/games/neverwinter/news/rss' });
    assert.equal(feed.siteUrl, 'https://www.arcgames.com/en/games/neverwinter/news');
    assert.ok(feed.items.every((i) => i.url?.startsWith('https://www.arcgames.com/en/games/neverwinter/news/detail/')));
    assert.deepEqual(feed.problems, []);
  });

  test('Atom XHTML content: XHTML kept, elements of a foreign namespace reduced to text', () => {
    const html = read('node-feedparser/unknown-namespace.atom').items[0]?.contentHtml ?? '';
    assert.match(html, /<li>This is an XHTML list item/);
    assert.doesNotMatch(html, /<li>This is not an XHTML list item/);
    assert.ok(read('node-feedparser/intertwingly.atom').items.some((i) => i.contentHtml?.includes('<pre>')));
  });

  test('an item nested inside another is ignored; FeedBurner\'s original link wins over its tracking link', () => {
    const feed = read('node-feedparser/illegally-nested.xml');
    assert.equal(feed.items.length, 10);
    assert.ok(feed.items.every((i) => i.url?.startsWith('http://www.pcmag.com/')));
  });

  test('entries without title, summary or content are skipped and reported', () => {
    for (const file of ['rss-parser/incomplete-fields.atom', 'rss-parser/missing-fields.atom']) {
      const feed = read(file);
      assert.equal(feed.items.length, 0);
      assert.deepEqual(feed.problems.map((p) => p.item), [0]);
    }
  });
});
