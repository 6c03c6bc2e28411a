import type { SiteImportEvent } from '../app/site-import/site-import-events.js';
import type { ReadWxrOptions } from '../ingest/wxr/read-wxr.js';
import type { WxrScan } from '../ingest/wxr/scan-wxr.js';
import { WorkerPool } from './worker-pool.js';

type Answer = { events?: SiteImportEvent[]; done?: boolean; error?: string };

/**
 * The site-import events of a WordPress export, read on a thread of their own: parsing the XML
 * was a fifth of the importing thread's time, which writing the database needs whole. One chunk
 * is read ahead while the one before is written, no more, so memory stays bounded by two chunks.
 */
export async function* wxrEventsOnThread(file: string, scan: WxrScan, options: ReadWxrOptions = {}): AsyncGenerator<SiteImportEvent> {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const reader = new WorkerPool<Record<string, never>, Answer>(new URL(`./wxr-reader-worker.${extension}`, import.meta.url), 1, { workerData: { file, scan, options } });
  try {
    let next = reader.run({});
    for (;;) {
      const answer = await next;
      if (answer.error !== undefined) throw new Error(`Reading ${file} failed: ${answer.error}`);
      if (!answer.done) next = reader.run({});
      yield* answer.events ?? [];
      if (answer.done) return;
    }
  } finally {
    await reader.close();
  }
}
