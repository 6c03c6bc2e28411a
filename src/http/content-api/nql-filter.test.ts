import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NqlSyntaxError, parseNql } from './nql-filter.js';

describe('parseNql', () => {
  it('reads equality, negation, lists and comparisons', () => {
    assert.deepEqual(parseNql('tag:getting-started'), [[{ key: 'tag', op: 'eq', values: ['getting-started'] }]]);
    assert.deepEqual(parseNql('tag:-news'), [[{ key: 'tag', op: 'ne', values: ['news'] }]]);
    assert.deepEqual(parseNql('tags:[a, b,c]'), [[{ key: 'tags', op: 'in', values: ['a', 'b', 'c'] }]]);
    assert.deepEqual(parseNql("published_at:>'2020-01-01 10:00:00'"), [[{ key: 'published_at', op: 'gt', values: ['2020-01-01 10:00:00'] }]]);
    assert.deepEqual(parseNql('published_at:<=2021-01-01'), [[{ key: 'published_at', op: 'lte', values: ['2021-01-01'] }]]);
  });

  it('joins with + as and, and , as or on one key', () => {
    assert.deepEqual(parseNql('tag:a+author:b'), [[{ key: 'tag', op: 'eq', values: ['a'] }], [{ key: 'author', op: 'eq', values: ['b'] }]]);
    assert.deepEqual(parseNql('tag:a,tag:b'), [[{ key: 'tag', op: 'eq', values: ['a'] }, { key: 'tag', op: 'eq', values: ['b'] }]]);
    assert.deepEqual(parseNql("slug:'a,b+c'"), [[{ key: 'slug', op: 'eq', values: ['a,b+c'] }]]);
  });

  it('treats no filter as none and refuses what it does not understand', () => {
    assert.deepEqual(parseNql(undefined), []);
    assert.deepEqual(parseNql('  '), []);
    for (const bad of ['tag', 'tag:', "tag:'open", 'tags:[a,b', '(tag:a)', 'tag:a,author:b', 'x'.repeat(2001), ':a', 'published_at:->1']) {
      assert.throws(() => parseNql(bad), NqlSyntaxError, bad.slice(0, 30));
    }
  });
});
