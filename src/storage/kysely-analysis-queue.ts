import type { Kysely } from 'kysely';
import type { AnalysisQueueRepository, ArticleAnalysisRepository, ClaimedAnalysis, ClaimStanding, StoredAnalysisRow } from '../app/analysis-ports.js';
import type { ArticleId, Instant } from '../domain/ids.js';
import type { Database } from './schema.js';

/** Enqueues in slices, so a bulk import's thousands of ids stay under every engine's parameter limit. */
const SLICE = 500;

/**
 * The analysis queue over Kysely. A claim is one UPDATE … RETURNING over the oldest available
 * rows: atomic on SQLite (one writer at a time), and with `FOR UPDATE SKIP LOCKED` in its
 * sub-select where several writers share the database, so concurrent workers take disjoint rows.
 */
export class KyselyAnalysisQueue implements AnalysisQueueRepository {
  constructor(private readonly db: Kysely<Database>, private readonly rowLocks: boolean) {}

  async enqueue(articleIds: readonly ArticleId[], now: Instant): Promise<void> {
    const ids = [...new Set(articleIds)];
    for (let i = 0; i < ids.length; i += SLICE) {
      await this.db.insertInto('analysis_queue')
        .values(ids.slice(i, i + SLICE).map((id) => ({ article_id: id, generation: 1, enqueued_at: now, available_at: now, attempts: 0, claim_token: null, lease_until: null, last_error: null })))
        .onConflict((oc) => oc.column('article_id').doUpdateSet((eb) => ({
          generation: eb('analysis_queue.generation', '+', 1), enqueued_at: now, available_at: now, attempts: 0, last_error: null,
        })))
        .execute();
    }
  }

  async claim(claimToken: string, now: Instant, leaseUntil: Instant, limit: number): Promise<ClaimedAnalysis[]> {
    let available = this.db.selectFrom('analysis_queue').select('article_id')
      .where('available_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('available_at').orderBy('article_id').limit(limit);
    if (this.rowLocks) available = available.forUpdate().skipLocked();
    const rows = await this.db.updateTable('analysis_queue')
      .set((eb) => ({ claim_token: claimToken, lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('article_id', 'in', available)
      .returning(['article_id', 'generation', 'attempts'])
      .execute();
    return rows.map((r) => ({ articleId: r.article_id as ArticleId, generation: Number(r.generation), attempts: Number(r.attempts), claimToken }))
      .sort((a, b) => a.articleId.localeCompare(b.articleId));
  }

  async standing(claim: ClaimedAnalysis): Promise<ClaimStanding> {
    let query = this.db.selectFrom('analysis_queue').select(['generation', 'claim_token']).where('article_id', '=', claim.articleId);
    if (this.rowLocks) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row || row.claim_token !== claim.claimToken) return 'lost';
    return Number(row.generation) === claim.generation ? 'current' : 'superseded';
  }

  async complete(claim: ClaimedAnalysis): Promise<void> {
    await this.db.deleteFrom('analysis_queue').where('article_id', '=', claim.articleId).where('claim_token', '=', claim.claimToken)
      .where('generation', '=', claim.generation).execute();
  }

  async release(claim: ClaimedAnalysis): Promise<void> {
    await this.db.updateTable('analysis_queue').set({ claim_token: null, lease_until: null })
      .where('article_id', '=', claim.articleId).where('claim_token', '=', claim.claimToken).execute();
  }

  async fail(claim: ClaimedAnalysis, error: string, retryAt: Instant | null): Promise<void> {
    await this.db.updateTable('analysis_queue').set({ claim_token: null, lease_until: null, available_at: retryAt, last_error: error.slice(0, 2000) })
      .where('article_id', '=', claim.articleId).where('claim_token', '=', claim.claimToken).execute();
  }

  async retryFailed(now: Instant): Promise<number> {
    const result = await this.db.updateTable('analysis_queue').set({ available_at: now, attempts: 0 }).where('available_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async counts(): Promise<{ waiting: number; failed: number }> {
    const rows = await this.db.selectFrom('analysis_queue')
      .select((eb) => [eb.case().when('available_at', 'is', null).then(1).else(0).end().as('failed'), eb.fn.countAll<number>().as('n')])
      .groupBy('failed').execute();
    const count = (failed: number) => Number(rows.find((r) => Number(r.failed) === failed)?.n ?? 0);
    return { waiting: count(0), failed: count(1) };
  }
}

/** Stored analyses, one row per article, replaced on every analysis. */
export class KyselyArticleAnalysisRepository implements ArticleAnalysisRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async put(row: StoredAnalysisRow): Promise<void> {
    const values = { analysis: row.analysis, analysed_at: row.analysedAt };
    await this.db.insertInto('article_analyses').values({ article_id: row.articleId, ...values })
      .onConflict((oc) => oc.column('article_id').doUpdateSet(values)).execute();
  }

  async listForArticles(articleIds: readonly ArticleId[]): Promise<StoredAnalysisRow[]> {
    if (articleIds.length === 0) return [];
    const rows = await this.db.selectFrom('article_analyses').selectAll().where('article_id', 'in', [...articleIds]).execute();
    return rows.map((r) => ({ articleId: r.article_id as ArticleId, analysis: r.analysis, analysedAt: r.analysed_at as Instant }));
  }
}
