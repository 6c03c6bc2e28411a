import type { ArticleId, Instant } from '../domain/ids.js';

/** An article claimed from the analysis queue by one worker until `leaseUntil`. */
export interface ClaimedAnalysis {
  articleId: ArticleId;
  /** The enqueue this claim answers; a later enqueue (the body changed again) bumps it. */
  generation: number;
  /** Claims made so far, this one included. */
  attempts: number;
  claimToken: string;
}

/** Whether a claim still stands when its results are about to be written. */
export type ClaimStanding = 'current' | 'superseded' | 'lost';

/**
 * The durable queue of articles to analyse. Rows are written in the transaction of the article
 * change; claims are leases, so an item whose worker died is claimed again once its lease ends.
 */
export interface AnalysisQueueRepository {
  /** Adds the articles, or bumps the generation of those already waiting (their claims stay). */
  enqueue(articleIds: readonly ArticleId[], now: Instant): Promise<void>;
  /**
   * Claims up to `limit` available items not leased by anyone else; on engines with several
   * writers, rows another worker is claiming are skipped rather than waited for.
   */
  claim(claimToken: string, now: Instant, leaseUntil: Instant, limit: number): Promise<ClaimedAnalysis[]>;
  /** Locks the row for the rest of the transaction and says whether the claim still stands. */
  standing(claim: ClaimedAnalysis): Promise<ClaimStanding>;
  /** Removes the item: its analysis is stored. Call after `standing` said 'current', in that transaction. */
  complete(claim: ClaimedAnalysis): Promise<void>;
  /** Gives the item back unanalysed (superseded by a newer enqueue): claimable at once. */
  release(claim: ClaimedAnalysis): Promise<void>;
  /** Records a failure: retried at `retryAt`, or never (null) until retried by hand. */
  fail(claim: ClaimedAnalysis, error: string, retryAt: Instant | null): Promise<void>;
  /** Items given up on become available again. Returns how many. */
  retryFailed(now: Instant): Promise<number>;
  counts(): Promise<{ waiting: number; failed: number }>;
}

/** An article's analysis as the worker stored it (JSON of `StoredArticleAnalysis`). */
export interface StoredAnalysisRow {
  articleId: ArticleId;
  analysis: string;
  analysedAt: Instant;
}

export interface ArticleAnalysisRepository {
  put(row: StoredAnalysisRow): Promise<void>;
  listForArticles(articleIds: readonly ArticleId[]): Promise<StoredAnalysisRow[]>;
}
