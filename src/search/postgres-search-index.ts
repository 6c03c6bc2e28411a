import { sql, type Kysely } from 'kysely';
import { executeRows, type RowsStatement } from '../storage/multi-row-insert.js';
import type { Database } from '../storage/schema.js';
import type { Article } from '../domain/article.js';
import type { ArticleSearchText } from '../app/ports.js';
import { chunksOf } from '../domain/chunks.js';
import { KyselySearchIndex, visibleAndFiltered, type FullTextEngine, type MatchPlan, type SearchFilter, type SearchTier } from './kysely-search-index.js';
import { indexedFieldsOf, searchDocumentOf, type SearchDocument } from './search-document.js';
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

/** The vector weights a tier's matches must carry: title A, standfirst B (body C, anywhere: any). */
const TIER_WEIGHTS: Readonly<Record<SearchTier, string>> = { title: 'A', head: 'AB', anywhere: '' };
const TIERS = Object.keys(TIER_WEIGHTS) as SearchTier[];

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
  async plan(db: Kysely<Database>, clauses: readonly SearchClause[], filter: SearchFilter): Promise<MatchPlan | null> {
    const readings = await readingsOf(db, TIERS.map((tier) => tsQueryTextOf(clauses, TIER_WEIGHTS[tier])));
    if (!readings[TIERS.indexOf('anywhere')]) return null;
    const matching = (tier: SearchTier) => {
      const reading = readings[TIERS.indexOf(tier)];
      const vector = tier === 'anywhere' ? sql`s.vector` : sql`s.head_vector`;
      return reading ? sql.join([sql`${vector} @@ ${reading}::tsquery`, ...visibleAndFiltered(filter)], sql` AND `) : null;
    };
    return {
      async count(limit) {
        const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM (SELECT 1 FROM article_search s JOIN articles a ON a.id = s.article_id
          WHERE ${matching('anywhere')!} LIMIT ${limit}) AS matches`.execute(db);
        return Number(rows[0]?.n ?? 0);
      },
      async newest(tier, limit) {
        const where = matching(tier);
        if (!where) return [];
        const { rows } = await sql<{ id: string }>`SELECT a.id AS id FROM article_search s JOIN articles a ON a.id = s.article_id
          WHERE ${where} ORDER BY a.published_at DESC, a.id DESC LIMIT ${limit}`.execute(db);
        return rows.map((r) => ({ id: r.id, card: null }));
      },
    };
  },

  async write(db: Kysely<Database>, article: Article): Promise<void> {
    await writeDocument(db, searchDocumentOf(indexedFieldsOf(article)));
  },

  writeDocument,

  // Hits are loaded from the articles table: PostgreSQL keeps long bodies out of line (TOAST), so a row's other columns read without them.
  keepsCards: false,

  // PostgreSQL's index holds no facts of the article (filters join the articles table), so the text is all it needs.
  async writeMany(db: Kysely<Database>, entries: readonly { article: Article; text: ArticleSearchText }[]): Promise<void> {
    for (const chunk of chunksOf(entries, WRITE_CHUNK)) {
      await executeRows(db as Kysely<unknown>, VECTOR_INSERT, chunk.map(({ text: e }) => [e.articleId, searchLanguageOf(e.language).pgConfig, e.title, e.standfirst, e.body]));
    }
  },

  async remove(db: Kysely<Database>, articleId: string): Promise<void> {
    await sql`DELETE FROM article_search WHERE article_id = ${articleId}`.execute(db);
  },

  async finishRebuild(db: Kysely<Database>): Promise<void> {
    await sql`DELETE FROM article_search s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id)`.execute(db);
  },

  // GIN indexes fold their pending entries in at VACUUM (autovacuum) or when the pending list fills.
  async compact() {
    return { segmentsBefore: 0, segmentsAfter: 0, steps: 0 };
  },
};

/** Search over PostgreSQL tsvector. */
export class PostgresSearchIndex extends KyselySearchIndex {
  constructor(db: Kysely<Database>) {
    super(db, postgresTsvectorEngine);
  }
}

/**
 * Each query text read in every configuration, as one tsquery per text: the distinct readings
 * OR-ed; null when every configuration reads only stop words. Built in a round trip of its own so
 * the main query gets a constant the planner can estimate (repeated identical readings made it
 * overestimate matches fourfold and choose sequential scans). The text is PostgreSQL's own tsquery output.
 */
async function readingsOf(db: Kysely<Database>, texts: readonly string[]): Promise<(string | null)[]> {
  const readings = sql.join(texts.flatMap((text, i) => allPgConfigs.map((config) => sql`(${i}, to_tsquery(${sql.lit(config)}::regconfig, ${text}))`)), sql`, `);
  const { rows } = await sql<{ i: number; q: string }>`SELECT DISTINCT r.i AS i, r.q::text AS q FROM (VALUES ${readings}) AS r (i, q) WHERE numnode(r.q) > 0`.execute(db);
  return texts.map((_, i) => {
    const mine = rows.filter((r) => Number(r.i) === i).map((r) => `(${r.q})`).sort();
    return mine.length ? mine.join(' | ') : null;
  });
}

/**
 * to_tsquery() text for parsed clauses: every word single-quoted (nothing inside quotes is
 * tsquery syntax), phrases joined with <->, prefixes marked :*, clauses joined with &; each word
 * restricted to the vector weights given (none: any).
 */
export function tsQueryTextOf(clauses: readonly SearchClause[], weights = ''): string {
  const label = (star: string) => (star || weights ? `:${star}${weights}` : '');
  return clauses.map((clause) => {
    switch (clause.kind) {
      case 'word':
        return quote(clause.word) + label('');
      case 'prefix':
        return quote(clause.prefix) + label('*');
      case 'phrase':
        return clause.words.length === 1 ? quote(clause.words[0]!) + label('') : `(${clause.words.map((w) => quote(w) + label('')).join(' <-> ')})`;
    }
  }).join(' & ');
}

function quote(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
