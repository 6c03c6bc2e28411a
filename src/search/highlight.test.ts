import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestSnippet, highlightAll, leadSnippet, matcherFor, SNIPPET_WORDS } from './highlight.js';
import { searchLanguageOf } from './search-languages.js';
import { parseSearchQuery } from './search-query-parser.js';

const matcher = (query: string, language = 'en') => matcherFor(parseSearchQuery(query).clauses, searchLanguageOf(language));

describe('highlighting', () => {
  it('marks words with the same stem, escaping everything else', () => {
    assert.equal(highlightAll('<script>alert("missiles")</script> & Missile', matcher('missile')),
      '&lt;script&gt;alert(&quot;<mark>missiles</mark>&quot;)&lt;/script&gt; &amp; <mark>Missile</mark>');
  });

  it('marks accented words found by their unaccented form, and Russian word forms', () => {
    assert.equal(highlightAll('Une école à Paris', matcher('ecole', 'fr')), 'Une <mark>école</mark> à Paris');
    assert.equal(highlightAll('Ракеты летят', matcher('ракета', 'ru')), '<mark>Ракеты</mark> летят');
  });

  it('marks a phrase as one run, and prefixes', () => {
    assert.equal(highlightAll('The Bank of England raised rates', matcher('"bank of england"')), 'The <mark>Bank of England</mark> raised rates');
    assert.equal(highlightAll('A missile mission', matcher('missi*')), 'A <mark>missile</mark> <mark>mission</mark>');
  });

  it('never lets private-use delimiters or markup in the text through unescaped', () => {
    const out = highlightAll('\uE000<b>grain</b>\uE001 <mark>x</mark>', matcher('grain'));
    assert.equal(out, '\uE000&lt;b&gt;<mark>grain</mark>&lt;/b&gt;\uE001 &lt;mark&gt;x&lt;/mark&gt;');
    assert.equal(out.match(/<mark>/g)?.length, 1);
  });

  it('picks the passage showing the most different query words, with ellipses where it is cut', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ');
    const text = `${filler(50)} grain alone ${filler(50)} grain and reserves together ${filler(50)}`;
    const snippet = bestSnippet(text, matcher('grain reserves'))!;
    assert.equal(snippet.clauses, 2);
    assert.match(snippet.html, /^… .*<mark>grain<\/mark> and <mark>reserves<\/mark> together .* …$/);
    assert.ok(snippet.html.split(' ').length <= SNIPPET_WORDS + 2);
    assert.equal(bestSnippet('nothing here', matcher('grain')), null);
  });

  it('falls back to the opening words', () => {
    assert.equal(leadSnippet('Short <standfirst>.'), 'Short &lt;standfirst&gt;.');
    assert.match(leadSnippet(Array.from({ length: 100 }, () => 'word').join(' ')), / …$/);
  });
});
