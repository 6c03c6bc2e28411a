// htmlToPlainText reads text straight off htmlparser2. Before, it ran sanitize-html with no tag
// allowed and decoded the entities sanitize-html wrote back; stored fingerprints and excerpts
// came from that, so the two must agree. They are compared here over every XSS payload, every page of
// the extraction benchmark (whole pages: scripts, styles, comments, broken markup), those pages
// after article sanitizing, and a few cases written for the rules in between.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import sanitizeHtml from 'sanitize-html';
import { htmlToPlainText, sanitizeArticleHtml } from '../../src/sanitize/article-html.js';
import { loadXssPayloads, xssCorpusDir } from '../support/xss-payloads.js';

const BLOCK_END = /<\/(p|h\d|li|blockquote|tr|td|th|div|dt|dd|figcaption|caption|pre|section|article)>|<br\s*\/?>|<hr\s*\/?>/gi;

/** The former htmlToPlainText, verbatim. */
function throughSanitizeHtml(html: string): string {
  return sanitizeHtml(html.replace(BLOCK_END, '$& '), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const pagesDir = fileURLToPath(new URL('../../../shared/corpus/article-extraction-benchmark/html/', import.meta.url));
const pages = existsSync(pagesDir) ? readdirSync(pagesDir).filter((f) => f.endsWith('.html.gz')).sort() : [];

function assertSame(html: string, label: string): void {
  const expected = throughSanitizeHtml(html);
  const actual = htmlToPlainText(html);
  if (actual !== expected) {
    let at = 0;
    while (actual[at] === expected[at]) at++;
    assert.fail(`${label}: differs at ${at}: ${JSON.stringify(actual.slice(Math.max(0, at - 40), at + 40))} vs ${JSON.stringify(expected.slice(Math.max(0, at - 40), at + 40))}`);
  }
}

describe('Plain text of HTML: the same text as through sanitize-html', () => {
  test('cases written for the rules', () => {
    const cases = [
      '<p>One</p><p>two</p>three<br>four<hr/>five',
      '<b>bold</b>er and <i>it</i>alic',
      'Fish &amp; chips &lt;b&gt; &quot;q&quot; &#39;a&#39; &nbsp;x&nbsp;&nbsp;y &amp;lt; &eacute;t&eacute; &#x41;&#66;',
      '<script>alert(1)<b>x</b></script>after <style>p{}</style>shown',
      '<textarea><p>inside</p></textarea>out <option>o</option> <xmp><b>raw</b></xmp>end',
      '<select><option>a<b>nested</b></option>b</select>tail',
      '<div><table><tr><td>1</td><td>2</td></tr></table></div>',
      '<!-- comment --><p>after comment</p><![CDATA[cdata]]>',
      'unclosed <p>para <b>bold', '<', '&', 'a < b > c', '',
    ];
    for (const html of cases) assertSame(html, JSON.stringify(html));
    assert.equal(htmlToPlainText('<p>One</p><p>two</p><script>x</script>Fish &amp; chips'), 'One two Fish & chips');
  });

  test('every XSS payload', { skip: existsSync(xssCorpusDir) ? false : `XSS corpus not found at ${xssCorpusDir}` }, () => {
    const payloads = loadXssPayloads();
    assert.ok(payloads.length > 1000, `only ${payloads.length} payloads`);
    for (const p of payloads) assertSame(p.source, `${p.file} ${p.label}`);
  });

  test('every page of the extraction benchmark, as served and after article sanitizing', { skip: pages.length ? false : `pages not found at ${pagesDir}` }, () => {
    assert.ok(pages.length >= 100, `only ${pages.length} pages`);
    for (const file of pages) {
      const html = gunzipSync(readFileSync(path.join(pagesDir, file))).toString('utf8');
      assertSame(html, file);
      assertSame(sanitizeArticleHtml(html), `${file} sanitized`);
    }
  });
});
