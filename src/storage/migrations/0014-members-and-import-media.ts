import type { Kysely } from 'kysely';

/**
 * Members (readers who follow the site; imported from Ghost today, signed in by e-mailed link
 * later) and the record of media a site import copied into the library, so a repeated or resumed
 * import never downloads a file twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    // The address trimmed and lower-cased: one member per address, however it was typed.
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subscribed', 'integer', (c) => c.notNull())
    // JSON array of label names.
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Where an imported member came from (`ghost:member:<id>`); null for members who joined here.
    .addColumn('origin_key', 'text')
    .execute();
  await db.schema.createIndex('members_created_idx').on('members').columns(['created_at', 'id']).execute();

  await db.schema.createTable('import_media')
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    // 'stored' (in the library as media_id) or 'external' (left at the URL, for `reason`).
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('media_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_media_pk', ['source_key', 'url'])
    .execute();
}
