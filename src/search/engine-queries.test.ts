import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tsQueryTextOf } from './postgres-search-index.js';
import { parseSearchQuery } from './search-query-parser.js';
import { fts5MatchOf, isOneToken } from './sqlite-search-index.js';

const clauses = (q: string) => parseSearchQuery(q).clauses;

describe('engine query text', () => {
  it('FTS5: loose words match any stem in the stem columns; phrases and prefixes the word columns', () => {
    assert.equal(fts5MatchOf(clauses('missiles "carbon tax" lith* border')),
      '({title_stems standfirst_stems body_stems} : (("missiles" OR "missil") AND ("border" OR "bord"))) AND ({title standfirst body} : (("carbon tax") AND ("lith" *)))');
    assert.equal(fts5MatchOf(clauses('ракеты')), '({title_stems standfirst_stems body_stems} : (("ракеты" OR "ракет")))');
    assert.equal(fts5MatchOf(clauses('"carbon tax"')), '({title standfirst body} : (("carbon tax")))');
  });

  it('FTS5: a prefix* read as the words it begins is those words, quoted, any of them', () => {
    const parsed = clauses('lith* "carbon tax" surv*');
    const prefixes = new Map([[parsed[0]!, ['lithium', 'lithuania']]]);
    assert.equal(fts5MatchOf(parsed, undefined, prefixes),
      '({title standfirst body} : (("lithium" OR "lithuania") AND ("carbon tax") AND ("surv" *)))');
  });

  it('FTS5: sends to the position-less stems table only words the tokenizer surely reads as one token', () => {
    for (const word of ['missil', 'strasse', 'ракет', 'йогурт', '2024', 'x1']) assert.ok(isOneToken(word), word);
    // A word of several tokens is a phrase, which a detail=column table refuses.
    for (const word of ['e\u0301te', 'a\uE000b', '日本', 'ab\u200dcd', '']) assert.ok(!isOneToken(word), JSON.stringify(word));
  });

  it('PostgreSQL: every word quoted, phrases with <->, prefixes with :*', () => {
    assert.equal(tsQueryTextOf(clauses('missiles "carbon tax" lith* "one"')), "'missiles' & ('carbon' <-> 'tax') & 'lith':* & 'one'");
  });

  it('quotes so that nothing typed becomes syntax, for hostile and random input', () => {
    const columns = new Set(['title', 'standfirst', 'body', 'title_stems', 'standfirst_stems', 'body_stems', 'OR', 'AND']);
    const alphabet = ['"', "'", '*', '(', ')', ':', '^', '{', '}', '-', '+', '\\', ';', ' ', 'a', 'é', 'я', 'NEAR', 'AND', 'OR', 'NOT', '\uE000', '\u0301', '<->', '&', '|', '!'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const inputs = ['"', '*', 'NEAR(a b)', "'); DROP", 'AND OR NOT', 'a:b', '^x', '{title}: y', "\\'", '"a" * "b"',
      ...Array.from({ length: 300 }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''))];
    for (const q of inputs) {
      const parsed = clauses(q);
      if (parsed.length === 0) continue;
      const outsideQuotes = fts5MatchOf(parsed).replace(/"(?:[^"]|"")*"/g, ' ');
      for (const word of outsideQuotes.match(/[^\s(){}:*]+/g) ?? []) assert.ok(columns.has(word), `FTS5 syntax "${word}" from ${JSON.stringify(q)}`);
      const outsideTsQuotes = tsQueryTextOf(parsed).replace(/'(?:[^']|'')*'/g, ' ');
      assert.match(outsideTsQuotes, /^(?:[\s()&:*]|<->)*$/, `tsquery syntax from ${JSON.stringify(q)}`);
    }
  });
});
