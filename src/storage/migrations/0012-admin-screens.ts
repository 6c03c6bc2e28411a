import type { Kysely } from 'kysely';

/**
 * The back office's management screens: redirects an editor chooses answer 301, 302 or 410
 * (`status`; null on older rows keeps their meaning: 301, or 410 without a target), and who
 * has which article open, shared by every app node on the same database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('redirects').addColumn('status', 'integer').execute();
  await db.schema.createIndex('redirects_to_path_idx').on('redirects').column('to_path').execute();

  await db.schema.createTable('editor_presence')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('editor_presence_pk', ['article_id', 'user_id'])
    .execute();
  await db.schema.createIndex('editor_presence_expires_idx').on('editor_presence').column('expires_at').execute();
}
