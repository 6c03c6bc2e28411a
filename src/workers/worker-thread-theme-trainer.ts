import type { ThemeTrainer, TrainedThemeModel } from '../app/theme-suggestion-service.js';
import type { ThemeModel, TrainingExample } from '../intelligence/themes/index.js';
import { siblingModule, startWorker } from './start-worker.js';

const entry = siblingModule('theme-training-thread', import.meta.url);

/**
 * Trains theme models in a worker thread, one thread per training (a training is minutes at
 * 100,000 articles and rare, so a pool would only hold memory).
 */
export const workerThreadThemeTrainer: ThemeTrainer = {
  train(examples: readonly TrainingExample[], options: { signal?: AbortSignal } = {}): Promise<TrainedThemeModel> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(new Error('The training was stopped before it began.'));
      const worker = startWorker(entry);
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        fn();
        void worker.terminate();
      };
      worker.once('message', (reply: { ok: true; model: string } | { ok: false; message: string }) => settle(() => {
        // The JSON was just written by trainThemeModel in the thread: read back without a second validation.
        if (reply.ok) resolve({ model: JSON.parse(reply.model) as ThemeModel, json: reply.model });
        else reject(new Error(`Training the theme model failed: ${reply.message}`));
      }));
      worker.once('error', (error) => settle(() => reject(error)));
      worker.once('exit', (code) => settle(() => reject(new Error(`The training thread stopped (exit code ${code}) before it returned a model.`))));
      // Stopping the server ends a training of minutes at once rather than waiting for it.
      options.signal?.addEventListener('abort', () => settle(() => reject(new Error('The training was stopped.'))), { once: true });
      worker.postMessage(examples);
    });
  },
};
