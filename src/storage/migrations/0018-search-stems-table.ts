import { sql, type Kysely, type Migration } from 'kysely';
import { searchDocumentOf, searchTextOf } from '../../search/search-document.js';
import { filterTokensOf } from '../../search/search-filter-tokens.js';
import { writeStemsEntry } from '../../search/sqlite-search-index.js';
import type { Database } from '../schema.js';
import type { SearchMigrationCapabilities } from './0003-search.js';
import { createSqliteTitleStemsTable } from './0020-search-title-stems.js';
import { createSqliteWordsTable } from './0021-search-words.js';
import { forEachSearchEntry } from './search-backfill.js';

/**
 * SQLite: two more search tables without positions (`detail=column`): `article_search_stems_fts`,
 * every stem of an article in one column, and `article_search_head_stems_fts`, the title's and
 * standfirst's stems, for the count and the tiers of queries made only of loose words (see docs/decisions/0005-search.md). Existing articles are indexed again
 * under the keys they already have. PostgreSQL has nothing to change.
 */
export function searchStemsTableMigration(capabilities: SearchMigrationCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (capabilities.fullText !== 'fts5') return;
      await createSqliteStemsTables(db);
      await forEachSearchEntry(db, (key, fields) => writeStemsEntry(db as Kysely<Database>, key, searchTextOf(searchDocumentOf(fields)), filterTokensOf(fields)));
      await sql`INSERT INTO article_search_stems_fts (article_search_stems_fts) VALUES ('optimize')`.execute(db);
      await sql`INSERT INTO article_search_head_stems_fts (article_search_head_stems_fts) VALUES ('optimize')`.execute(db);
    },
  };
}

/**
 * Drops the stems tables if they exist and creates them empty; the title stems table of 0020 and
 * the vocabulary of 0021 too, because the backfills of 0016 and this one write through the
 * current adapter.
 */
export async function createSqliteStemsTables(db: Kysely<unknown>): Promise<void> {
  await createSqliteTitleStemsTable(db);
  await createSqliteWordsTable(db);
  await sql`DROP TABLE IF EXISTS article_search_stems_fts`.execute(db);
  await sql`DROP TABLE IF EXISTS article_search_head_stems_fts`.execute(db);
  await sql`CREATE VIRTUAL TABLE article_search_stems_fts USING fts5(
    stems, filters,
    content = '', contentless_delete = 1, detail = column, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`CREATE VIRTUAL TABLE article_search_head_stems_fts USING fts5(
    title_stems, standfirst_stems, filters,
    content = '', contentless_delete = 1, detail = column, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
}
