import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFeed } from './parse-feed.js';

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-US" xml:base="https://blog.example/">
  <title type="html">Notes &amp;amp; &lt;em&gt;queries&lt;/em&gt;</title>
  <link rel="self" href="/feed.atom" />
  <link rel="alternate" type="text/html" href="/" />
  <rights>CC BY 4.0</rights>
  <author><name>Feed Author</name></author>
  <id>urn:uuid:feed</id>
  <updated>2024-03-01T12:00:00Z</updated>
  <entry xml:base="/2024/03/">
    <title>XHTML entry</title>
    <id>tag:blog.example,2024:1</id>
    <link href="first.html" />
    <link rel="enclosure" type="image/png" href="pic.png" />
    <published>2024-03-01T10:00:00+01:00</published>
    <updated>2024-03-02T10:00:00Z</updated>
    <author><name>Ada</name></author>
    <author><name>Grace</name></author>
    <category term="tech" label="Technology" />
    <category term="misc" />
    <summary>Short &lt;not markup&gt;</summary>
    <content type="xhtml" xml:base="https://cdn.example/assets/">
      <div xmlns="http://www.w3.org/1999/xhtml"><p>See <a href="img.html">this</a> &amp; <strong>that</strong>.</p><script>alert(1)</script></div>
    </content>
  </entry>
  <entry>
    <title type="html">&lt;b&gt;HTML&lt;/b&gt; entry</title>
    <id>tag:blog.example,2024:2</id>
    <link rel="alternate" href="https://blog.example/second" />
    <updated>2024-03-03T00:00:00Z</updated>
    <content type="html"><![CDATA[<p>Hello <img src="x.png" onerror="alert(1)"></p>]]></content>
    <source><title>Origin Blog</title><link rel="alternate" href="https://origin.example/" /><author><name>Source Author</name></author></source>
    <rights>All rights reserved</rights>
    <media:thumbnail url="https://blog.example/thumb.jpg" />
  </entry>
  <entry>
    <title>Plain text content</title>
    <id>tag:blog.example,2024:3</id>
    <content type="text">Line one &amp; more
second line

Second paragraph &lt;b&gt;</content>
  </entry>
</feed>`;

describe('Atom 1.0', () => {
  const feed = parseFeed(atom);
  const [xhtml, html, text] = feed.items;

  test('reads the feed, resolving its links through xml:base', () => {
    assert.equal(feed.format, 'atom-1.0');
    assert.equal(feed.title, 'Notes & queries');
    assert.equal(feed.siteUrl, 'https://blog.example/');
    assert.equal(feed.feedUrl, 'https://blog.example/feed.atom');
    assert.equal(feed.language, 'en-US');
    assert.equal(feed.rights, 'CC BY 4.0');
    assert.deepEqual(feed.problems, []);
  });

  test('xhtml content: the wrapping div is dropped, markup kept, script removed, links resolved against the content xml:base', () => {
    assert.equal(xhtml?.contentHtml, '<p>See <a href="https://cdn.example/assets/img.html">this</a> &amp; <strong>that</strong>.</p>');
    assert.equal(xhtml?.url, 'https://blog.example/2024/03/first.html');
    assert.equal(xhtml?.image, 'https://blog.example/2024/03/pic.png');
    assert.equal(xhtml?.summary, 'Short <not markup>');
  });

  test('dates, authors, categories and inherited language and rights', () => {
    assert.equal(xhtml?.published, '2024-03-01T09:00:00.000Z');
    assert.equal(xhtml?.updated, '2024-03-02T10:00:00.000Z');
    assert.deepEqual(xhtml?.authors, ['Ada', 'Grace']);
    assert.deepEqual(xhtml?.categories, ['Technology', 'misc']);
    assert.equal(xhtml?.language, 'en-US');
    assert.equal(xhtml?.rights, 'CC BY 4.0');
    assert.equal(xhtml?.guid, 'tag:blog.example,2024:1');
  });

  test('html content and title; source with its authors; media thumbnail', () => {
    assert.equal(html?.title, 'HTML entry');
    assert.equal(html?.contentHtml, '<p>Hello <img src="https://blog.example/x.png" /></p>');
    assert.equal(html?.published, null);
    assert.deepEqual(html?.source, { title: 'Origin Blog', url: 'https://origin.example/' });
    assert.deepEqual(html?.authors, ['Source Author']);
    assert.equal(html?.rights, 'All rights reserved');
    assert.equal(html?.image, 'https://blog.example/thumb.jpg');
    assert.equal(html?.hasFullContent, false);
  });

  test('text content becomes escaped paragraphs; an entry without authors has the feed\'s', () => {
    assert.equal(text?.contentHtml, '<p>Line one &amp; more<br />second line</p>\n<p>Second paragraph &lt;b&gt;</p>');
    assert.deepEqual(text?.authors, ['Feed Author']);
    assert.equal(text?.url, null);
  });
});

describe('Atom edge cases', () => {
  test('elements of a foreign namespace inside xhtml content keep only their text', () => {
    const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:h="http://www.w3.org/1999/xhtml"><entry><title>t</title>
      <content type="xhtml"><h:div xmlns="urn:fooml"><h:ul><h:li>real</h:li></h:ul><ul><li>fake</li></ul></h:div></content></entry></feed>`);
    assert.equal(feed.items[0]?.contentHtml, '<ul><li>real</li></ul>fake');
  });

  test('out-of-line content (src) is not content', () => {
    const feed = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><content src="https://x.example/a.pdf" type="application/pdf" /></entry></feed>');
    assert.equal(feed.items[0]?.contentHtml, null);
  });

  test('entries with nothing to show are skipped and reported', () => {
    const feed = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id></entry><entry><title>kept</title></entry></feed>');
    assert.equal(feed.items.length, 1);
    assert.deepEqual(feed.problems.map((p) => p.item), [0]);
  });

  test('Atom 0.3 is read, with its issued/modified dates and escaped content, and reported', () => {
    const feed = parseFeed(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><entry><title>e</title>
      <issued>2004-05-01T10:00:00Z</issued><modified>2004-05-02T10:00:00Z</modified>
      <content type="text/html" mode="escaped">&lt;p&gt;hi&lt;/p&gt;</content></entry></feed>`);
    assert.equal(feed.format, 'atom-1.0');
    assert.equal(feed.items[0]?.published, '2004-05-01T10:00:00.000Z');
    assert.equal(feed.items[0]?.updated, '2004-05-02T10:00:00.000Z');
    assert.equal(feed.items[0]?.contentHtml, '<p>hi</p>');
    assert.equal(feed.problems.length, 1);
  });
});
