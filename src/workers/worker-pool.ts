import type { ResourceLimits, Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.js';

interface Job { resolve(value: unknown): void; reject(error: Error): void }
interface Waiting { id: number; input: unknown; job: Job }
interface PoolWorker { worker: Worker; jobs: Map<number, Job> }

/**
 * A fixed set of worker threads running one module; each message goes to the thread with the
 * fewest in flight, or, when every thread holds `maxInFlight`, waits in the pool's queue for the
 * first thread to answer. `moduleUrl` may be a TypeScript file when running from source (see
 * startWorker).
 */
export class WorkerPool<I, O> {
  private readonly workers: PoolWorker[];
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;
  /** Messages held back while every thread has `maxInFlight`, oldest first. */
  private readonly waiting: Waiting[] = [];

  /**
   * `workerData` goes to every thread; `unref` threads do not keep the process alive (a server's
   * readers). `maxInFlight` caps the messages a thread holds at once; the rest wait here, in one
   * queue, for whichever thread finishes first.
   */
  constructor(moduleUrl: URL, size: number, private readonly options: { workerData?: unknown; unref?: boolean; resourceLimits?: ResourceLimits; maxInFlight?: number } = {}) {
    this.workers = Array.from({ length: size }, () => this.spawn(moduleUrl));
  }

  run(input: I): Promise<O> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<O>((resolve, reject) => {
      const job: Job = { resolve: resolve as (value: unknown) => void, reject };
      const target = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      if (target.jobs.size >= (this.options.maxInFlight ?? Number.POSITIVE_INFINITY)) this.waiting.push({ id, input, job });
      else this.send(target, id, input, job);
    });
  }

  private send(target: PoolWorker, id: number, input: unknown, job: Job): void {
    target.jobs.set(id, job);
    target.worker.postMessage({ id, ...(input as object) });
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const { job } of this.waiting.splice(0)) job.reject(new Error('the worker threads were closed before this message was sent'));
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private spawn(moduleUrl: URL): PoolWorker {
    const worker = startWorker(moduleUrl, this.options.workerData, this.options.resourceLimits);
    if (this.options.unref) worker.unref();
    const entry: PoolWorker = { worker, jobs: new Map() };
    worker.on('message', ({ id, ...output }: { id: number }) => {
      const job = entry.jobs.get(id);
      entry.jobs.delete(id);
      const next = this.waiting.shift();
      if (next) this.send(entry, next.id, next.input, next.job);
      job?.resolve(output);
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const job of entry.jobs.values()) job.reject(error);
      entry.jobs.clear();
      for (const { job } of this.waiting.splice(0)) job.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (code !== 0 && !this.closing) fail(new Error(`a worker thread stopped (exit code ${code})`)); });
    return entry;
  }
}
