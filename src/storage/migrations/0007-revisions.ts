import type { Kysely } from 'kysely';

/**
 * The editor's bookkeeping on articles: a version number for optimistic locking, who created the
 * article (authors and contributors may edit only their own), what an unpublished URL answers
 * (410 or a redirect), and every saved revision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('articles').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('articles').addColumn('unpublished_policy', 'text').execute();
  await db.schema.alterTable('articles').addColumn('redirect_to', 'text').execute();

  await db.schema.createTable('article_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text')
    .addColumn('saved_by_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_revisions_article_idx').on('article_revisions').columns(['article_id', 'version']).execute();
}
