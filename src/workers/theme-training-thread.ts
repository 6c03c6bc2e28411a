// Entry of the worker thread that trains a theme model: examples in, serialised model out, so a
// training of minutes never holds the server's event loop.
import { parentPort } from 'node:worker_threads';
import { serialiseThemeModel, trainThemeModel, type TrainingExample } from '../intelligence/themes/index.js';

parentPort?.once('message', (examples: TrainingExample[]) => {
  try {
    parentPort!.postMessage({ ok: true, model: serialiseThemeModel(trainThemeModel(examples)) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
