import type { Kysely } from 'kysely';

/** The first schema: content, taxonomies, attribution and settings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('taxonomies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('plural_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.createTable('terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('taxonomy_id', 'text', (c) => c.notNull().references('taxonomies.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('terms.id').onDelete('set null'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('terms_taxonomy_slug_unique', ['taxonomy_id', 'slug'])
    .execute();
  await db.schema.createIndex('terms_parent_idx').on('terms').column('parent_id').execute();

  await db.schema.createTable('authors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bio', 'text')
    .addColumn('url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('authors_name_idx').on('authors').column('name').execute();

  await db.schema.createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('default_copyright_line', 'text')
    .addColumn('default_licence', 'text')
    .addColumn('default_search_policy', 'text', (c) => c.notNull().defaultTo('noindex'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sources_name_idx').on('sources').column('name').execute();

  await db.schema.createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text')
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('body_format', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('feature_image', 'text')
    .addColumn('syndicated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_id', 'text', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('original_publisher', 'text')
    .addColumn('original_url', 'text')
    .addColumn('original_author', 'text')
    .addColumn('original_published_at', 'text')
    .addColumn('copyright_holder', 'text')
    .addColumn('copyright_line', 'text')
    .addColumn('licence', 'text')
    .addColumn('search_policy', 'text')
    .execute();
  // The home page, feeds and sitemaps list by status and date.
  await db.schema.createIndex('articles_status_published_idx').on('articles').columns(['status', 'published_at']).execute();
  // Source archives and the scheduler's due query.
  await db.schema.createIndex('articles_source_published_idx').on('articles').columns(['source_id', 'status', 'published_at']).execute();

  await db.schema.createTable('article_authors')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('authors.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
    .execute();
  await db.schema.createIndex('article_authors_author_idx').on('article_authors').columns(['author_id', 'article_id']).execute();

  await db.schema.createTable('article_terms')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('term_id', 'text', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_terms_pk', ['article_id', 'term_id'])
    .execute();
  await db.schema.createIndex('article_terms_term_idx').on('article_terms').columns(['term_id', 'article_id']).execute();

  await db.schema.createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
