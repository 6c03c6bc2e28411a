import type { Kysely } from 'kysely';

/** Ingest: article origin and inbox state, content fingerprints, feed subscriptions and the items seen. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('origin', 'text', (c) => c.notNull().defaultTo('editorial')).execute();
  await db.schema.alterTable('articles').addColumn('inbox_state', 'text').execute();
  await db.schema.alterTable('articles').addColumn('content_hash', 'text').execute();
  // The inbox lists pending items newest first; duplicates are found by fingerprint and by original URL.
  await db.schema.createIndex('articles_inbox_idx').on('articles').columns(['inbox_state', 'created_at']).execute();
  await db.schema.createIndex('articles_content_hash_idx').on('articles').column('content_hash').execute();
  await db.schema.createIndex('articles_original_url_idx').on('articles').column('original_url').execute();

  await db.schema.createTable('feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('source_id', 'text', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('auto_publish', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('poll_interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('next_poll_at', 'text', (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feeds_due_idx').on('feeds').columns(['active', 'next_poll_at']).execute();

  await db.schema.createTable('feed_items')
    .addColumn('feed_id', 'text', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('guid', 'text')
    .addColumn('url', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('article_id', 'text', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('problem', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_items_pk', ['feed_id', 'item_key'])
    .execute();
  await db.schema.createIndex('feed_items_url_idx').on('feed_items').column('url').execute();
  await db.schema.createIndex('feed_items_hash_idx').on('feed_items').column('content_hash').execute();
}
