import type { SearchQuery, SearchResults } from '../app/ports.js';
import { siblingModule } from './start-worker.js';
import { WorkerPool } from './worker-pool.js';

/**
 * Searches of a SQLite site answered on worker threads, each with a read-only connection (WAL
 * lets them read while the main connection writes). A search is mostly SQLite time; on the one
 * event loop ten concurrent searches queued behind each other, here they run on every core and
 * the main thread only renders. The threads start with the first search and do not keep the
 * process alive.
 *
 * Each thread is handed one search at a time; the others wait in the pool's one queue for the
 * first thread to finish. Handed out at once, to the thread with the fewest, a search could wait
 * behind several in one thread while the other had finished its own, and how long it waited
 * depended on where it landed: at 100,000 articles under the bench's ten connections the 95th
 * percentile was 1.71–1.75 times the mean latency, against 1.47–1.52 with one at a time (three
 * runs each, alternating, the same throughput within the machine's noise).
 */
export class SearchThreadPool {
  private pool: WorkerPool<{ query: SearchQuery }, { results?: SearchResults; error?: string }> | null = null;

  constructor(private readonly options: { sqlitePath: string; threads: number }) {}

  async search(query: SearchQuery): Promise<SearchResults> {
    if (!this.pool) {
      this.pool = new WorkerPool(siblingModule('search-worker', import.meta.url), this.options.threads, { workerData: { sqlitePath: this.options.sqlitePath }, unref: true, maxInFlight: 1 });
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

/**
 * Search threads when `SEARCH_THREADS` is not set: one more than the cores, up to four. A thread
 * handed one search at a time idles while its answer goes through the main thread and the next
 * search comes back; the extra thread fills those gaps. On two cores at 100,000 articles (seven
 * alternating pairs of runs), three threads answered 921 searches a second on average against
 * 838 for two, with a 95th percentile of 17.3 against 17.9 ms.
 */
export function defaultSearchThreads(cores: number): number {
  return Math.min(4, Math.max(1, cores) + 1);
}
