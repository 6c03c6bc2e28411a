import type { SearchQuery, SearchResults } from '../app/ports.js';
import { siblingModule } from './start-worker.js';
import { WorkerPool } from './worker-pool.js';

/**
 * Searches of a SQLite site answered on worker threads, each with a read-only connection (WAL
 * lets them read while the main connection writes). A search is mostly SQLite time; on the one
 * event loop ten concurrent searches queued behind each other, here they run on every core and
 * the main thread only renders. The threads start with the first search and do not keep the
 * process alive.
 */
export class SearchThreadPool {
  private pool: WorkerPool<{ query: SearchQuery }, { results?: SearchResults; error?: string }> | null = null;

  constructor(private readonly options: { sqlitePath: string; threads: number }) {}

  async search(query: SearchQuery): Promise<SearchResults> {
    if (!this.pool) {
      this.pool = new WorkerPool(siblingModule('search-worker', import.meta.url), this.options.threads, { workerData: { sqlitePath: this.options.sqlitePath }, unref: true });
    }
    let answer: { results?: SearchResults; error?: string };
    try {
      answer = await this.pool.run({ query });
    } catch (error) {
      // A thread died (out of memory, a native fault): start afresh with the next search.
      const broken = this.pool;
      this.pool = null;
      await broken.close().catch(() => undefined);
      throw error;
    }
    if (answer.error !== undefined) throw new Error(`Search failed: ${answer.error}`);
    return answer.results!;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
