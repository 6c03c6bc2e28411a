import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitPlatt, sigmoid } from './platt-scaling.js';

describe('Platt scaling', () => {
  it('recovers the sigmoid that generated the outcomes', () => {
    // Scores on a grid, outcomes in the exact proportion σ(2z − 1) at each point.
    const scores: number[] = [];
    const outcomes: boolean[] = [];
    for (let z = -3; z <= 3; z += 0.25) {
      const positives = Math.round(sigmoid(2 * z - 1) * 200);
      for (let k = 0; k < 200; k++) { scores.push(z); outcomes.push(k < positives); }
    }
    const { a, b } = fitPlatt(scores, outcomes);
    assert.ok(Math.abs(a - 2) < 0.1, `a = ${a}`);
    assert.ok(Math.abs(b + 1) < 0.1, `b = ${b}`);
  });

  it('keeps the raw score when a class has too few examples to fit', () => {
    assert.deepEqual(fitPlatt([1, 2, 3, 4, 5], [true, false, false, false, false]), { a: 1, b: 0 });
  });

  it('stays finite on perfectly separated scores', () => {
    const { a, b } = fitPlatt([-5, -4, -3, -2, 2, 3, 4, 5], [false, false, false, false, true, true, true, true]);
    assert.ok(Number.isFinite(a) && Number.isFinite(b) && a > 0);
  });
});
