import type { Kysely } from 'kysely';

/**
 * Article intelligence: the trained theme model of each taxonomy, and each article's
 * near-duplicate fingerprint with its look-up keys (LSH bands and lead), so candidates are found
 * by one indexed query however large the archive.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('theme_models')
    .addColumn('taxonomy_id', 'text', (c) => c.primaryKey().references('taxonomies.id').onDelete('cascade'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('trained_at', 'text', (c) => c.notNull())
    .addColumn('examples', 'integer', (c) => c.notNull())
    .execute();

  await db.schema.createTable('article_fingerprints')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    // Normalised words of the body alone, hashed: the same text under another headline is an exact duplicate.
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('shingles', 'integer', (c) => c.notNull())
    .addColumn('cluster_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_fingerprints_body_hash_idx').on('article_fingerprints').column('body_hash').execute();
  await db.schema.createIndex('article_fingerprints_cluster_idx').on('article_fingerprints').column('cluster_id').execute();

  // The primary key leads with the key: candidate look-up is an index range scan per key.
  await db.schema.createTable('article_fingerprint_keys')
    .addColumn('lookup_key', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull().references('article_fingerprints.article_id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_fingerprint_keys_pk', ['lookup_key', 'article_id'])
    .execute();
  await db.schema.createIndex('article_fingerprint_keys_article_idx').on('article_fingerprint_keys').column('article_id').execute();
}
