import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSearchThreads } from './search-thread-pool.js';

describe('defaultSearchThreads', () => {
  it('is one more than the cores, up to four', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 16].map(defaultSearchThreads), [2, 2, 3, 4, 4, 4]);
  });
});
