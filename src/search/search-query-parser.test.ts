import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSearchQuery, searchQueryLimits, type SearchClause } from './search-query-parser.js';

const parse = (text: unknown): SearchClause[] => parseSearchQuery(text).clauses;

describe('parseSearchQuery', () => {
  it('reads loose words as required words, folded to lower case without Latin accents', () => {
    assert.deepEqual(parse('Missile  École Straße'), [
      { kind: 'word', word: 'missile' }, { kind: 'word', word: 'ecole' }, { kind: 'word', word: 'strasse' },
    ]);
  });

  it('reads "quoted words" as a phrase, keeping stop words inside it', () => {
    assert.deepEqual(parse('"the Bank of England" rates'), [
      { kind: 'phrase', words: ['the', 'bank', 'of', 'england'] }, { kind: 'word', word: 'rates' },
    ]);
    assert.deepEqual(parse('“typographic quotes” «ёлка»'), [
      { kind: 'phrase', words: ['typographic', 'quotes'] }, { kind: 'phrase', words: ['елка'] },
    ]);
  });

  it('runs an unclosed quote to the end', () => {
    assert.deepEqual(parse('nuclear "inspection regime'), [
      { kind: 'word', word: 'nuclear' }, { kind: 'phrase', words: ['inspection', 'regime'] },
    ]);
  });

  it('reads word* as a prefix, and ignores prefixes too short to be useful', () => {
    assert.deepEqual(parse('missi* a* * Éco*'), [{ kind: 'prefix', prefix: 'missi' }, { kind: 'prefix', prefix: 'eco' }]);
  });

  it('reads words joined by punctuation as a phrase', () => {
    assert.deepEqual(parse("state-of-the-art l'école"), [
      { kind: 'phrase', words: ['state', 'of', 'the', 'art'] }, { kind: 'phrase', words: ['l', 'ecole'] },
    ]);
  });

  it('drops loose stop words of every supported language; nothing left means no clauses', () => {
    assert.deepEqual(parse('the missile'), [{ kind: 'word', word: 'missile' }]);
    assert.deepEqual(parse('the AND OR NOT of'), []);
    assert.deepEqual(parse('и в на'), []);
    assert.deepEqual(parse('le la des'), [{ kind: 'word', word: 'la' }], '"la" stays: LA is news');
    assert.deepEqual(parse('war die'), [{ kind: 'word', word: 'war' }, { kind: 'word', word: 'die' }], 'content words in English');
  });

  it('treats engine syntax and symbols as separators, so hostile input yields plain words or nothing', () => {
    assert.deepEqual(parse('"'), []);
    assert.deepEqual(parse('*'), []);
    assert.deepEqual(parse('NEAR('), [{ kind: 'word', word: 'near' }]);
    assert.deepEqual(parse("'); DROP TABLE articles; --"), [
      { kind: 'word', word: 'drop' }, { kind: 'word', word: 'table' }, { kind: 'word', word: 'articles' },
    ]);
    assert.deepEqual(parse('title:foo^2 {body} -bar +baz'), [
      { kind: 'phrase', words: ['title', 'foo', '2'] }, { kind: 'word', word: 'body' }, { kind: 'word', word: 'bar' }, { kind: 'word', word: 'baz' },
    ]);
    assert.deepEqual(parse('\u0000\u202e\uE000\uE001 <>&;\\'), []);
    assert.deepEqual(parse('\u0301\u0301'), [], 'marks alone are not a word');
    for (const input of [undefined, null, 42, {}, ['a']]) assert.deepEqual(parse(input), []);
  });

  it('bounds the work whatever the length of the input', () => {
    const long = parse(Array.from({ length: 500 }, (_, i) => `word${i}`).join(' '));
    assert.equal(long.length, searchQueryLimits.maxClauses);
    const phrase = parse(`"${Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ')}"`);
    assert.equal(phrase.length, 1);
    assert.equal((phrase[0] as { words: string[] }).words.length, searchQueryLimits.maxPhraseWords);
    assert.deepEqual(parse('x'.repeat(100_000)), [], 'a word longer than any real word is ignored');
    assert.deepEqual(parse('😀'.repeat(1000)), []);
  });

  it('drops repeated clauses', () => {
    assert.deepEqual(parse('grain Grain GRAIN'), [{ kind: 'word', word: 'grain' }]);
  });
});
