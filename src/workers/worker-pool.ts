import type { ResourceLimits, Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.js';

interface Job { resolve(value: unknown): void; reject(error: Error): void }
interface PoolWorker { worker: Worker; jobs: Map<number, Job> }

/**
 * A fixed set of worker threads running one module; each message goes to the thread with the
 * fewest in flight. `moduleUrl` may be a TypeScript file when running from source (see startWorker).
 */
export class WorkerPool<I, O> {
  private readonly workers: PoolWorker[];
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;

  /** `workerData` goes to every thread; `unref` threads do not keep the process alive (a server's readers). */
  constructor(moduleUrl: URL, size: number, private readonly options: { workerData?: unknown; unref?: boolean; resourceLimits?: ResourceLimits } = {}) {
    this.workers = Array.from({ length: size }, () => this.spawn(moduleUrl));
  }

  run(input: I): Promise<O> {
    if (this.failure) return Promise.reject(this.failure);
    const target = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    const id = this.nextId++;
    return new Promise<O>((resolve, reject) => {
      target.jobs.set(id, { resolve: resolve as (value: unknown) => void, reject });
      target.worker.postMessage({ id, ...input });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private spawn(moduleUrl: URL): PoolWorker {
    const worker = startWorker(moduleUrl, this.options.workerData, this.options.resourceLimits);
    if (this.options.unref) worker.unref();
    const entry: PoolWorker = { worker, jobs: new Map() };
    worker.on('message', ({ id, ...output }: { id: number }) => {
      const job = entry.jobs.get(id);
      entry.jobs.delete(id);
      job?.resolve(output);
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const job of entry.jobs.values()) job.reject(error);
      entry.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (code !== 0 && !this.closing) fail(new Error(`a worker thread stopped (exit code ${code})`)); });
    return entry;
  }
}
