import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowRunsOf } from './multi-row-insert.js';

test('rowRunsOf: full runs, then the rest in powers of two, largest first, every row once in order', () => {
  const rows = Array.from({ length: 1337 }, (_, i) => i);
  const runs = rowRunsOf(rows, 500);
  assert.deepEqual(runs.map((r) => r.length), [500, 500, 256, 64, 16, 1]);
  assert.deepEqual(runs.flat(), rows);
});

test('rowRunsOf: few distinct run lengths whatever the count, none longer than the size', () => {
  const lengths = new Set<number>();
  for (let n = 0; n <= 1200; n++) {
    const runs = rowRunsOf(Array.from({ length: n }, (_, i) => i), 500);
    assert.equal(runs.flat().length, n);
    for (const run of runs) {
      assert.ok(run.length >= 1 && run.length <= 500);
      lengths.add(run.length);
    }
  }
  assert.ok(lengths.size <= 10, `run lengths seen: ${[...lengths].join(', ')}`);
  assert.deepEqual(rowRunsOf([], 500), []);
  assert.deepEqual(rowRunsOf([1, 2, 3], 1), [[1], [2], [3]]);
});
