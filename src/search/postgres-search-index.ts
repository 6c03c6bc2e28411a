import { sql, type Kysely } from 'kysely';
import { executeRows, type RowsStatement } from '../storage/multi-row-insert.js';
import type { Database } from '../storage/schema.js';
import { KyselySearchIndex, type FullTextEngine, type MatchPlan } from './kysely-search-index.js';
import type { ArticleSearchText } from '../app/ports.js';
import { chunksOf } from '../domain/chunks.js';
import { searchDocumentOf, type SearchDocument, type SearchSource } from './search-document.js';
import { allPgConfigs, searchLanguageOf } from './search-languages.js';
import type { SearchClause } from './search-query-parser.js';

/** Replaces the article's entry: one weighted tsvector (title A, standfirst B, body C) in the article's own configuration. */
async function writeDocument(db: Kysely<Database>, doc: SearchDocument): Promise<void> {
  const config = doc.language.pgConfig;
  const vector = (words: readonly string[], weight: 'A' | 'B' | 'C') => sql`setweight(to_tsvector(${config}::regconfig, ${words.join(' ')}), ${weight})`;
  await sql`INSERT INTO article_search (article_id, config, vector)
    VALUES (${doc.articleId}, ${config}::regconfig, ${vector(doc.title, 'A')} || ${vector(doc.standfirst, 'B')} || ${vector(doc.body, 'C')})
    ON CONFLICT (article_id) DO UPDATE SET config = excluded.config, vector = excluded.vector`.execute(db);
}

/** One weighted tsvector per row, as writeDocument builds it: parameters id, configuration, title, standfirst, body. */
const VECTOR_INSERT: RowsStatement = {
  head: 'INSERT INTO article_search (article_id, config, vector)',
  row: (p) => `(${p(0)}, ${p(1)}::regconfig, setweight(to_tsvector(${p(1)}::regconfig, ${p(2)}), 'A') || setweight(to_tsvector(${p(1)}::regconfig, ${p(3)}), 'B') || setweight(to_tsvector(${p(1)}::regconfig, ${p(4)}), 'C'))`,
  width: 5,
};

/** Entries per multi-row INSERT (5 parameters each; PostgreSQL allows 65,535). */
const WRITE_CHUNK = 500;

/**
 * PostgreSQL full-text search. `article_search` (migration 0003) holds one tsvector per article,
 * built from the TypeScript-folded words with the configuration of the article's language
 * (english, russian, french, german, else simple) and a GIN index over it. A query is read in
 * every one of those configurations and the readings are OR-ed, so a word finds its stem in an
 * article of any supported language without knowing the reader's language.
 */
export const postgresTsvectorEngine: FullTextEngine = {
  async plan(db: Kysely<Database>, clauses: readonly SearchClause[]): Promise<MatchPlan | null> {
    const tsquery = await readingsOf(db, tsQueryTextOf(clauses));
    if (!tsquery) return null;
    const query = sql`${tsquery}::tsquery`;
    return {
      from: sql`article_search s JOIN articles a ON a.id = s.article_id`,
      where: sql`s.vector @@ ${query}`,
      // Weights are {D, C, B, A}: a title match counts ten times a body match.
      score: sql<number>`ts_rank_cd('{0.1, 0.1, 0.4, 1.0}'::float4[], s.vector, ${query})`,
    };
  },

  async write(db: Kysely<Database>, article: SearchSource): Promise<void> {
    await writeDocument(db, searchDocumentOf(article));
  },

  writeDocument,

  async writeMany(db: Kysely<Database>, entries: readonly ArticleSearchText[]): Promise<void> {
    for (const chunk of chunksOf(entries, WRITE_CHUNK)) {
      await executeRows(db as Kysely<unknown>, VECTOR_INSERT, chunk.map((e) => [e.articleId, searchLanguageOf(e.language).pgConfig, e.title, e.standfirst, e.body]));
    }
  },

  async remove(db: Kysely<Database>, articleId: string): Promise<void> {
    await sql`DELETE FROM article_search WHERE article_id = ${articleId}`.execute(db);
  },

  async finishRebuild(db: Kysely<Database>): Promise<void> {
    await sql`DELETE FROM article_search s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id)`.execute(db);
  },
};

/** Search over PostgreSQL tsvector. */
export class PostgresSearchIndex extends KyselySearchIndex {
  constructor(db: Kysely<Database>) {
    super(db, postgresTsvectorEngine);
  }
}

/**
 * The query read in every configuration, as one tsquery: the distinct readings OR-ed; null when
 * every configuration reads only stop words. Built in a round trip of its own so the main query
 * gets a constant the planner can estimate (repeated identical readings made it overestimate
 * matches fourfold and choose sequential scans). The text is PostgreSQL's own tsquery output.
 */
async function readingsOf(db: Kysely<Database>, text: string): Promise<string | null> {
  const readings = sql.join(allPgConfigs.map((config) => sql`(to_tsquery(${sql.lit(config)}::regconfig, ${text}))`), sql`, `);
  const { rows } = await sql<{ q: string }>`SELECT DISTINCT r.q::text AS q FROM (VALUES ${readings}) AS r (q) WHERE numnode(r.q) > 0`.execute(db);
  return rows.length ? rows.map((r) => `(${r.q})`).sort().join(' | ') : null;
}

/**
 * to_tsquery() text for parsed clauses: every word single-quoted (nothing inside quotes is
 * tsquery syntax), phrases joined with <->, prefixes marked :*, clauses joined with &.
 */
export function tsQueryTextOf(clauses: readonly SearchClause[]): string {
  return clauses.map((clause) => {
    switch (clause.kind) {
      case 'word':
        return quote(clause.word);
      case 'prefix':
        return `${quote(clause.prefix)}:*`;
      case 'phrase':
        return clause.words.length === 1 ? quote(clause.words[0]!) : `(${clause.words.map(quote).join(' <-> ')})`;
    }
  }).join(' & ');
}

function quote(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
