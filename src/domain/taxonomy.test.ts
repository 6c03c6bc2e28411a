// domain/ may not import node:* (eslint layer rule); the test runner and assert are test-only tooling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Slug, TaxonomyId, TermId } from './ids.js';
import { ancestry, descendantIds, flattenTree, type Term } from './taxonomy.js';

const taxonomyId = 'tax-region' as TaxonomyId;

function term(id: string, parentId: string | null, name: string, position = 0): Term {
  return {
    id: id as TermId,
    taxonomyId,
    parentId: parentId as TermId | null,
    slug: id as Slug,
    name,
    description: null,
    position,
  };
}

/*
 * world
 * ├── europe
 * │   ├── france
 * │   │   └── paris
 * │   └── germany
 * └── asia
 *     └── japan
 * oceania (second root)
 */
const terms: Term[] = [
  term('paris', 'france', 'Paris'),
  term('world', null, 'World'),
  term('asia', 'world', 'Asia', 2),
  term('europe', 'world', 'Europe', 1),
  term('germany', 'europe', 'Germany'),
  term('france', 'europe', 'France'),
  term('japan', 'asia', 'Japan'),
  term('oceania', null, 'Oceania', 5),
];

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('descendantIds', () => {
  test('includes the root and every term below it', () => {
    assert.deepEqual(sorted(descendantIds(terms, 'europe' as TermId)), ['europe', 'france', 'germany', 'paris']);
    assert.deepEqual(sorted(descendantIds(terms, 'world' as TermId)), ['asia', 'europe', 'france', 'germany', 'japan', 'paris', 'world']);
  });

  test('starts with the root itself', () => {
    assert.equal(descendantIds(terms, 'world' as TermId)[0], 'world');
  });

  test('a leaf has only itself', () => {
    assert.deepEqual(descendantIds(terms, 'paris' as TermId), ['paris']);
  });

  test('lists each id once', () => {
    const ids = descendantIds(terms, 'world' as TermId);
    assert.equal(new Set(ids).size, ids.length);
  });

  test('does not include siblings or other roots', () => {
    const ids = descendantIds(terms, 'asia' as TermId);
    assert.deepEqual(sorted(ids), ['asia', 'japan']);
  });

  test('a cycle in the tree does not hang and lists each term once', () => {
    const cyclic = [term('a', 'c', 'A'), term('b', 'a', 'B'), term('c', 'b', 'C'), term('d', 'b', 'D')];
    assert.deepEqual(sorted(descendantIds(cyclic, 'a' as TermId)), ['a', 'b', 'c', 'd']);
    assert.deepEqual(sorted(descendantIds(cyclic, 'c' as TermId)), ['a', 'b', 'c', 'd']);
  });

  test('a term that is its own parent does not hang', () => {
    const selfParent = [term('a', 'a', 'A'), term('b', 'a', 'B')];
    assert.deepEqual(sorted(descendantIds(selfParent, 'a' as TermId)), ['a', 'b']);
  });

  test('an unknown root yields just that id', () => {
    assert.deepEqual(descendantIds(terms, 'atlantis' as TermId), ['atlantis']);
  });
});

describe('ancestry', () => {
  const ids = (chain: Term[]) => chain.map((t) => t.id);

  test('runs from the root down to the term, inclusive', () => {
    assert.deepEqual(ids(ancestry(terms, 'paris' as TermId)), ['world', 'europe', 'france', 'paris']);
    assert.deepEqual(ids(ancestry(terms, 'japan' as TermId)), ['world', 'asia', 'japan']);
  });

  test('a root term is its own ancestry', () => {
    assert.deepEqual(ids(ancestry(terms, 'world' as TermId)), ['world']);
  });

  test('an unknown term has an empty ancestry', () => {
    assert.deepEqual(ancestry(terms, 'atlantis' as TermId), []);
  });

  test('stops at a missing parent', () => {
    const orphaned = [term('child', 'gone', 'Child'), term('grandchild', 'child', 'Grandchild')];
    assert.deepEqual(ids(ancestry(orphaned, 'grandchild' as TermId)), ['child', 'grandchild']);
  });

  test('a cycle does not hang and lists each term once', () => {
    const cyclic = [term('a', 'c', 'A'), term('b', 'a', 'B'), term('c', 'b', 'C')];
    const chain = ids(ancestry(cyclic, 'b' as TermId));
    assert.deepEqual(chain, ['c', 'a', 'b']);
    assert.deepEqual(ids(ancestry([term('self', 'self', 'Self')], 'self' as TermId)), ['self']);
  });
});

describe('flattenTree', () => {
  const view = (rows: { term: Term; depth: number }[]) => rows.map((r) => `${r.depth}:${r.term.id}`);

  test('lists terms depth-first with their depth, ordered by position then name', () => {
    assert.deepEqual(view(flattenTree(terms)), [
      '0:world',
      '1:europe',
      '2:france',
      '3:paris',
      '2:germany',
      '1:asia',
      '2:japan',
      '0:oceania',
    ]);
  });

  test('position wins over name', () => {
    const list = [term('z', null, 'Zulu', 1), term('a', null, 'Alpha', 2), term('m', null, 'Mike', 0)];
    assert.deepEqual(view(flattenTree(list)), ['0:m', '0:z', '0:a']);
  });

  test('equal positions are ordered by name', () => {
    const list = [term('c', null, 'Charlie', 3), term('a', null, 'alpha', 3), term('b', null, 'Bravo', 3)];
    assert.deepEqual(view(flattenTree(list)), ['0:a', '0:b', '0:c']);
  });

  test('does not reorder or change the input', () => {
    const list = [term('b', null, 'B', 1), term('a', null, 'A', 0)];
    const before = structuredClone(list);
    flattenTree(list);
    assert.deepEqual(list, before);
  });

  test('an empty taxonomy flattens to nothing', () => {
    assert.deepEqual(flattenTree([]), []);
  });

  test('a cycle detached from the roots does not hang', () => {
    const list = [term('root', null, 'Root'), term('a', 'b', 'A'), term('b', 'a', 'B')];
    const rows = flattenTree(list);
    assert.deepEqual(view(rows).slice(0, 1), ['0:root']);
    const ids = rows.map((r) => r.term.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});
