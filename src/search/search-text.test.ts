import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, foldWord, plainTextOfHtml, wordsOf } from './search-text.js';

describe('search text', () => {
  it('folds case and Latin diacritics, writes ё as е, and keeps letters that are not accents', () => {
    assert.equal(foldWord('École'), 'ecole');
    assert.equal(foldWord('Straße'), 'strasse');
    assert.equal(foldWord('Ærø'), 'aero');
    assert.equal(foldWord('İstanbul'), 'istanbul');
    assert.equal(foldWord('Ёлка'), 'елка');
    assert.equal(foldWord('Йошкар'), 'йошкар', 'й is a letter of its own');
    assert.equal(foldWord('ﬁnance'), 'finance');
    assert.equal(foldWord('e\u0301cole'), 'ecole', 'decomposed input folds the same');
  });

  it('finds words with their offsets, skipping symbols and over-long runs', () => {
    const words = wordsOf('Missile, «école» — 2026; don\'t');
    assert.deepEqual(words.map((w) => [w.text, w.folded]), [['Missile', 'missile'], ['école', 'ecole'], ['2026', '2026'], ['don', 'don'], ['t', 't']]);
    assert.equal('Missile, «école» — 2026'.slice(words[1]!.start, words[1]!.end), 'école');
    assert.deepEqual(wordsOf(`a ${'b'.repeat(65)} c`).map((w) => w.folded), ['a', 'c']);
    assert.equal(wordsOf('one two three', 2).length, 2);
  });

  it('reads the same words as a regular expression over letters, digits and marks, on any text', () => {
    const reference = (text: string) => [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)]
      .map((m) => ({ text: m[0], folded: foldWord(m[0]), start: m.index, end: m.index + m[0].length }))
      .filter((w) => w.folded.length <= 64 && /[\p{L}\p{N}]/u.test(w.folded));
    const alphabet = ['a', 'Z', '9', ' ', '-', "'", 'é', 'e\u0301', '\u0301', 'ß', 'Ё', 'я', '中', '😀', '𝐀', '\ud800', '\udc00', '\u00a0', '٣', 'ﬁ', '\u200d', '.'];
    let seed = 5;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      assert.deepEqual(wordsOf(text), reference(text), JSON.stringify(text));
    }
    const long = `x ${'é'.repeat(70)} y ${'a'.repeat(64)}`;
    assert.deepEqual(wordsOf(long), reference(long));
  });

  it('turns stored article HTML into plain text', () => {
    assert.equal(
      plainTextOfHtml('<h2>Title</h2><p>A <strong>bold</strong>ly <a href="/x?a=1&amp;b=2">linked</a> word&nbsp;&amp; more &lt;tag&gt; &#233;&#xE9;</p><p>Next</p><script>bad()</script><!-- c -->'),
      'Title A boldly linked word & more <tag> éé Next',
    );
    assert.equal(plainTextOfHtml('caf&eacute; &#0; &#xD800;'), 'caf&eacute; &#0; &#xD800;', 'unknown or invalid entities stay as written');
  });

  it('escapes the five HTML specials', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
