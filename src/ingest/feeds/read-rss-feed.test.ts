import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFeed } from './parse-feed.js';

const LONG = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12);

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>The Daily &amp; Weekly</title>
    <link>https://news.example/</link>
    <atom:link rel="self" href="https://news.example/feed.xml" />
    <language>en_GB</language>
    <copyright>© 2024 Example News</copyright>
    <item>
      <title><![CDATA[Tom & Jerry <em>return</em>]]></title>
      <link>/2024/01/tom-and-jerry</link>
      <guid isPermaLink="false">story-1</guid>
      <description>&lt;p&gt;A &lt;b&gt;short&lt;/b&gt; teaser &amp;amp; more.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>${LONG}</p><p><a href="/related">Related</a> <img src="img/cat.jpg" alt="A cat"></p>]]></content:encoded>
      <pubDate>Tue, 02 Jan 2024 09:30:00 +0100</pubDate>
      <author>jo@news.example (Jo Bloggs)</author>
      <dc:creator>Sam Smith</dc:creator>
      <category>Cartoons</category>
      <category>Cartoons</category>
      <enclosure url="https://cdn.news.example/tom.jpg" length="1234" type="image/jpeg" />
      <source url="https://wire.example/rss">The Wire</source>
    </item>
    <item>
      <title>Only a description</title>
      <guid>https://news.example/2024/01/second</guid>
      <description>Plain teaser</description>
      <pubDate>Wed, 03 Jan 24 10:00 EST</pubDate>
      <media:group>
        <media:content url="https://cdn.news.example/small.jpg" medium="image" width="100" />
        <media:content url="https://cdn.news.example/large.jpg" medium="image" width="1200" />
      </media:group>
    </item>
  </channel>
</rss>`;

describe('RSS 2.0', () => {
  const feed = parseFeed(rss2);
  const [first, second] = feed.items;

  test('reads the channel', () => {
    assert.equal(feed.format, 'rss-2.0');
    assert.equal(feed.title, 'The Daily & Weekly');
    assert.equal(feed.siteUrl, 'https://news.example/');
    assert.equal(feed.feedUrl, 'https://news.example/feed.xml');
    assert.equal(feed.language, 'en-GB');
    assert.equal(feed.rights, '© 2024 Example News');
    assert.equal(feed.items.length, 2);
    assert.deepEqual(feed.problems, []);
  });

  test('reads CDATA and entity-encoded HTML as plain text where plain text is wanted', () => {
    assert.equal(first?.title, 'Tom & Jerry return');
    assert.equal(first?.summary, 'A short teaser & more.');
  });

  test('resolves relative links against the feed, without a fetch URL, via the self link', () => {
    assert.equal(first?.url, 'https://news.example/2024/01/tom-and-jerry');
    assert.match(first?.contentHtml ?? '', /<a href="https:\/\/news\.example\/related">Related<\/a>/);
    assert.match(first?.contentHtml ?? '', /<img src="https:\/\/news\.example\/img\/cat\.jpg" alt="A cat" \/>/);
  });

  test('resolves relative links against the URL the feed was fetched from when given', () => {
    const fetched = parseFeed(rss2, { url: 'https://mirror.example/feeds/news.xml' });
    assert.equal(fetched.items[0]?.url, 'https://mirror.example/2024/01/tom-and-jerry');
  });

  test('full content, dates, authors, categories, enclosure image, source', () => {
    assert.equal(first?.hasFullContent, true);
    assert.equal(first?.guid, 'story-1');
    assert.equal(first?.published, '2024-01-02T08:30:00.000Z');
    assert.deepEqual(first?.authors, ['Jo Bloggs', 'Sam Smith']);
    assert.deepEqual(first?.categories, ['Cartoons']);
    assert.equal(first?.image, 'https://cdn.news.example/tom.jpg');
    assert.deepEqual(first?.source, { title: 'The Wire', url: 'https://wire.example/rss' });
    assert.equal(first?.language, 'en-GB');
    assert.equal(first?.rights, '© 2024 Example News');
  });

  test('an item with only a description has no content and is marked for fetching', () => {
    assert.equal(second?.contentHtml, null);
    assert.equal(second?.hasFullContent, false);
    assert.equal(second?.summary, 'Plain teaser');
  });

  test('a permalink guid stands in for a missing link; two-digit years and zone names are read', () => {
    assert.equal(second?.url, 'https://news.example/2024/01/second');
    assert.equal(second?.published, '2024-01-03T15:00:00.000Z');
    assert.equal(second?.image, 'https://cdn.news.example/large.jpg');
  });
});

describe('RSS 1.0 and 0.9x', () => {
  test('RSS 1.0 (RDF): items beside the channel, rdf:about as guid, Dublin Core dates and creators', () => {
    const feed = parseFeed(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://lab.example/"><title>Lab notes</title><link>https://lab.example/</link><dc:language>fr</dc:language></channel>
  <item rdf:about="https://lab.example/n/1">
    <title>Première note</title><link>https://lab.example/n/1</link>
    <description>Résumé</description><dc:date>2019-08-27T10:00:00+02:00</dc:date><dc:creator>Curie, M.</dc:creator><dc:subject>Physique</dc:subject>
  </item>
</rdf:RDF>`);
    assert.equal(feed.format, 'rss-1.0');
    assert.equal(feed.language, 'fr');
    const item = feed.items[0];
    assert.equal(item?.guid, 'https://lab.example/n/1');
    assert.equal(item?.title, 'Première note');
    assert.equal(item?.published, '2019-08-27T08:00:00.000Z');
    assert.deepEqual(item?.authors, ['Curie, M.']);
    assert.deepEqual(item?.categories, ['Physique']);
    assert.equal(item?.language, 'fr');
  });

  test('RSS 0.91 and 0.92 are rss-0.9x', () => {
    const feed = parseFeed('<rss version="0.91"><channel><title>Old</title><item><title>Hi</title><link>http://old.example/1</link></item></channel></rss>');
    assert.equal(feed.format, 'rss-0.9x');
    assert.equal(feed.items[0]?.url, 'http://old.example/1');
  });

  test('an item nested inside another item is ignored; only the channel\'s items count', () => {
    const feed = parseFeed('<rss version="2.0"><channel><item><title>Real</title><item /></item></channel></rss>');
    assert.equal(feed.items.length, 1);
  });
});

