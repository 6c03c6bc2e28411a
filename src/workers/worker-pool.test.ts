import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkerPool } from './worker-pool.js';

/**
 * A thread that answers `{ thread }`. A message with `block` waits (blocking its thread) until
 * another message with `release` has run; `holding` is how many messages the thread had received
 * and not yet answered when it answered this one.
 */
const threadSource = `
import { parentPort, threadId } from 'node:worker_threads';
let holding = 0;
parentPort.on('message', ({ id, flag, block, release }) => {
  holding++;
  const view = new Int32Array(flag);
  if (release) { Atomics.store(view, 0, 1); Atomics.notify(view, 0); }
  if (block) Atomics.wait(view, 0, 0, 10000);
  setImmediate(() => { parentPort.postMessage({ id, thread: threadId, holding }); holding--; });
});`;
const threadModule = new URL(`data:text/javascript,${encodeURIComponent(threadSource)}`);

interface Job { flag: SharedArrayBuffer; block?: boolean; release?: boolean }
interface Answer { thread: number; holding: number }

describe('WorkerPool', () => {
  it('with maxInFlight, holds messages in one queue for whichever thread is free first', async () => {
    const pool = new WorkerPool<Job, Answer>(threadModule, 2, { maxInFlight: 1 });
    try {
      const flag = new SharedArrayBuffer(4);
      // The first message blocks its thread until the last one runs: the last can only run if
      // every message between went to the other thread, not into the blocked one's queue.
      const answers = await Promise.all([
        pool.run({ flag, block: true }),
        ...Array.from({ length: 4 }, () => pool.run({ flag })),
        pool.run({ flag, release: true }),
      ]);
      const [blocked, ...rest] = answers;
      assert.ok(rest.every((a) => a.thread !== blocked!.thread), 'every later message went to the free thread');
      assert.ok(answers.every((a) => a.holding === 1), 'no thread held more than one message at once');
    } finally {
      await pool.close();
    }
  });

  it('without a cap, sends each message at once to the thread holding the fewest', async () => {
    const pool = new WorkerPool<Job, Answer>(threadModule, 2);
    try {
      const flag = new SharedArrayBuffer(4);
      const answers = await Promise.all(Array.from({ length: 6 }, () => pool.run({ flag })));
      assert.equal(new Set(answers.map((a) => a.thread)).size, 2);
      assert.ok(answers.some((a) => a.holding > 1), 'a thread held several messages');
    } finally {
      await pool.close();
    }
  });
});
