import type { Kysely } from 'kysely';

/** People quoted in articles and the quotes found in each article (replaced whenever it is analysed again). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('quotes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // Unnamed sources ("a Kremlin source") have no person.
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('speaker_name', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quotes_article_idx').on('quotes').columns(['article_id', 'position']).execute();
  await db.schema.createIndex('quotes_person_idx').on('quotes').column('person_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quotes').execute();
  await db.schema.dropTable('people').execute();
}
