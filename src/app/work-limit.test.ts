import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorkLimit } from './work-limit.js';

/** A job that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { open, opened };
}

describe('createWorkLimit', () => {
  it('runs at most the limit at once, the others in arrival order, and frees the slot after a failure', async () => {
    const run = createWorkLimit(2);
    const started: number[] = [];
    const gates = [gate(), gate(), gate(), gate()];
    const jobs = gates.map((g, i) => run(async () => {
      started.push(i);
      await g.opened;
      if (i === 1) throw new Error('job 1 failed');
      return i;
    }));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [0, 1]);
    gates[1]!.open();
    await assert.rejects(jobs[1]!, /job 1 failed/);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [0, 1, 2]);
    for (const g of gates) g.open();
    assert.deepEqual(await Promise.all([jobs[0], jobs[2], jobs[3]]), [0, 2, 3]);
    assert.deepEqual(started, [0, 1, 2, 3]);
  });

  it('refuses a limit below one', () => {
    assert.throws(() => createWorkLimit(0));
  });
});
