import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lexicalToHtml } from './lexical-to-html.js';

const doc = (children: unknown[]) => JSON.stringify({ root: { type: 'root', children } });
const text = (t: string, format = 0) => ({ type: 'text', text: t, format });

test('paragraphs, headings, lists, quotes and links render with formatting', () => {
  const { html, unknown } = lexicalToHtml(doc([
    { type: 'heading', tag: 'h2', children: [text('Talks')] },
    { type: 'paragraph', children: [text('Bold', 1), text(' and '), text('italic', 2), { type: 'linebreak' }, { type: 'link', url: 'https://example.org/', children: [text('a link')] }] },
    { type: 'list', listType: 'number', children: [{ type: 'listitem', children: [text('one')] }, { type: 'listitem', children: [text('two')] }] },
    { type: 'quote', children: [text('Quoted')] },
  ]));
  assert.equal(html, '<h2>Talks</h2><p><strong>Bold</strong> and <em>italic</em><br><a href="https://example.org/">a link</a></p><ol><li>one</li><li>two</li></ol><blockquote><p>Quoted</p></blockquote>');
  assert.deepEqual(unknown, []);
});

test('text is escaped and an image card becomes a figure with its caption', () => {
  const { html } = lexicalToHtml(doc([
    { type: 'paragraph', children: [text('<script>alert(1)</script> & "x"')] },
    { type: 'image', src: 'https://example.com/a.jpg', alt: 'A "cat"', caption: 'Photo: <b>Agency</b>' },
  ]));
  assert.match(html, /^<p>&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;x&quot;<\/p>/);
  assert.match(html, /<figure><img src="https:\/\/example.com\/a.jpg" alt="A &quot;cat&quot;"><figcaption>Photo: <b>Agency<\/b><\/figcaption><\/figure>/);
});

test('unknown cards are reported, and unknown containers keep their text', () => {
  const { html, unknown } = lexicalToHtml(doc([{ type: 'product', productTitle: 'x' }, { type: 'mystery-box', children: [text('kept')] }]));
  assert.equal(html, 'kept');
  assert.deepEqual(unknown.sort(), ['mystery-box', 'product']);
});

test('a document without a root is refused', () => {
  assert.throws(() => lexicalToHtml('{"foo":1}'), /no "root"/);
});
