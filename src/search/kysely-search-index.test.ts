import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageFromCandidates } from './kysely-search-index.js';

const candidates = (...scores: number[]) => scores.map((score, i) => ({ id: `id-${String(i).padStart(2, '0')}`, score }));
const visible = (ids: string[], publishedAt = '2026-01-01T00:00:00.000Z') => ids.map((id) => ({ id, published_at: publishedAt }));

describe('a page from the engine\'s best candidates', () => {
  it('is the visible candidates in order when the engine had no more matches than asked for', () => {
    const page = pageFromCandidates(candidates(9, 8, 7), 10, visible(['id-00', 'id-02']), 0, 5);
    assert.deepEqual(page?.map((r) => r.id), ['id-00', 'id-02']);
  });

  it('is used when its last row scores strictly better than the worst candidate', () => {
    const page = pageFromCandidates(candidates(9, 8, 7, 6), 4, visible(['id-00', 'id-01', 'id-02', 'id-03']), 0, 2);
    assert.deepEqual(page?.map((r) => r.id), ['id-00', 'id-01']);
  });

  it('is refused when a match left out could tie with or beat its last row', () => {
    assert.equal(pageFromCandidates(candidates(9, 8, 8), 3, visible(['id-00', 'id-01', 'id-02']), 0, 3), null, 'the last row ties the worst candidate');
    assert.equal(pageFromCandidates(candidates(9, 8, 7), 3, visible(['id-02']), 0, 1), null, 'hidden candidates leave only the worst one');
    assert.equal(pageFromCandidates(candidates(9, 8, 7), 3, visible(['id-00']), 0, 2), null, 'too few candidates pass the filters');
  });

  it('orders equal scores newer first, then by id', () => {
    const passing = [...visible(['id-00']), ...visible(['id-01'], '2026-05-01T00:00:00.000Z'), ...visible(['id-02'])];
    const page = pageFromCandidates(candidates(5, 5, 5), 10, passing, 0, 3);
    assert.deepEqual(page?.map((r) => r.id), ['id-01', 'id-02', 'id-00']);
  });
});
