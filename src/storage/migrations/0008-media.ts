import type { Kysely } from 'kysely';

/** The media library: uploaded images and the renditions made of each. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('original_filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    // Of the uploaded bytes: the same file uploaded twice is one item, and the hash names its files.
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('alt_text', 'text', (c) => c.notNull())
    .addColumn('caption', 'text')
    .addColumn('credit', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_created_idx').on('media').columns(['created_at', 'id']).execute();

  await db.schema.createTable('media_variants')
    .addColumn('media_id', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_variants_pk', ['media_id', 'width', 'format'])
    .execute();
}
