import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadXssPayloads } from '../../../test/support/xss-payloads.js';
import { isElement, parseDocument, type DomElement } from './dom.js';
import { extractArticle, ExtractionError } from './extract-article.js';

const ALLOWED: Record<string, readonly string[]> = {
  p: [], h2: [], h3: [], h4: [], h5: [], h6: [], blockquote: [], ul: [], ol: [], li: [], strong: [], em: [], b: [], i: [], br: [],
  figure: [], figcaption: [], table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'], pre: [], code: [], a: ['href'], img: ['src', 'alt'],
};

/** Every element of sanitized body HTML is on the allow-list, with allowed attributes and URL schemes only. */
function assertSafe(html: string, label: string): void {
  const { body } = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const walk = (element: DomElement): void => {
    for (const child of [...element.childNodes]) {
      if (!isElement(child)) continue;
      const allowed = ALLOWED[child.localName];
      assert.ok(allowed !== undefined, `${label}: <${child.localName}> in ${html.slice(0, 200)}`);
      for (const name of ['href', 'src', 'alt', 'colspan', 'rowspan', 'style', 'class', 'id', 'onerror', 'onload', 'onclick', 'srcdoc', 'formaction']) {
        if (child.hasAttribute(name)) assert.ok(allowed.includes(name), `${label}: ${child.localName}[${name}]`);
      }
      const href = child.getAttribute('href');
      if (href !== null) assert.match(href, /^(?:https?:\/\/|mailto:)/, `${label}: href ${href}`);
      const src = child.getAttribute('src');
      if (src !== null) assert.match(src, /^https?:\/\//, `${label}: src ${src}`);
      walk(child);
    }
  };
  walk(body);
  assert.doesNotMatch(html, /<\s*\/?\s*(?:script|iframe|object|embed|svg|math|style|form|base|meta|link|frame)/i, label);
}

const CHUNK = 25;
const filler = (i: number): string => `Paragraph ${i} of the test story goes on long enough to read as prose, with a full sentence around the payload that follows here`;

describe('extractArticle with the shared XSS corpora', () => {
  const payloads = loadXssPayloads();

  it('finds the corpora', { skip: payloads.length === 0 ? 'XSS corpus not present' : false }, () => {
    assert.ok(payloads.length > 100);
  });

  it('keeps every body element, attribute and URL on the allow-list', { skip: payloads.length === 0 }, () => {
    for (let start = 0; start < payloads.length; start += CHUNK) {
      const chunk = payloads.slice(start, start + CHUNK);
      const paragraphs = chunk.map((payload, i) => `<p>${filler(start + i)}: ${payload.source} and then the sentence ends.</p>`).join('\n');
      const page = `<html><head><title>Payloads ${start}</title><meta property="og:image" content="javascript:alert(1)"></head><body><article>${paragraphs}</article></body></html>`;
      const label = `payloads ${start}-${start + chunk.length - 1} (${chunk[0]?.file} ${chunk[0]?.label})`;
      let article;
      try {
        article = extractArticle(page, { url: 'https://news.example/story' });
      } catch (error) {
        // A chunk whose payloads swallow the whole page leaves no article: a refusal, not a leak.
        assert.ok(error instanceof ExtractionError, `${label}: ${String(error)}`);
        continue;
      }
      assertSafe(article.bodyHtml, label);
      assert.equal(article.leadImage?.url.startsWith('javascript:') ?? false, false, label);
    }
  });
});
