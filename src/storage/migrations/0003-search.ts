import { sql, type Kysely, type Migration } from 'kysely';
import { searchDocumentOf, stemmedText, type SearchDocument } from '../../search/search-document.js';

/** What this migration needs to know of the engine (see DatabaseCapabilities). */
export interface SearchMigrationCapabilities {
  fullText: 'fts5' | 'tsvector';
}

/**
 * Full-text search tables, chosen by capability: an FTS5 table on SQLite, a tsvector table with
 * a GIN index on PostgreSQL; then every existing article is indexed. The statements that write
 * entries are repeated here rather than imported from src/search/, so this migration keeps doing
 * what it did when the adapters change shape later. See docs/decisions/0005-search.md.
 */
export function searchMigration(capabilities: SearchMigrationCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Every match is checked for visibility and source; this index answers that without reading
      // article rows (SQLite: 84 ms → 5 ms to count 9,500 matches among 10,000 articles).
      await db.schema.createIndex('articles_search_filter_idx').on('articles').columns(['id', 'status', 'published_at', 'source_id']).execute();
      if (capabilities.fullText === 'fts5') {
        await sql`CREATE TABLE article_search_docs (doc_id INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE)`.execute(db);
        await sql`CREATE VIRTUAL TABLE article_search_fts USING fts5(
          title, standfirst, body, title_stems, standfirst_stems, body_stems,
          content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
        )`.execute(db);
        await backfill(db, writeFts5);
      } else {
        await sql`CREATE TABLE article_search (
          article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
          config REGCONFIG NOT NULL,
          vector TSVECTOR NOT NULL
        )`.execute(db);
        // Keep vectors in the row rather than out-of-line (TOAST): a sequential scan then costs what
        // it really costs to read them, and the planner picks the GIN index for selective queries
        // (10,000 articles: 54 ms sequential against 2 ms through the index).
        await sql`ALTER TABLE article_search ALTER COLUMN vector SET STORAGE MAIN`.execute(db);
        await sql`ALTER TABLE article_search SET (toast_tuple_target = 8160)`.execute(db);
        await sql`CREATE INDEX article_search_vector_idx ON article_search USING GIN (vector)`.execute(db);
        await backfill(db, writeTsvector);
      }
    },
  };
}

async function backfill(db: Kysely<unknown>, write: (db: Kysely<unknown>, doc: SearchDocument) => Promise<void>): Promise<void> {
  let after = '';
  for (;;) {
    const { rows } = await sql<{ id: string; title: string; standfirst: string | null; body_html: string; language: string }>`
      SELECT id, title, standfirst, body_html, language FROM articles WHERE id > ${after} ORDER BY id LIMIT 500`.execute(db);
    for (const row of rows) {
      await write(db, searchDocumentOf({ id: row.id, title: row.title, standfirst: row.standfirst, bodyHtml: row.body_html, language: row.language }));
    }
    if (rows.length < 500) return;
    after = rows[rows.length - 1]!.id;
  }
}

async function writeFts5(db: Kysely<unknown>, doc: SearchDocument): Promise<void> {
  const { rows } = await sql<{ doc_id: number }>`INSERT INTO article_search_docs (article_id) VALUES (${doc.articleId}) RETURNING doc_id`.execute(db);
  await sql`INSERT INTO article_search_fts (rowid, title, standfirst, body, title_stems, standfirst_stems, body_stems)
    VALUES (${rows[0]!.doc_id}, ${doc.title.join(' ')}, ${doc.standfirst.join(' ')}, ${doc.body.join(' ')},
      ${stemmedText(doc.title, doc.language)}, ${stemmedText(doc.standfirst, doc.language)}, ${stemmedText(doc.body, doc.language)})`.execute(db);
}

async function writeTsvector(db: Kysely<unknown>, doc: SearchDocument): Promise<void> {
  const config = doc.language.pgConfig;
  const vector = (words: readonly string[], weight: 'A' | 'B' | 'C') => sql`setweight(to_tsvector(${config}::regconfig, ${words.join(' ')}), ${weight})`;
  await sql`INSERT INTO article_search (article_id, config, vector)
    VALUES (${doc.articleId}, ${config}::regconfig, ${vector(doc.title, 'A')} || ${vector(doc.standfirst, 'B')} || ${vector(doc.body, 'C')})`.execute(db);
}
