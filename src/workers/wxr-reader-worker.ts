import { parentPort, workerData } from 'node:worker_threads';
import type { SiteImportEvent } from '../app/site-import/site-import-events.js';
import { fileChunks } from '../ingest/file-chunks.js';
import { readWxr } from '../ingest/wxr/read-wxr.js';
import { wxrSiteEvents } from '../ingest/wxr/wxr-site-events.js';
import type { WxrReaderData, WxrReaderMessage } from './wxr-reader-thread.js';

/**
 * Worker thread: reads a WordPress export into site-import events and sends them in messages of
 * `perMessage`, never more than `ahead` messages before the importing thread has taken them.
 */
const { file, readOptions, attachments, perMessage, ahead } = workerData as WxrReaderData;
const port = parentPort!;
let credits = ahead;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
  wake = null;
});
const post = (message: WxrReaderMessage) => port.postMessage(message);

async function send(events: SiteImportEvent[]): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => { wake = resolve; });
  credits--;
  post({ events });
}

try {
  let events: SiteImportEvent[] = [];
  for await (const event of wxrSiteEvents(readWxr(fileChunks(file), readOptions), { attachments })) {
    events.push(event);
    if (events.length < perMessage) continue;
    await send(events);
    events = [];
  }
  if (events.length) await send(events);
  post({ done: true });
} catch (error) {
  post({ error: (error as Error).message ?? String(error) });
}
port.close();
