import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SearchCompaction, SearchCompactOptions } from './ports.js';
import { SearchMaintenance } from './search-maintenance.js';

/** A search index whose compact() reports what it is told (after `gate`, when given) and records how it was called. */
function fakeSearch(results: (SearchCompaction | Error)[], gate?: Promise<void>) {
  const calls: SearchCompactOptions[] = [];
  return {
    calls,
    search: {
      async compact(options: SearchCompactOptions = {}): Promise<SearchCompaction> {
        calls.push(options);
        const result = results.shift() ?? { segmentsBefore: 4, segmentsAfter: 4, steps: 0 };
        await gate;
        options.signal?.throwIfAborted();
        if (result instanceof Error) throw result;
        return result;
      },
    },
  };
}

function recordingLog() {
  const lines: { level: 'info' | 'error'; text: string }[] = [];
  return { lines, log: { info: (text: string) => lines.push({ level: 'info', text }), error: (text: string) => lines.push({ level: 'error', text }) } };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SearchMaintenance', () => {
  it('checks after start and again on its interval, and says when it merged', async () => {
    const fake = fakeSearch([{ segmentsBefore: 52, segmentsAfter: 4, steps: 240 }]);
    const { lines, log } = recordingLog();
    const maintenance = new SearchMaintenance({ search: fake.search, log, firstCheckMs: 1, checkEveryMs: 5 });
    maintenance.start();
    for (let i = 0; i < 100 && fake.calls.length < 3; i++) await tick(5);
    await maintenance.stop();
    assert.ok(fake.calls.length >= 3, `checked ${fake.calls.length} times`);
    assert.equal(lines.length, 1, 'only the check that merged is logged');
    assert.match(lines[0]!.text, /^Search index compacted: 52 segments merged into 4 in \d+\.\d s\.$/);
  });

  it('logs a failure and keeps checking', async () => {
    const fake = fakeSearch([new Error('database is locked')]);
    const { lines, log } = recordingLog();
    const maintenance = new SearchMaintenance({ search: fake.search, log, firstCheckMs: 1, checkEveryMs: 1 });
    maintenance.start();
    for (let i = 0; i < 100 && fake.calls.length < 2; i++) await tick(5);
    await maintenance.stop();
    assert.ok(fake.calls.length >= 2);
    assert.deepEqual(lines.map((l) => l.level), ['error']);
    assert.match(lines[0]!.text, /next check will try again/);
  });

  it('runs one compaction at a time, and stop() ends the one under way', async () => {
    let open!: () => void;
    const fake = fakeSearch([{ segmentsBefore: 30, segmentsAfter: 4, steps: 100 }], new Promise<void>((resolve) => { open = resolve; }));
    const { lines, log } = recordingLog();
    const maintenance = new SearchMaintenance({ search: fake.search, log, firstCheckMs: 60_000 });
    const first = maintenance.runOnce();
    const second = maintenance.runOnce();
    assert.equal(first, second, 'a second request joins the run under way');
    const stopping = maintenance.stop();
    open();
    await stopping;
    assert.equal(await first, null, 'stopped midway');
    assert.equal(fake.calls.length, 1);
    assert.equal(fake.calls[0]!.signal?.aborted, true);
    assert.deepEqual(lines, [], 'a stop is not an error');
  });
});
