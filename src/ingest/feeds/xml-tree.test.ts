import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { baseOf, childOf, childText, decodeXmlText, innerHtml, langOf, NS, parseXmlTree } from './xml-tree.js';

describe('parseXmlTree', () => {
  test('resolves namespaces, including well-known prefixes a feed forgot to declare', () => {
    const root = parseXmlTree('<rss xmlns:m="http://search.yahoo.com/mrss"><channel><dc:creator>Ann</dc:creator><m:thumbnail url="x"/></channel></rss>');
    const channel = childOf(root, [''], 'channel')!;
    assert.equal(childText(channel, [NS.dc], 'creator'), 'Ann');
    assert.equal(childOf(channel, [NS.media], 'thumbnail')?.attrs.get('url'), 'x');
  });

  test('text and CDATA are decoded once and kept in document order; entities in attributes too', () => {
    const root = parseXmlTree('<t a="1&amp;2">x &amp;lt; <![CDATA[<b>&amp;</b>]]> &#233;&#x263A;</t>');
    assert.equal(root.children.join(''), 'x &lt; <b>&amp;</b> é☺');
    assert.equal(root.attrs.get('a'), '1&2');
  });

  test('xml:base chains and xml:lang inherit', () => {
    const root = parseXmlTree('<feed xml:base="https://a.example/x/" xml:lang="de"><entry xml:base="y/"><link/></entry></feed>');
    const link = childOf(childOf(root, [''], 'entry')!, [''], 'link')!;
    assert.equal(baseOf(link, null), 'https://a.example/x/y/');
    assert.equal(langOf(link), 'de');
  });

  test('innerHtml: HTML carried as text stays markup; nested elements are serialised with their text escaped', () => {
    const root = parseXmlTree('<d>&lt;p&gt;a&lt;/p&gt;<div class="c" xmlns:z="urn:z" z:x="1">1 &lt; 2<br/></div></d>');
    assert.equal(innerHtml(root, true), '<p>a</p><div class="c">1 &lt; 2<br></div>');
  });
});

describe('decodeXmlText', () => {
  test('leaves unknown named references alone and removes characters XML forbids', () => {
    assert.equal(decodeXmlText('&nbsp;&amp;amp;&#0;&#xD800;\u0001ok'), '&nbsp;&amp;ok');
  });
});
