import type { SearchCompaction, SearchIndex } from './ports.js';

/** First check after the server starts: late enough not to slow its first requests. */
const FIRST_CHECK_MS = 60_000;
/** Then a check every quarter of an hour; one that finds nothing to merge costs a few small reads. */
const CHECK_EVERY_MS = 15 * 60_000;

export interface SearchMaintenanceOptions {
  search: Pick<SearchIndex, 'compact'>;
  log: Pick<Console, 'info' | 'error'>;
  firstCheckMs?: number;
  checkEveryMs?: number;
}

/**
 * Keeps a running site's search index compact: every write adds to the fragments a search reads
 * (SQLite FTS5 segments), and an import or a busy newsroom leaves dozens. The server checks soon
 * after it starts and then periodically, and merges in short steps while it goes on serving
 * (SearchIndex.compact). On PostgreSQL the check does nothing. Runs are never concurrent; `stop`
 * ends a merge between two steps (what was merged stays merged).
 */
export class SearchMaintenance {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SearchCompaction | null> | null = null;
  private abort = new AbortController();

  constructor(private readonly options: SearchMaintenanceOptions) {}

  start(): void {
    if (this.timer) return;
    this.abort = new AbortController();
    this.schedule(this.options.firstCheckMs ?? FIRST_CHECK_MS);
  }

  /** Checks and merges now (the server's timer, or an operator's command); resolves to null when stopped midway. */
  runOnce(): Promise<SearchCompaction | null> {
    this.running ??= this.compact().finally(() => { this.running = null; });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
    await this.running;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      void this.runOnce().then(() => {
        if (this.timer && !this.abort.signal.aborted) this.schedule(this.options.checkEveryMs ?? CHECK_EVERY_MS);
      });
    }, ms);
    this.timer.unref();
  }

  private async compact(): Promise<SearchCompaction | null> {
    const started = performance.now();
    try {
      const done = await this.options.search.compact({ signal: this.abort.signal });
      if (done.steps > 0) {
        this.options.log.info(`Search index compacted: ${done.segmentsBefore} segments merged into ${done.segmentsAfter} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      }
      return done;
    } catch (error) {
      if (this.abort.signal.aborted) return null;
      this.options.log.error('Compacting the search index failed; the next check will try again.', error);
      return null;
    }
  }
}
