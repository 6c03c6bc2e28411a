import { sql, type Kysely, type Migration } from 'kysely';
import { searchDocumentOf } from '../../search/search-document.js';
import { writeSearchWords } from '../../search/sqlite-search-index.js';
import type { Database } from '../schema.js';
import type { SearchMigrationCapabilities } from './0003-search.js';
import { forEachSearchEntry } from './search-backfill.js';

/** Words gathered before they are written, so the backfill writes a few large statements. */
const FLUSH_AT = 50_000;

/**
 * SQLite: the index's vocabulary, `article_search_words`, every folded word of the indexed titles,
 * standfirsts and bodies once, so that a prefix* is read as the words it begins (see
 * `prefixWordsOf` and docs/decisions/0005-search.md). Filled from the articles that have an entry.
 * PostgreSQL has nothing to change: its prefix queries read its own GIN index.
 */
export function searchWordsMigration(capabilities: SearchMigrationCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (capabilities.fullText !== 'fts5') return;
      await createSqliteWordsTable(db);
      const into = db as Kysely<Database>;
      let words = new Set<string>();
      await forEachSearchEntry(db, async (_key, fields) => {
        const doc = searchDocumentOf(fields);
        for (const field of [doc.title, doc.standfirst, doc.body]) for (const word of field) words.add(word);
        if (words.size >= FLUSH_AT) {
          await writeSearchWords(into, words);
          words = new Set();
        }
      });
      await writeSearchWords(into, words);
    },
  };
}

/** Drops the vocabulary if it exists and creates it empty. */
export async function createSqliteWordsTable(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS article_search_words`.execute(db);
  await sql`CREATE TABLE article_search_words (word TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID`.execute(db);
}
