import { sql, type Kysely, type Migration } from 'kysely';
import { indexedFieldsAfter } from '../../search/indexed-fields.js';
import { searchDocumentOf } from '../../search/search-document.js';
import { sqliteFts5Engine } from '../../search/sqlite-search-index.js';
import type { Database } from '../schema.js';
import type { SearchMigrationCapabilities } from './0003-search.js';
import { createSqliteStemsTables } from './0018-search-stems-table.js';

/**
 * SQLite's search index keyed by publication time, with filter words and a second table of
 * titles and standfirsts (see docs/decisions/0005-search.md, "Speed at 100,000 articles"): the
 * 0003 tables are dropped, the new ones created and every article indexed again. PostgreSQL
 * gains a vector of titles and standfirsts with its own GIN index.
 *
 * The backfill uses the adapter's own writer rather than a copy, because the keys it allocates
 * must follow the adapter's rules exactly; a later migration that reshapes these tables must
 * therefore drop and recreate them itself, as this one does.
 */
export function searchByPublicationMigration(capabilities: SearchMigrationCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (capabilities.fullText !== 'fts5') {
        // Titles and standfirsts only (weights A and B), kept by PostgreSQL itself: the head tiers
        // search this small vector through its own GIN index. Over the whole vector with weight
        // labels, the planner could not tell a query that matches no title from one that matches
        // many and walked every article newest first (2 s for "election count Lagos").
        await sql`ALTER TABLE article_search ADD COLUMN head_vector TSVECTOR GENERATED ALWAYS AS (ts_filter(vector, '{a,b}')) STORED`.execute(db);
        await sql`CREATE INDEX article_search_head_vector_idx ON article_search USING GIN (head_vector)`.execute(db);
        await sql`ANALYZE article_search`.execute(db);
        return;
      }
      await createSqliteSearchTables(db);
      let after = '';
      for (;;) {
        const batch = await indexedFieldsAfter(db, after, 500);
        for (const fields of batch) await sqliteFts5Engine.writeDocument(db as Kysely<Database>, searchDocumentOf(fields), fields);
        if (batch.length < 500) return;
        after = batch[batch.length - 1]!.id;
      }
    },
  };
}

/** Drops whatever search tables exist and creates the current ones, empty. */
export async function createSqliteSearchTables(db: Kysely<unknown>): Promise<void> {
  for (const table of ['article_search_fts', 'article_search_head_fts', 'article_search_docs']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  // doc_id is the key in publication order (search-doc-keys.ts), not an insertion counter.
  await sql`CREATE TABLE article_search_docs (doc_id INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE)`.execute(db);
  await sql`CREATE VIRTUAL TABLE article_search_fts USING fts5(
    title, standfirst, body, title_stems, standfirst_stems, body_stems, filters,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`CREATE VIRTUAL TABLE article_search_head_fts USING fts5(
    title, standfirst, title_stems, standfirst_stems, filters,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  // Added by 0018; created here too because the backfill above writes through the current adapter.
  await createSqliteStemsTables(db);
}
