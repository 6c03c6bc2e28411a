import type { Kysely } from 'kysely';

/**
 * The durable analysis queue (one row per article waiting to be analysed, written in the same
 * transaction as the article change) and each article's stored analysis, so pages read results
 * instead of analysing while they render.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('analysis_queue')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    // Bumped by every enqueue: a worker that analysed an older generation must not delete the row.
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('enqueued_at', 'text', (c) => c.notNull())
    // Null once the item has failed too often; `dateline analyze --pending --retry-failed` brings it back.
    .addColumn('available_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('claim_token', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('analysis_queue_available_idx').on('analysis_queue').columns(['available_at', 'article_id']).execute();

  await db.schema.createTable('article_analyses')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('analysis', 'text', (c) => c.notNull())
    .addColumn('analysed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_analyses').execute();
  await db.schema.dropTable('analysis_queue').execute();
}
