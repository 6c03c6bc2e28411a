// domain/ may not import node:* (eslint layer rule); the test runner and assert are test-only tooling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppError } from './errors.js';
import type { Slug, TaxonomyId, TermId } from './ids.js';
import type { Term } from './taxonomy.js';
import { archiveMoves, planMerge, planMove, termArchivePaths } from './term-tree.js';

function term(id: string, parentId: string | null, taxonomy = 'region'): Term {
  return { id: id as TermId, taxonomyId: taxonomy as TaxonomyId, parentId: parentId as TermId | null, slug: id as Slug, name: id.toUpperCase(), description: null, position: 0 };
}

// europe ─ eastern-europe ─ baltics ; asia ; war (another taxonomy)
const tree = [term('europe', null), term('eastern-europe', 'europe'), term('baltics', 'eastern-europe'), term('asia', null), term('war', null, 'theme')];
const id = (s: string) => s as TermId;

describe('moving a term', () => {
  test('re-parents, or lifts to the top', () => {
    assert.equal(planMove(tree, id('baltics'), id('asia')).parentId, 'asia');
    assert.equal(planMove(tree, id('eastern-europe'), null).parentId, null);
  });

  test('refuses cycles: under itself or any of its sub-terms', () => {
    for (const parent of ['europe', 'eastern-europe', 'baltics']) {
      assert.throws(() => planMove(tree, id('europe'), id(parent)), (e: unknown) => isAppError(e, 'INVALID_INPUT'), parent);
    }
  });

  test('refuses a parent from another taxonomy and unknown terms', () => {
    assert.throws(() => planMove(tree, id('asia'), id('war')), (e: unknown) => isAppError(e, 'INVALID_INPUT'));
    assert.throws(() => planMove(tree, id('nowhere'), null), (e: unknown) => isAppError(e, 'TERM_NOT_FOUND'));
  });
});

describe('merging terms', () => {
  test('moves the merged term\'s sub-terms under the survivor', () => {
    const plan = planMerge(tree, id('eastern-europe'), id('asia'));
    assert.equal(plan.from.id, 'eastern-europe');
    assert.equal(plan.into.id, 'asia');
    assert.deepEqual(plan.reparented.map((t) => [t.id, t.parentId]), [['baltics', 'asia']]);
  });

  test('merging a child into its parent keeps the grandchildren', () => {
    assert.deepEqual(planMerge(tree, id('eastern-europe'), id('europe')).reparented.map((t) => [t.id, t.parentId]), [['baltics', 'europe']]);
  });

  test('refuses itself, a sub-term and another taxonomy', () => {
    assert.throws(() => planMerge(tree, id('asia'), id('asia')), (e: unknown) => isAppError(e, 'INVALID_INPUT'));
    assert.throws(() => planMerge(tree, id('europe'), id('baltics')), (e: unknown) => isAppError(e, 'INVALID_INPUT'));
    assert.throws(() => planMerge(tree, id('asia'), id('war')), (e: unknown) => isAppError(e, 'INVALID_INPUT'));
  });
});

describe('archive paths', () => {
  test('are the page and its three feeds, paired old to new', () => {
    assert.deepEqual(termArchivePaths('region', 'europe'), ['/region/europe/', '/region/europe/rss.xml', '/region/europe/atom.xml', '/region/europe/feed.json']);
    assert.deepEqual(archiveMoves('theme', 'war', 'conflict')[0], { from: '/theme/war/', to: '/theme/conflict/' });
    assert.equal(archiveMoves('theme', 'war', 'conflict').length, 4);
  });
});
