import type { Article } from '../domain/article.js';
import type { ArticleId, IdGenerator, Instant } from '../domain/ids.js';
import type { ClaimedAnalysis } from './analysis-ports.js';
import type { ArticleAnalysisService } from './article-analysis.js';
import type { Clock, Store } from './ports.js';
import type { QuoteService } from './quote-service.js';
import type { WireDuplicateService } from './wire-duplicate-service.js';

export interface AnalysisWorkerOptions {
  /** How long a claim holds; an item whose worker died is claimed again after it. */
  leaseMs?: number;
  /** Items claimed at once. */
  batch?: number;
  /** Pause between polls when the queue is empty (a local enqueue wakes the worker at once). */
  idleMs?: number;
  /** Claims of one item before it is given up on (kept, with its error, for `--retry-failed`). */
  maxAttempts?: number;
}

export interface DrainReport {
  analysed: ArticleId[];
  /** Changed again while being analysed: given back, analysed afresh on the next claim. */
  superseded: number;
  /** Claims that lapsed (lease ran out) and went to another worker: their results were dropped. */
  lost: number;
  failed: { articleId: ArticleId; error: string; givenUp: boolean }[];
}

interface Logger { error(message: string, details?: unknown): void }

const empty = (): DrainReport => ({ analysed: [], superseded: 0, lost: 0, failed: [] });
const later = (now: Instant, ms: number) => new Date(Date.parse(now) + ms).toISOString() as Instant;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Drains the analysis queue in the background: claims a few articles, analyses each (quotes with
 * their speakers, people, the wire fingerprint, the stored suggestions) outside any transaction,
 * then writes the results and removes the queue row in one transaction, but only if the claim
 * still stands. Re-analysing replaces what was stored, so running an item twice is harmless.
 */
export class AnalysisWorker {
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly options: Required<AnalysisWorkerOptions>;

  constructor(private readonly deps: {
    store: Store; clock: Clock; newId: IdGenerator; analysis: ArticleAnalysisService; quotes: QuoteService; duplicates: WireDuplicateService;
    log?: Logger; options?: AnalysisWorkerOptions;
  }) {
    this.options = { leaseMs: 5 * 60_000, batch: 10, idleMs: 5_000, maxAttempts: 5, ...deps.options };
  }

  /** Claims one batch and analyses it. */
  async runBatch(limit = this.options.batch): Promise<DrainReport & { claimed: number }> {
    const { store, clock, newId } = this.deps;
    const now = clock.now();
    const claims = await store.analysisQueue.claim(newId(), now, later(now, this.options.leaseMs), limit);
    const report = empty();
    for (const claim of claims) {
      await this.process(claim, report);
      // Each analysis is a few milliseconds of CPU: requests get their turn in between.
      await yieldToEventLoop();
    }
    return { ...report, claimed: claims.length };
  }

  /** Analyses until nothing is available (for `dateline analyze --pending` and tests). */
  async drain(): Promise<DrainReport> {
    const total = empty();
    for (;;) {
      const { claimed, ...batch } = await this.runBatch();
      total.analysed.push(...batch.analysed);
      total.failed.push(...batch.failed);
      total.superseded += batch.superseded;
      total.lost += batch.lost;
      if (claimed === 0) return total;
    }
  }

  /** Starts draining in the background; a committed enqueue on this node wakes it at once. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.unsubscribe = this.deps.analysis.onEnqueued(() => this.wakeUp?.());
    this.loop = this.run();
  }

  /** Stops after the item in hand; what is left stays queued for the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        claimed = (await this.runBatch()).claimed;
      } catch (error) {
        this.deps.log?.error('The analysis worker could not read its queue; it will try again.', error);
      }
      if (claimed === 0 && !this.stopping) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, this.options.idleMs);
      // The worker must not keep a finished command alive.
      timer.unref();
      this.wakeUp = done;
    });
  }

  private async process(claim: ClaimedAnalysis, report: DrainReport): Promise<void> {
    const { store, clock, quotes, duplicates } = this.deps;
    try {
      // Deleting an article deletes its queue row too, so a missing article is one deleted since the claim.
      const article = await store.articles.getById(claim.articleId);
      if (!article) return;
      if (claim.attempts > this.options.maxAttempts) throw new Error(`Gave up after ${this.options.maxAttempts} attempts.`);
      const prepared = await this.prepare(article);
      const standing = await store.transaction(async (tx) => {
        const now = await tx.analysisQueue.standing(claim);
        if (now === 'superseded') await tx.analysisQueue.release(claim);
        if (now !== 'current') return now;
        await quotes.replace(article, prepared.quotes, tx);
        if (!prepared.fingerprinted) await duplicates.record(article, tx);
        await tx.analyses.put({ articleId: article.id, analysis: JSON.stringify(prepared.stored), analysedAt: clock.now() });
        await tx.analysisQueue.complete(claim);
        return now;
      });
      if (standing === 'current') report.analysed.push(article.id);
      else if (standing === 'superseded') report.superseded += 1;
      else report.lost += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const givenUp = claim.attempts >= this.options.maxAttempts;
      // Back off 30 s, 1, 2, 4 minutes…: a fault that passes (a restarting database) is retried, a bad article stops costing.
      const retryAt = givenUp ? null : later(clock.now(), 30_000 * 2 ** (claim.attempts - 1));
      this.deps.log?.error(`Analysing article ${claim.articleId} failed${givenUp ? '; gave up' : `; retrying at ${retryAt}`}.`, error);
      await store.analysisQueue.fail(claim, message, retryAt).catch(() => undefined);
      report.failed.push({ articleId: claim.articleId, error: message, givenUp });
    }
  }

  private async prepare(article: Article) {
    const { analysis, quotes, duplicates } = this.deps;
    return {
      stored: await analysis.analyseForStorage(article),
      quotes: quotes.find(article),
      fingerprinted: await duplicates.isRecorded(article),
    };
  }
}
