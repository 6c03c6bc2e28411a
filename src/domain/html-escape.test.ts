import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from './html-escape.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes, wherever they are', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
    assert.equal(escapeHtml('&'), '&amp;');
    assert.equal(escapeHtml('a<'), 'a&lt;');
    assert.equal(escapeHtml('&amp;'), '&amp;amp;', 'escapes again what is already escaped: its input is text, not HTML');
  });

  it('returns text with nothing to escape as it is', () => {
    for (const text of ['', 'Ministers approve the pipeline deal', 'https://news.example.org/a/b/?q=1', 'Москва — «РИА Новости»', '\u0000\uE000😀']) {
      assert.equal(escapeHtml(text), text);
    }
  });
});
