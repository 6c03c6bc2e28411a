import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyHtmlToText, makeResolver, sanitizeBody } from './clean-body.js';
import { parseDocument } from './dom.js';

function sanitize(html: string, base: string | null): string {
  const document = parseDocument(`<html><body><div id="root">${html}</div></body></html>`);
  const root = document.querySelector('#root');
  assert.ok(root);
  return sanitizeBody(root, document, makeResolver(base));
}

describe('sanitizeBody', () => {
  it('turns leaf containers into paragraphs so their texts stay apart', () => {
    assert.equal(sanitize('<div>First line</div><div>Second <span>line</span></div>', null), '<p>First line</p><p>Second line</p>');
  });

  it('takes lazy-loaded image sources and drops tracking pixels and data: images', () => {
    const html = sanitize('<p><img data-src="/a.jpg" alt="A"><img src="/pixel.gif" width="1" height="1"><img src="data:image/png;base64,AAAA"></p>', 'https://site.example/news/');
    assert.equal(html, '<p><img src="https://site.example/a.jpg" alt="A" /></p>');
  });

  it('unwraps links it cannot make absolute, keeping their text', () => {
    assert.equal(sanitize('<p>See <a href="/rules">the rules</a> and <a href="#top">the top</a>.</p>', null), '<p>See the rules and the top.</p>');
    assert.equal(sanitize('<p>See <a href="/rules">the rules</a>.</p>', 'https://site.example/x'), '<p>See <a href="https://site.example/rules">the rules</a>.</p>');
  });
});

describe('bodyHtmlToText', () => {
  it('separates blocks with blank lines, keeps line breaks and leaves captions out', () => {
    const text = bodyHtmlToText('<h2>Schedule</h2><p>Doors open at six<br>Talks begin at seven</p><figure><img src="https://x.example/a.jpg"><figcaption>The hall last year</figcaption></figure><ul><li>Free entry</li><li>Bring a chair</li></ul>');
    assert.equal(text, 'Schedule\n\nDoors open at six\nTalks begin at seven\n\nFree entry\n\nBring a chair');
  });
});
