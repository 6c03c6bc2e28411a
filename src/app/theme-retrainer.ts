import { isAppError } from '../domain/errors.js';
import type { Instant } from '../domain/ids.js';
import type { Clock } from './ports.js';
import type { RetrainReport, ThemeSuggestionService } from './theme-suggestion-service.js';

export interface ThemeRetrainerOptions {
  /** Quiet time after the last tagging change before training starts: a burst of tagging trains once. */
  quietMs?: number;
  /** Least time between two trainings' starts: a busy desk does not keep a core training all day. */
  minIntervalMs?: number;
  /** The taxonomy whose model is retrained. */
  taxonomy?: string;
  /** A model older than this is retrained after the server starts. */
  staleAfterMs?: number;
}

interface Logger { info(message: string): void; error(message: string, details?: unknown): void }

/**
 * Retrains the theme model as editors tag: each tagging change (ArticleService's
 * `onTaggingChanged`) restarts a quiet timer; when it runs out the model is trained afresh by the
 * service's trainer (a worker thread in the server) and stored, and every node's suggestions use
 * it from their next request. Changes during a training lead to one more training after it.
 */
export class ThemeRetrainer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private dirtySince: Instant | null = null;
  private lastStart = Number.NEGATIVE_INFINITY;
  private started = false;
  private abort: AbortController | null = null;
  private readonly options: Required<ThemeRetrainerOptions>;

  constructor(private readonly deps: { themes: ThemeSuggestionService; clock: Clock; log?: Logger; options?: ThemeRetrainerOptions }) {
    this.options = { quietMs: 60_000, minIntervalMs: 15 * 60_000, taxonomy: 'theme', staleAfterMs: 24 * 3600_000, ...deps.options };
  }

  /** Something the model learns from changed (terms, text or visibility of a tagged article). */
  noteTaggingChanged(): void {
    this.dirtySince ??= this.deps.clock.now();
    if (this.started) this.schedule(this.options.quietMs);
  }

  /**
   * Starts acting on changes (noted before too). A model missing or older than `staleAfterMs`
   * counts as a change: articles tagged by a command or a site import, which this process never
   * saw, are learned after a restart.
   */
  start(): void {
    this.started = true;
    if (this.dirtySince) this.schedule(this.options.quietMs);
    void this.deps.themes.trainedAt(this.options.taxonomy).then((trainedAt) => {
      if (!trainedAt || Date.parse(this.deps.clock.now()) - Date.parse(trainedAt) > this.options.staleAfterMs) this.noteTaggingChanged();
    }, () => undefined);
  }

  /** Stops scheduling and ends a training in progress (the change stays noted for the next start). */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
    await this.running;
  }

  /** Trains now if something changed and no training is running (the timer calls this). */
  async runDue(): Promise<RetrainReport | null> {
    if (this.running || !this.dirtySince) return null;
    const wait = this.lastStart + this.options.minIntervalMs - Date.now();
    if (wait > 0) {
      this.schedule(wait);
      return null;
    }
    const since = this.dirtySince;
    this.dirtySince = null;
    this.lastStart = Date.now();
    let report: RetrainReport | null = null;
    const abort = new AbortController();
    this.abort = abort;
    const training = (async () => {
      try {
        // Another node may have trained after this change; its model already knows it.
        const trainedAt = await this.deps.themes.trainedAt(this.options.taxonomy);
        if (trainedAt && trainedAt >= since) return;
        report = await this.deps.themes.retrain(this.options.taxonomy, { signal: abort.signal });
        this.deps.log?.info(`Theme model retrained on ${report.examples} articles (${report.labels} themes) in ${report.ms} ms.`);
      } catch (error) {
        this.dirtySince ??= since;
        if (abort.signal.aborted) return;
        // A site without the taxonomy has nothing to train; anything else is retried on the next change.
        if (!isAppError(error, 'TAXONOMY_NOT_FOUND')) this.deps.log?.error('Retraining the theme model failed; it will be tried again later.', error);
      }
    })();
    this.running = training;
    await training;
    this.running = null;
    this.abort = null;
    if (this.dirtySince && this.started) this.schedule(this.options.quietMs);
    return report;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runDue(), ms);
    // Pending training must not keep a finished command alive.
    this.timer.unref();
  }
}
