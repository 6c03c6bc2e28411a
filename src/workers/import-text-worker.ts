import { parentPort } from 'node:worker_threads';
import type { ImportTextInput } from '../app/site-import/import-text.js';
import { prepareImportText } from './import-text.js';

/** Worker thread: prepares each message's articles and answers with the same id. */
parentPort!.on('message', ({ id, inputs }: { id: number; inputs: ImportTextInput[] }) => {
  parentPort!.postMessage({ id, results: inputs.map(prepareImportText) });
});
