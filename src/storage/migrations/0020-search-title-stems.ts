import { sql, type Kysely, type Migration } from 'kysely';
import { indexedFieldsAfter } from '../../search/indexed-fields.js';
import { searchDocumentOf, searchTextOf } from '../../search/search-document.js';
import { filterTokensOf } from '../../search/search-filter-tokens.js';
import { writeTitleStemsEntry } from '../../search/sqlite-search-index.js';
import type { Database } from '../schema.js';
import type { SearchMigrationCapabilities } from './0003-search.js';

const BATCH = 500;

/**
 * SQLite: titles' stems in a position-less table of their own, `article_search_title_stems_fts`,
 * for the title tier of queries made only of loose words (see docs/decisions/0005-search.md).
 * Existing articles are indexed under the keys they already have; only titles are stemmed again.
 * PostgreSQL has nothing to change.
 */
export function searchTitleStemsMigration(capabilities: SearchMigrationCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (capabilities.fullText !== 'fts5') return;
      await createSqliteTitleStemsTable(db);
      const keys = await sql<{ doc_id: number; article_id: string }>`SELECT doc_id, article_id FROM article_search_docs`.execute(db);
      const keyOf = new Map(keys.rows.map((r) => [r.article_id, r.doc_id]));
      let after = '';
      for (;;) {
        const batch = await indexedFieldsAfter(db, after, BATCH);
        for (const fields of batch) {
          const key = keyOf.get(fields.id);
          // An article without a key has no entry in the other tables either; the next write or rebuild gives it one.
          if (key !== undefined) await writeTitleStemsEntry(db as Kysely<Database>, key, searchTextOf(searchDocumentOf({ ...fields, standfirst: null, bodyHtml: '' })), filterTokensOf(fields));
        }
        if (batch.length < BATCH) break;
        after = batch[batch.length - 1]!.id;
      }
      await sql`INSERT INTO article_search_title_stems_fts (article_search_title_stems_fts) VALUES ('optimize')`.execute(db);
    },
  };
}

/** Drops the title stems table if it exists and creates it empty. */
export async function createSqliteTitleStemsTable(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS article_search_title_stems_fts`.execute(db);
  await sql`CREATE VIRTUAL TABLE article_search_title_stems_fts USING fts5(
    title_stems, filters,
    content = '', contentless_delete = 1, detail = column, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
}
