import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderAtomFeed, rfc3339 } from './atom.js';
import type { FeedDocument, FeedEntry } from './feed-document.js';
import { renderJsonFeed } from './json-feed.js';
import { renderRssFeed, rfc822 } from './rss.js';

const own: FeedEntry = {
  id: 'urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  url: 'https://news.example/2026/11/own/',
  title: 'Fish & chips <b>not bold</b> ]]> twice ]]>',
  language: 'en',
  published: '2026-11-25T08:15:00.000Z',
  updated: '2026-11-26T09:00:00.000Z',
  summary: 'Prices < costs & more',
  contentHtml: '<p>Body with <a href="https://news.example/x/">a link</a></p>',
  authors: [{ name: 'Ann Lee', url: 'https://news.example/author/ann-lee/' }, { name: 'Bo Ray', url: 'https://news.example/author/bo-ray/' }],
  categories: [{ term: 'europe', label: 'Europe', scheme: 'https://news.example/region/' }],
  image: { url: 'https://news.example/media/a.jpg', type: 'image/jpeg', alt: 'A photo' },
  rights: 'Copyright © The Review, 2026',
  original: null,
};

const republished: FeedEntry = {
  ...own,
  id: 'urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  url: 'https://news.example/2026/11/republished/',
  title: 'Republished',
  language: 'fr',
  authors: [],
  categories: [],
  image: { url: 'https://cdn.example/i/123', type: null, alt: '' },
  rights: 'Copyright © Wire Service Ltd, 2026',
  original: { publisher: 'Wire & Co', url: 'https://wire.example/story?id=1&x=2', publisherUrl: 'https://wire.example/', licence: 'CC BY 4.0', author: 'Cy Dee', publishedAt: '2026-11-24T14:40:00.000Z' },
};

const doc: FeedDocument = {
  title: 'The Review', description: 'News & analysis', language: 'en', siteName: 'The Review',
  homeUrl: 'https://news.example/', pageUrl: 'https://news.example/',
  selfUrls: { rss: 'https://news.example/rss.xml', atom: 'https://news.example/atom.xml', json: 'https://news.example/feed.json' },
  id: 'https://news.example/', updated: '2026-11-26T09:00:00.000Z', logoUrl: 'https://news.example/logo.png',
  entries: [own, republished],
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', isArray: (name, jpath) => ['item', 'entry', 'author', 'category', 'dc:creator'].includes(name) || String(jpath).startsWith('feed.') && name === 'link' });

describe('dates', () => {
  test('RSS gets RFC 822 dates and Atom/JSON RFC 3339', () => {
    assert.equal(rfc822('2026-11-25T08:15:00.000Z'), 'Wed, 25 Nov 2026 08:15:00 GMT');
    assert.equal(rfc3339('2026-11-25T08:15:00Z'), '2026-11-25T08:15:00.000Z');
  });
});

describe('renderRssFeed', () => {
  const xml = renderRssFeed(doc);
  const channel = parser.parse(xml).rss.channel;

  test('is well-formed RSS 2.0 with the namespaces it uses', () => {
    assert.equal(XMLValidator.validate(xml), true);
    assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<rss version="2\.0" xmlns:atom="http:\/\/www\.w3\.org\/2005\/Atom" xmlns:content="[^"]+" xmlns:dc="[^"]+">/);
  });

  test('describes the channel with a self link and build date', () => {
    assert.equal(channel.title, 'The Review');
    assert.equal(channel.link, 'https://news.example/');
    assert.equal(channel.language, 'en');
    assert.equal(channel.lastBuildDate, 'Thu, 26 Nov 2026 09:00:00 GMT');
    assert.deepEqual(channel['atom:link'], { '@_href': 'https://news.example/rss.xml', '@_rel': 'self', '@_type': 'application/rss+xml' });
    assert.equal(channel.image.url, 'https://news.example/logo.png');
  });

  test('writes items with a non-permalink GUID, RFC 822 date, escaped summary, full content and creators', () => {
    const [item] = channel.item;
    assert.equal(item.title, own.title);
    assert.deepEqual(item.guid, { '@_isPermaLink': 'false', '#text': own.id });
    assert.equal(item.pubDate, 'Wed, 25 Nov 2026 08:15:00 GMT');
    assert.equal(item.description, 'Prices &lt; costs &amp; more');
    assert.equal(item['content:encoded'], own.contentHtml);
    assert.deepEqual(item['dc:creator'], ['Ann Lee', 'Bo Ray']);
    assert.deepEqual(item.category, [{ '@_domain': 'https://news.example/region/', '#text': 'Europe' }]);
    assert.deepEqual(item.enclosure, { '@_url': 'https://news.example/media/a.jpg', '@_length': '0', '@_type': 'image/jpeg' });
    assert.equal(item.source, undefined);
  });

  test('credits a republished item with <source url> and skips an enclosure of unknown type', () => {
    const item = channel.item[1];
    assert.deepEqual(item.source, { '@_url': 'https://wire.example/story?id=1&x=2', '#text': 'Wire & Co' });
    assert.equal(item.enclosure, undefined);
    assert.equal(item['dc:creator'], undefined);
  });

  test('leaves content:encoded out in summary mode', () => {
    const summaryOnly = renderRssFeed({ ...doc, entries: [{ ...own, contentHtml: null }] });
    assert.ok(!summaryOnly.includes('<content:encoded>'));
    assert.ok(summaryOnly.includes('<description>Prices &amp;lt; costs &amp;amp; more</description>'));
  });
});