describe('links and bases', () => {
  test('xml:base on the channel and the item changes the base of links', () => {
    const feed = parseFeed(`<rss version="2.0"><channel xml:base="https://site.example/blog/"><title>T</title>
      <item xml:base="posts/"><title>A</title><link>a.html</link>
        <description>&lt;a href="../b.html"&gt;b&lt;/a&gt;</description>
        <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;a href="c.html"&gt;c&lt;/a&gt;</content:encoded></item>
    </channel></rss>`);
    const item = feed.items[0];
    assert.equal(item?.url, 'https://site.example/blog/posts/a.html');
    assert.equal(item?.contentHtml, '<a href="https://site.example/blog/posts/c.html">c</a>');
  });

  test('a relative link with no base at all is dropped and reported', () => {
    const feed = parseFeed('<rss version="2.0"><channel><title>T</title><link>/home</link><item><title>A</title><link>/a</link></item></channel></rss>');
    assert.equal(feed.siteUrl, null);
    assert.equal(feed.items[0]?.url, null);
    assert.equal(feed.problems.length, 1);
    assert.equal(feed.problems[0]?.item, 0);
  });

  test('a javascript: item link is never passed on', () => {
    const feed = parseFeed('<rss version="2.0"><channel><title>T</title><item><title>A</title><link>javascript:alert(1)</link></item></channel></rss>', { url: 'https://x.example/feed' });
    assert.equal(feed.items[0]?.url, null);
  });

  test('feedburner:origLink wins over the tracking link', () => {
    const feed = parseFeed(`<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>T</title>
      <item><title>A</title><link>http://feedproxy.google.com/~r/x/1</link><feedburner:origLink>https://real.example/a</feedburner:origLink></item></channel></rss>`);
    assert.equal(feed.items[0]?.url, 'https://real.example/a');
  });
});

describe('entities', () => {
  test('numeric references, the five XML entities and HTML entities in HTML fields are decoded once', () => {
    const feed = parseFeed(`<rss version="2.0"><channel><title>T</title>
      <item><title>Caf&#233; &#x2014; &quot;AT&amp;amp;T&quot; &amp;nbsp;ok</title><description>&lt;p&gt;5 &amp;lt; 6&amp;hellip;&lt;/p&gt;</description></item>
    </channel></rss>`);
    const item = feed.items[0];
    assert.equal(item?.title, 'Café — "AT&T" ok');
    assert.equal(item?.summary, '5 < 6…');
  });
});
