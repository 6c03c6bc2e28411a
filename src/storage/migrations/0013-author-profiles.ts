import type { Kysely } from 'kysely';

/** Author profiles for the back office's author screen: a portrait from the media library and links elsewhere. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('authors').addColumn('avatar_url', 'text').execute();
  // A JSON array of { label, url }: read and written whole with the author, never queried inside.
  await db.schema.alterTable('authors').addColumn('links', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('authors').dropColumn('links').execute();
  await db.schema.alterTable('authors').dropColumn('avatar_url').execute();
}
