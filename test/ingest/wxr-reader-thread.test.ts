import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import type { SiteImportEvent } from '../../src/app/site-import/site-import-events.js';
import { fileBytes } from '../../src/ingest/file-bytes.js';
import { readWxr } from '../../src/ingest/wxr/read-wxr.js';
import { scanWxr } from '../../src/ingest/wxr/scan-wxr.js';
import { wxrSiteEvents } from '../../src/ingest/wxr/wxr-site-events.js';
import { EVENTS_PER_MESSAGE } from '../../src/workers/wxr-reader-limits.js';
import { wxrEventsOnThread } from '../../src/workers/wxr-reader-thread.js';
import { writeWxr } from '../../bench/wxr-generator.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/wxr/', import.meta.url));
const corpusFiles = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(corpus, f));

async function collect(events: AsyncIterable<SiteImportEvent>): Promise<SiteImportEvent[]> {
  const out: SiteImportEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

/** The events as the import read them before the reader thread: in the importing thread. */
async function inProcess(file: string): Promise<SiteImportEvent[]> {
  return collect(wxrSiteEvents(readWxr(fileBytes(file)), await scanWxr(fileBytes(file))));
}

describe('reading a WordPress export on a thread of its own', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-wxr-thread-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('yields exactly the events of the in-process reader, across many messages', async () => {
    const file = path.join(dir, 'generated.xml');
    await writeWxr(file, { posts: EVENTS_PER_MESSAGE * 3 + 17, commentsPerPost: 2, seed: 3 });
    const expected = await inProcess(file);
    assert.ok(expected.length > EVENTS_PER_MESSAGE * 3);
    assert.deepEqual(await collect(wxrEventsOnThread(file, await scanWxr(fileBytes(file)))), expected);
  });

  it('yields the same events for every corpus export, fatal errors of broken files included', async () => {
    assert.ok(corpusFiles.length > 10);
    let fatal = 0;
    for (const file of corpusFiles) {
      const expected = await inProcess(file);
      fatal += expected.filter((e) => e.type === 'fatal').length;
      assert.deepEqual(await collect(wxrEventsOnThread(file, await scanWxr(fileBytes(file)))), expected, file);
    }
    assert.ok(fatal > 0, 'the corpus has broken files, whose fatal event must come through');
  });

  it('stops its thread when the importer stops reading early', async () => {
    const file = path.join(dir, 'stopped.xml');
    await writeWxr(file, { posts: EVENTS_PER_MESSAGE * 4, commentsPerPost: 1, seed: 5 });
    let seen = 0;
    for await (const _event of wxrEventsOnThread(file, await scanWxr(fileBytes(file)))) {
      if (++seen === 3) break;
    }
    // A thread left running would keep this test file's process from ending.
    assert.equal(seen, 3);
  });

  it('reports a file that vanished between the scan and the read as a failed read', async () => {
    const file = path.join(dir, 'vanishing.xml');
    await writeWxr(file, { posts: 5, commentsPerPost: 0, seed: 9 });
    const scan = await scanWxr(fileBytes(file));
    rmSync(file);
    await assert.rejects(collect(wxrEventsOnThread(file, scan)), /Reading .*vanishing\.xml failed: .*ENOENT/);
  });
});
