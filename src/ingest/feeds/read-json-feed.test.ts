import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFeed } from './parse-feed.js';

const LONG = 'All the news that fits, and then some more words to pass the threshold. '.repeat(8);

const jsonFeed11 = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Wire',
  home_page_url: 'https://wire.example/',
  feed_url: 'https://wire.example/feed.json',
  language: 'de-DE',
  authors: [{ name: 'Desk' }],
  author: { name: 'Legacy Desk' },
  items: [
    {
      id: 1,
      url: '/stories/1',
      title: 'First',
      content_html: `<p>${LONG}</p><p><a href="javascript:alert(1)">click</a><img src="/a.jpg" onerror="alert(1)"></p>`,
      summary: 'Summary one',
      date_published: '2024-02-01T08:00:00+01:00',
      date_modified: '2024-02-01T09:00:00Z',
      authors: [{ name: 'Ann' }, { name: 'Ben' }],
      tags: ['politics', 42, 'politics'],
      image: 'https://wire.example/1.jpg',
      language: 'en',
    },
    { id: 'two', title: 'Second', content_text: 'Line & one\n\nLine <two>', author: { name: 'Only Legacy' } },
    { id: 'three', title: 'Third', summary: 'Just a teaser', attachments: [{ url: 'https://wire.example/a.mp3', mime_type: 'audio/mpeg' }, { url: 'https://wire.example/p.png', mime_type: 'image/png' }] },
    'not an item',
    { id: 'five', title: 17, content_html: '' },
  ],
};

describe('JSON Feed', () => {
  const feed = parseFeed(JSON.stringify(jsonFeed11));
  const [first, second, third] = feed.items;

  test('reads the feed', () => {
    assert.equal(feed.format, 'json-feed-1.1');
    assert.equal(feed.title, 'Wire');
    assert.equal(feed.siteUrl, 'https://wire.example/');
    assert.equal(feed.feedUrl, 'https://wire.example/feed.json');
    assert.equal(feed.language, 'de-DE');
    assert.equal(feed.items.length, 3);
  });

  test('items: ids as strings, URLs resolved, content sanitised, dates, 1.1 authors, tags', () => {
    assert.equal(first?.guid, '1');
    assert.equal(first?.url, 'https://wire.example/stories/1');
    assert.ok(first?.contentHtml?.includes('<p>click<img src="https://wire.example/a.jpg" /></p>'));
    assert.ok(!first?.contentHtml?.includes('javascript'));
    assert.ok(!first?.contentHtml?.includes('onerror'));
    assert.equal(first?.hasFullContent, true);
    assert.equal(first?.published, '2024-02-01T07:00:00.000Z');
    assert.equal(first?.updated, '2024-02-01T09:00:00.000Z');
    assert.deepEqual(first?.authors, ['Ann', 'Ben']);
    assert.deepEqual(first?.categories, ['politics']);
    assert.equal(first?.language, 'en');
    assert.equal(first?.image, 'https://wire.example/1.jpg');
  });

  test('content_text becomes escaped paragraphs; the 1.0 author is read when there is no authors array', () => {
    assert.equal(second?.contentHtml, '<p>Line &amp; one</p>\n<p>Line &lt;two&gt;</p>');
    assert.deepEqual(second?.authors, ['Only Legacy']);
    assert.equal(second?.language, 'de-DE');
  });

  test('an item without authors has the feed\'s (1.1 authors over 1.0 author); an image attachment is the image', () => {
    assert.deepEqual(third?.authors, ['Desk']);
    assert.equal(third?.image, 'https://wire.example/p.png');
    assert.equal(third?.contentHtml, null);
    assert.equal(third?.hasFullContent, false);
  });

  test('a non-object item and an item with nothing readable are reported, the rest kept', () => {
    assert.deepEqual(feed.problems.map((p) => p.item), [3, 4]);
  });

  test('JSON Feed 1.0, with the http:// version URL', () => {
    const old = parseFeed(JSON.stringify({ version: 'http://jsonfeed.org/version/1', title: 'Old', items: [{ id: 'a', url: 'https://o.example/a', content_text: 'x' }] }));
    assert.equal(old.format, 'json-feed-1.0');
    assert.equal(old.items[0]?.contentHtml, '<p>x</p>');
  });
});

describe('RSS in JSON', () => {
  test('Dave Winer\'s {"rss": {"channel": …}} shape is read like RSS', () => {
    const feed = parseFeed(JSON.stringify({
      rss: {
        version: '2.0',
        'xmlns:source': 'http://source.scripting.com/',
        channel: {
          title: 'Scripting',
          link: 'http://scripting.example/',
          language: 'en-us',
          copyright: '&copy; 2017 <a href="http://dave.example/">Dave</a>.',
          item: [
            { link: 'http://scripting.example/1', description: 'Good <b>morning</b>!', pubDate: 'Mon, 26 Jun 2017 12:20:05 GMT', guid: 'http://scripting.example/1', 'source:outline': { text: 'x' } },
            { title: 'Titled', guid: { isPermaLink: 'false', '#value': 'g-2' }, category: ['a', 'b'], enclosure: { url: 'http://scripting.example/p.jpg', type: 'image/jpeg', length: 10 } },
          ],
        },
      },
    }));
    assert.equal(feed.format, 'rss-in-json');
    assert.equal(feed.title, 'Scripting');
    assert.equal(feed.rights, '© 2017 Dave.');
    const [first, second] = feed.items;
    assert.equal(first?.title, null);
    assert.equal(first?.summary, 'Good morning!');
    assert.equal(first?.url, 'http://scripting.example/1');
    assert.equal(first?.published, '2017-06-26T12:20:05.000Z');
    assert.equal(second?.guid, 'g-2');
    assert.equal(second?.url, null);
    assert.deepEqual(second?.categories, ['a', 'b']);
    assert.equal(second?.image, 'http://scripting.example/p.jpg');
  });
});
