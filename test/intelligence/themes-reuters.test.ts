import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runThemeBench } from '../../bench/themes.js';
import { reutersDir } from '../../bench/reuters-articles.js';

const missing = existsSync(reutersDir) ? false : `Reuters corpus not found at ${reutersDir}; this test needs ../shared/corpus next to the repository`;

// Floors a little under what bench/themes.ts measured, so a change that makes the learner or its
// calibration worse fails here. Not timed.
describe('theme learner on Reuters-21578 TOPICS', { skip: missing }, () => {
  it('reaches a micro-F1 over the ten most frequent topics, with calibration that helps', () => {
    const result = runThemeBench();
    assert.equal(result.topics.length, 10);
    assert.ok(result.micro_f1 >= 0.86, `micro-F1 ${result.micro_f1}`);
    assert.ok(result.brier_calibrated < result.brier_raw, `Brier ${result.brier_calibrated} vs raw ${result.brier_raw}`);
  });
});
