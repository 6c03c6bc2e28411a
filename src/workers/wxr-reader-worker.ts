import { parentPort, workerData } from 'node:worker_threads';
import type { SiteImportEvent } from '../app/site-import/site-import-events.js';
import { fileBytes } from '../ingest/file-bytes.js';
import { readWxr, type ReadWxrOptions } from '../ingest/wxr/read-wxr.js';
import type { WxrScan } from '../ingest/wxr/scan-wxr.js';
import { wxrSiteEvents } from '../ingest/wxr/wxr-site-events.js';
import { EVENTS_PER_MESSAGE, TEXT_PER_MESSAGE, textLengthOf } from './wxr-reader-limits.js';

/**
 * Worker thread: reads a WordPress export and turns it into site-import events, handing them over
 * in chunks as the importing thread asks for them (so it never reads far ahead of the writes).
 */
const { file, scan, options } = workerData as { file: string; scan: WxrScan; options: ReadWxrOptions };
const events = wxrSiteEvents(readWxr(fileBytes(file), options), scan)[Symbol.asyncIterator]();

async function nextChunk(): Promise<{ events: SiteImportEvent[]; done: boolean }> {
  const chunk: SiteImportEvent[] = [];
  let text = 0;
  while (chunk.length < EVENTS_PER_MESSAGE && text < TEXT_PER_MESSAGE) {
    const next = await events.next();
    if (next.done) return { events: chunk, done: true };
    chunk.push(next.value);
    text += textLengthOf(next.value);
  }
  return { events: chunk, done: false };
}

// Requests are answered one after the other: the reader is one stream.
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', ({ id }: { id: number }) => {
  queue = queue.then(() => nextChunk().then(
    (answer) => parentPort!.postMessage({ id, ...answer }),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  ));
});
