import type { Kysely } from 'kysely';

/** Comments, redirects from old addresses, and the checkpoints that make site imports resumable. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // No foreign key on the parent: an import may write a reply before the comment it answers.
    .addColumn('parent_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('comment'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text')
    .addColumn('author_url', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('origin_key', 'text')
    .execute();
  await db.schema.createIndex('comments_article_idx').on('comments').columns(['article_id', 'created_at']).execute();

  await db.schema.createTable('redirects')
    .addColumn('from_path', 'text', (c) => c.primaryKey())
    // Null means the page is gone for good (410).
    .addColumn('to_path', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('summary', 'text')
    .execute();
  await db.schema.createIndex('import_runs_file_idx').on('import_runs').columns(['file_hash', 'state']).execute();

  await db.schema.createTable('import_items')
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('origin_key', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull().references('import_runs.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_items_pk', ['source_key', 'origin_key'])
    .execute();
  await db.schema.createIndex('import_items_run_idx').on('import_items').columns(['run_id', 'state']).execute();
}
