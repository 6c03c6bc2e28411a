import { sql, type Kysely } from 'kysely';
import { executeRows, insertStatement } from '../storage/multi-row-insert.js';
import type { Database } from '../storage/schema.js';
import { KyselySearchIndex, type FullTextEngine, type MatchPlan } from './kysely-search-index.js';
import type { ArticleSearchText } from '../app/ports.js';
import { chunksOf } from '../domain/chunks.js';
import { searchDocumentOf, stemmedText, type SearchDocument, type SearchSource } from './search-document.js';
import { stemAlternatives } from './search-languages.js';
import type { SearchClause } from './search-query-parser.js';

/** Replaces the article's entry: words and stems of each field, under the article's own rowid. */
async function writeDocument(db: Kysely<Database>, doc: SearchDocument): Promise<void> {
  const { rows } = await sql<{ doc_id: number }>`INSERT INTO article_search_docs (article_id) VALUES (${doc.articleId})
    ON CONFLICT (article_id) DO UPDATE SET article_id = excluded.article_id RETURNING doc_id`.execute(db);
  const docId = rows[0]!.doc_id;
  await sql`DELETE FROM article_search_fts WHERE rowid = ${docId}`.execute(db);
  await sql`INSERT INTO article_search_fts (rowid, title, standfirst, body, title_stems, standfirst_stems, body_stems)
    VALUES (${docId}, ${doc.title.join(' ')}, ${doc.standfirst.join(' ')}, ${doc.body.join(' ')},
      ${stemmedText(doc.title, doc.language)}, ${stemmedText(doc.standfirst, doc.language)}, ${stemmedText(doc.body, doc.language)})`.execute(db);
}

/** Entries per multi-row INSERT: 7 parameters each, well under SQLite's bound-parameter limit. */
const WRITE_CHUNK = 500;

const DOCS_INSERT = insertStatement('article_search_docs', ['article_id'], { returning: 'doc_id, article_id' });
const FTS_INSERT = insertStatement('article_search_fts', ['rowid', 'title', 'standfirst', 'body', 'title_stems', 'standfirst_stems', 'body_stems']);

/** Columns: title, standfirst, body, then their stems. bm25() is lower for better matches. */
const BM25 = sql<number>`-bm25(article_search_fts, 10.0, 4.0, 1.0, 10.0, 4.0, 1.0)`;

/**
 * SQLite FTS5. One contentless table (`article_search_fts`, created by migration 0003) holds, per
 * article, the folded words of title, standfirst and body, and the same three fields as stems in
 * the article's language computed in TypeScript. Loose words match the stem columns, "phrases"
 * and prefix* the word columns. `article_search_docs` maps article ids to the FTS rowids (a
 * rowid of its own, so VACUUM cannot renumber it).
 */
export const sqliteFts5Engine: FullTextEngine = {
  async plan(_db: Kysely<Database>, clauses: readonly SearchClause[]): Promise<MatchPlan> {
    const match = fts5MatchOf(clauses);
    return {
      // CROSS JOIN fixes the order: the full-text match drives. Left to itself, SQLite may walk
      // the articles index and run the MATCH once per article (seconds instead of milliseconds).
      from: sql`article_search_fts CROSS JOIN article_search_docs d ON d.doc_id = article_search_fts.rowid CROSS JOIN articles a ON a.id = d.article_id`,
      where: sql`article_search_fts MATCH ${match}`,
      score: BM25,
      // Ranked inside FTS5 alone, then mapped to article ids: joining every match to the articles
      // (visibility, filters) cost as much as ranking them.
      topByScore: (k) => sql<{ id: string; score: number }>`SELECT d.article_id AS id, r.score AS score
        FROM (SELECT rowid AS doc_id, ${BM25} AS score FROM article_search_fts WHERE article_search_fts MATCH ${match} ORDER BY score DESC LIMIT ${k}) AS r
        CROSS JOIN article_search_docs d ON d.doc_id = r.doc_id`,
    };
  },

  async write(db: Kysely<Database>, article: SearchSource): Promise<void> {
    await writeDocument(db, searchDocumentOf(article));
  },

  writeDocument,

  async writeMany(db: Kysely<Database>, entries: readonly ArticleSearchText[]): Promise<void> {
    for (const chunk of chunksOf(entries, WRITE_CHUNK)) {
      const { rows } = await executeRows<{ doc_id: number; article_id: string }>(db as Kysely<unknown>, DOCS_INSERT, chunk.map((e) => [e.articleId]));
      const docIds = new Map(rows.map((r) => [r.article_id, r.doc_id]));
      await executeRows(db as Kysely<unknown>, FTS_INSERT, chunk.map((e) => [docIds.get(e.articleId)!, e.title, e.standfirst, e.body, e.titleStems, e.standfirstStems, e.bodyStems]));
    }
  },

  async remove(db: Kysely<Database>, articleId: string): Promise<void> {
    await sql`DELETE FROM article_search_fts WHERE rowid IN (SELECT doc_id FROM article_search_docs WHERE article_id = ${articleId})`.execute(db);
    await sql`DELETE FROM article_search_docs WHERE article_id = ${articleId}`.execute(db);
  },

  async finishRebuild(db: Kysely<Database>): Promise<void> {
    const orphans = sql`SELECT d.doc_id FROM article_search_docs d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_id)`;
    await sql`DELETE FROM article_search_fts WHERE rowid IN (${orphans})`.execute(db);
    await sql`DELETE FROM article_search_docs WHERE doc_id IN (${orphans})`.execute(db);
    // Merge the index's segments into one: faster queries after a bulk write.
    await sql`INSERT INTO article_search_fts (article_search_fts) VALUES ('optimize')`.execute(db);
  },
};

/** Search over SQLite FTS5. */
export class SqliteSearchIndex extends KyselySearchIndex {
  constructor(db: Kysely<Database>) {
    super(db, sqliteFts5Engine);
  }
}

const WORD_COLUMNS = '{title standfirst body}';
const STEM_COLUMNS = '{title_stems standfirst_stems body_stems}';

/**
 * The FTS5 MATCH expression for parsed clauses. Every word is a quoted string (FTS5 reads
 * nothing inside quotes as syntax), so no input reaches FTS5 as an operator.
 */
export function fts5MatchOf(clauses: readonly SearchClause[]): string {
  return clauses.map((clause) => {
    switch (clause.kind) {
      case 'word':
        return `(${STEM_COLUMNS} : (${stemAlternatives(clause.word).map(quote).join(' OR ')}))`;
      case 'prefix':
        return `(${WORD_COLUMNS} : ${quote(clause.prefix)} *)`;
      case 'phrase':
        return `(${WORD_COLUMNS} : ${quote(clause.words.join(' '))})`;
    }
  }).join(' AND ');
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
