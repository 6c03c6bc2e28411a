import { sql, type Kysely, type Migration } from 'kysely';
import { searchDocumentOf, searchTextOf } from '../../search/search-document.js';
import { filterTokensOf } from '../../search/search-filter-tokens.js';
import { writeTitleStemsEntry } from '../../search/sqlite-search-index.js';
import type { Database } from '../schema.js';
import type { SearchMigrationCapabilities } from './0003-search.js';
import { forEachSearchEntry } from './search-backfill.js';

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
      await forEachSearchEntry(db, (key, fields) => writeTitleStemsEntry(
        db as Kysely<Database>, key, searchTextOf(searchDocumentOf({ ...fields, standfirst: null, bodyHtml: '' })), filterTokensOf(fields),
      ));
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
