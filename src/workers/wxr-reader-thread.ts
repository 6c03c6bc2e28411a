import type { SiteImportEvent } from '../app/site-import/site-import-events.js';
import type { ReadWxrOptions } from '../ingest/wxr/read-wxr.js';
import type { WxrScan } from '../ingest/wxr/scan-wxr.js';
import { siblingModule, startWorker, STREAMING_THREAD_LIMITS } from './start-worker.js';

/** What the reading thread is started with. */
export interface WxrReaderData {
  file: string;
  readOptions: ReadWxrOptions;
  attachments: WxrScan['attachments'];
  perMessage: number;
  ahead: number;
}

export type WxrReaderMessage = { events: SiteImportEvent[] } | { done: true } | { error: string };

/** Events per message: the copy between threads costs little per event, and a message is a small part of a batch. */
const PER_MESSAGE = 50;
/** Messages the reader may send before the importer has taken them: a few batches' worth, a few MB at most. */
const AHEAD = 8;

/**
 * The site-import events of a WordPress export (as `wxrSiteEvents(readWxr(…))` yields them), read
 * on a thread of its own. Parsing the XML is a fifth of an import's work; on the writing thread it
 * held up the writes, on its own thread it runs beside them. The thread stops when the events are
 * all taken or the caller stops early.
 */
export async function* wxrEventsOnThread(file: string, readOptions: ReadWxrOptions, scan: Pick<WxrScan, 'attachments'>): AsyncGenerator<SiteImportEvent> {
  const data: WxrReaderData = { file, readOptions, attachments: scan.attachments, perMessage: PER_MESSAGE, ahead: AHEAD };
  const worker = startWorker(siblingModule('wxr-reader-worker', import.meta.url), data, STREAMING_THREAD_LIMITS);
  const inbox: WxrReaderMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const nudge = () => { wake?.(); wake = null; };
  worker.on('message', (message: WxrReaderMessage) => { inbox.push(message); nudge(); });
  worker.on('error', (error) => { failure ??= error; nudge(); });
  worker.on('exit', () => { exited = true; nudge(); });
  try {
    for (;;) {
      while (!inbox.length) {
        if (failure) throw failure;
        if (exited) throw new Error('the thread reading the export stopped before the end of the file');
        await new Promise<void>((resolve) => { wake = resolve; });
      }
      const message = inbox.shift()!;
      if ('error' in message) throw new Error(`reading the export failed: ${message.error}`);
      if ('done' in message) return;
      worker.postMessage(null); // one more message may come
      yield* message.events;
    }
  } finally {
    await worker.terminate();
  }
}
