import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeCut, XmlTextGuard } from './xml-text-guard.js';

const doc = [
  '<rss><channel><item><title>AT&T &amp; Co &CounterClockwiseContourIntegral; &#x263A;</title>',
  '<dc:creator><![CDATA[ann]]></dc:creator>',
  '<content:encoded><![CDATA[<p>Fish & chips ]] not the end ]]]]><![CDATA[> still the body</p>]]></content:encoded>',
  '<excerpt:encoded><![CDATA[Short & sweet]]></excerpt:encoded>',
  '<wp:comment><wp:comment_content><![CDATA[Reply & more]]></wp:comment_content></wp:comment>',
  '<wp:postmeta><wp:meta_value><![CDATA[a:1:{s:3:"url";}]]></wp:meta_value></wp:postmeta>',
  '</item></channel></rss>',
].join('\n');

function through(guard: XmlTextGuard, text: string, size: number): string {
  let out = '';
  for (let i = 0; i < text.length; i += size) out += guard.push(text.slice(i, i + size));
  return out + guard.end();
}

describe('XmlTextGuard', () => {
  it('writes the same whatever the size of the chunks it is given', () => {
    for (const skipBodies of [false, true]) {
      const whole = through(new XmlTextGuard(10_000, { skipBodies }), doc, doc.length);
      for (let size = 1; size <= 90; size++) assert.equal(through(new XmlTextGuard(10_000, { skipBodies }), doc, size), whole, `chunks of ${size}, skipBodies ${skipBodies}`);
    }
  });

  it('repairs raw ampersands outside CDATA only', () => {
    const out = through(new XmlTextGuard(10_000), doc, doc.length);
    assert.match(out, /<title>AT&amp;T &amp; Co &CounterClockwiseContourIntegral; &#x263A;<\/title>/);
    assert.match(out, /Fish & chips/);
  });

  it('with skipBodies, empties the bodies of posts and comments and nothing else', () => {
    const out = through(new XmlTextGuard(10_000, { skipBodies: true }), doc, 7);
    assert.match(out, /<content:encoded><!\[CDATA\[\]\]><!\[CDATA\[> still the body<\/p>\]\]><\/content:encoded>/);
    assert.match(out, /<wp:comment_content><!\[CDATA\[\]\]><\/wp:comment_content>/);
    assert.match(out, /<!\[CDATA\[ann\]\]>/);
    assert.match(out, /<!\[CDATA\[Short & sweet\]\]>/);
    assert.match(out, /<!\[CDATA\[a:1:\{s:3:"url";\}\]\]>/);
  });

  it('cuts before a token, never inside one', () => {
    assert.equal(safeCut('abc]]>def', 5), 3);
    assert.equal(safeCut('abc]]>def', 4), 3);
    assert.equal(safeCut('ab<![CDATA[x', 8), 2);
    assert.equal(safeCut('a &amp; b', 5), 2);
    assert.equal(safeCut('plain text with nothing special in it at all', 40), 40);
  });
});
