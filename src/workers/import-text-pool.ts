import { availableParallelism } from 'node:os';
import type { ImportText, ImportTextInput, ImportTextPreparer, ImportTextPreparers } from '../app/site-import/import-text.js';
import { chunksOf } from '../domain/chunks.js';
import { prepareImportText } from './import-text.js';
import { siblingModule, STREAMING_THREAD_LIMITS } from './start-worker.js';
import { WorkerPool } from './worker-pool.js';

/** Articles per message: enough to make the copy between threads cheap per article, few enough to spread a batch over the threads. */
const PER_MESSAGE = 25;

/**
 * Import text preparation on worker threads (sanitize-html and text extraction are the costly part
 * of an import), so the writing thread parses the export and writes while the threads prepare the
 * next batches. `threads: 0` prepares inline (for a machine with one core). By default one thread
 * per core but the writer's, at least one and at most four (on two cores: the writer and one
 * preparer).
 */
export class ImportTextPool implements ImportTextPreparers {
  private readonly threads: number;

  constructor(options: { threads?: number | null } = {}) {
    this.threads = options.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  }

  open(): ImportTextPreparer {
    if (this.threads === 0) return { prepare: async (inputs) => inputs.map(prepareImportText), close: async () => undefined };
    const pool = new WorkerPool<{ inputs: readonly ImportTextInput[] }, { results: ImportText[] }>(siblingModule('import-text-worker', import.meta.url), this.threads, { resourceLimits: STREAMING_THREAD_LIMITS });
    return {
      async prepare(inputs) {
        const parts = await Promise.all(chunksOf(inputs, PER_MESSAGE).map((chunk) => pool.run({ inputs: chunk })));
        return parts.flatMap((p) => p.results);
      },
      close: () => pool.close(),
    };
  }
}
