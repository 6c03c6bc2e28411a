import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runDuplicatesBench } from '../../bench/duplicates.js';
import { reutersDir } from '../../bench/reuters-articles.js';

const missing = existsSync(reutersDir) ? false : `Reuters corpus not found at ${reutersDir}; this test needs ../shared/corpus next to the repository`;

// Floors a little under what bench/duplicates.ts measured (README: wire duplicates), so a change
// that makes detection worse fails here. Not timed.
describe('wire-duplicate detection on Reuters-21578', { skip: missing }, () => {
  it('finds re-sent and edited stories with high precision and recall', () => {
    const result = runDuplicatesBench({ stories: 150 });
    assert.ok(result.precision >= 0.97, `precision ${result.precision}`);
    assert.ok(result.recall >= 0.95, `recall ${result.recall}`);
    assert.ok(result.resent.recall >= 0.85 && result.resent.precision >= 0.93, JSON.stringify(result.resent));
    assert.equal(result.resent.identical_pairs, 40, 'every identical re-send is in the ground truth');
    assert.ok(result.edited.recall >= 0.97 && result.edited.precision >= 0.99, JSON.stringify(result.edited));
  });
});