describe('renderAtomFeed', () => {
  const xml = renderAtomFeed(doc);
  const feed = parser.parse(xml).feed;

  test('is well-formed Atom with xml:base and xml:lang on the feed', () => {
    assert.equal(XMLValidator.validate(xml), true);
    assert.equal(feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(feed['@_xml:base'], 'https://news.example/');
    assert.equal(feed['@_xml:lang'], 'en');
    assert.equal(feed.id, 'https://news.example/');
    assert.equal(feed.updated, '2026-11-26T09:00:00.000Z');
    assert.deepEqual(feed.link.map((l: Record<string, string>) => [l['@_rel'], l['@_href']]), [['alternate', 'https://news.example/'], ['self', 'https://news.example/atom.xml']]);
    assert.equal(feed.author[0].name, 'The Review');
  });

  test('writes entries with id, dates, authors, categories, summary, html content, enclosure and rights', () => {
    const [entry] = feed.entry;
    assert.equal(entry['@_xml:base'], own.url);
    assert.equal(entry['@_xml:lang'], undefined);
    assert.equal(entry.id, own.id);
    assert.equal(entry.title['#text'], own.title);
    assert.equal(entry.published, '2026-11-25T08:15:00.000Z');
    assert.equal(entry.updated, '2026-11-26T09:00:00.000Z');
    assert.deepEqual(entry.author.map((a: { name: string }) => a.name), ['Ann Lee', 'Bo Ray']);
    assert.deepEqual(entry.category, [{ '@_term': 'europe', '@_scheme': 'https://news.example/region/', '@_label': 'Europe' }]);
    assert.deepEqual(entry.summary, { '@_type': 'text', '#text': 'Prices < costs & more' });
    assert.equal(entry.content['@_type'], 'html');
    assert.deepEqual(entry.link[1], { '@_rel': 'enclosure', '@_type': 'image/jpeg', '@_href': own.image!.url, '@_title': 'A photo' });
    assert.equal(entry.rights['#text'], own.rights);
    assert.equal(entry.source, undefined);
  });

  test('credits a republished entry with <source> and <rights>, and marks its language', () => {
    const entry = feed.entry[1];
    assert.equal(entry['@_xml:lang'], 'fr');
    assert.deepEqual(entry.source.title, { '@_type': 'text', '#text': 'Wire & Co' });
    assert.deepEqual(entry.source.link, [{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'https://wire.example/story?id=1&x=2' }]);
    assert.equal(entry.rights['#text'], 'Copyright © Wire Service Ltd, 2026');
    assert.deepEqual(entry.link[1], { '@_rel': 'enclosure', '@_href': 'https://cdn.example/i/123' }, 'an image of unknown type is still linked');
    assert.equal(entry.author, undefined, 'the feed-level author applies');
  });
});

describe('renderJsonFeed', () => {
  const json = JSON.parse(renderJsonFeed(doc));

  test('is JSON Feed 1.1 with feed-level links, language and authors', () => {
    assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(json.feed_url, 'https://news.example/feed.json');
    assert.equal(json.home_page_url, 'https://news.example/');
    assert.equal(json.language, 'en');
    assert.deepEqual(json.authors, [{ name: 'The Review', url: 'https://news.example/' }]);
  });

  test('writes items with id, RFC 3339 dates, authors, image and content', () => {
    const [item] = json.items;
    assert.equal(item.id, own.id);
    assert.equal(item.title, own.title);
    assert.equal(item.content_html, own.contentHtml);
    assert.equal(item.date_published, '2026-11-25T08:15:00.000Z');
    assert.equal(item.date_modified, '2026-11-26T09:00:00.000Z');
    assert.deepEqual(item.authors, own.authors);
    assert.equal(item.image, own.image!.url);
    assert.deepEqual(item.tags, ['Europe']);
    assert.equal(item.external_url, undefined);
    assert.deepEqual(item._dateline, { copyright: own.rights });
  });

  test('points a republished item at its original and keeps the attribution in an extension', () => {
    const item = json.items[1];
    assert.equal(item.external_url, 'https://wire.example/story?id=1&x=2');
    assert.deepEqual(item._dateline, {
      copyright: 'Copyright © Wire Service Ltd, 2026', original_publisher: 'Wire & Co', original_url: 'https://wire.example/story?id=1&x=2',
      original_author: 'Cy Dee', original_date_published: '2026-11-24T14:40:00.000Z', licence: 'CC BY 4.0',
    });
  });

  test('in summary mode carries the summary as content_text', () => {
    const [item] = JSON.parse(renderJsonFeed({ ...doc, entries: [{ ...own, contentHtml: null }] })).items;
    assert.equal(item.content_html, undefined);
    assert.equal(item.content_text, own.summary);
  });

  test('escapes U+2028 and U+2029', () => {
    const text = renderJsonFeed({ ...doc, title: 'a\u2028b\u2029c' });
    assert.ok(text.includes('a\\u2028b\\u2029c'));
    assert.equal(JSON.parse(text).title, 'a\u2028b\u2029c');
  });
});
