import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Article } from '../domain/article.js';
import type { AuthorId, TermId } from '../domain/ids.js';
import type { SearchHit, SearchIndex, SearchQuery, SearchResults } from '../app/ports.js';
import { rowToArticle } from '../storage/article-rows.js';
import type { Database } from '../storage/schema.js';
import { bestSnippet, highlightAll, leadSnippet, matcherFor } from './highlight.js';
import { searchDocumentOf, type SearchDocument, type SearchSource } from './search-document.js';
import { searchLanguageOf } from './search-languages.js';
import { parseSearchQuery, type SearchClause } from './search-query-parser.js';
import { plainTextOfHtml } from './search-text.js';

/** How one engine finds documents: the tables to read, the match condition and the relevance score. */
export interface MatchPlan {
  /** FROM clause that exposes the matched articles as `a`. */
  from: RawBuilder<unknown>;
  where: RawBuilder<unknown>;
  /** Higher is better. */
  score: RawBuilder<number>;
}

/**
 * Writes to the index. The article repository calls these with its own executor, so the index
 * changes in the same transaction as the article: a rollback undoes both.
 */
export interface ArticleSearchWriter {
  write(db: Kysely<Database>, article: SearchSource): Promise<void>;
  remove(db: Kysely<Database>, articleId: string): Promise<void>;
}

/** What differs between SQLite FTS5 and PostgreSQL full-text search; everything else is shared. */
export interface FullTextEngine extends ArticleSearchWriter {
  /** How to find `clauses`; null when they can match nothing (the engine drops every word as a stop word). */
  plan(db: Kysely<Database>, clauses: readonly SearchClause[]): Promise<MatchPlan | null>;
  writeDocument(db: Kysely<Database>, doc: SearchDocument): Promise<void>;
  /** After a rebuild: drop entries of vanished articles, compact the index. */
  finishRebuild(db: Kysely<Database>): Promise<void>;
}

const MAX_LIMIT = 100;
const REBUILD_BATCH = 500;

/** The SearchIndex port over one Kysely executor and an engine. */
export class KyselySearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>, private readonly engine: FullTextEngine) {}

  async search(query: SearchQuery): Promise<SearchResults> {
    const { clauses } = parseSearchQuery(query.text);
    const limit = Math.min(MAX_LIMIT, Math.max(0, Math.floor(query.limit)));
    const offset = Math.max(0, Math.floor(query.offset));
    if (clauses.length === 0 || !Number.isFinite(limit) || !Number.isFinite(offset)) return { total: 0, hits: [] };
    const plan = await this.engine.plan(this.db, clauses);
    if (!plan) return { total: 0, hits: [] };
    const where = sql.join([plan.where, ...visibleAndFiltered(query)], sql` AND `);
    const counted = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${plan.from} WHERE ${where}`.execute(this.db);
    const total = Number(counted.rows[0]?.n ?? 0);
    if (total === 0 || offset >= total || limit === 0) return { total, hits: [] };
    // Rank narrow rows, then load only the page's articles: sorting whole rows (bodies) of every match is what costs.
    const { rows: ranked } = await sql<{ id: string; score: number | string }>`SELECT a.id AS id, ${plan.score} AS score FROM ${plan.from}
      WHERE ${where} ORDER BY score DESC, a.published_at DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    const articles = await this.load(ranked.map((r) => r.id));
    return {
      total,
      hits: ranked.flatMap((r) => {
        const article = articles.get(r.id);
        return article ? [hitOf(article, Number(r.score), clauses)] : [];
      }),
    };
  }

  async rebuild(): Promise<number> {
    const run = async (db: Kysely<Database>) => {
      let count = 0;
      let after = '';
      for (;;) {
        const batch = await db.selectFrom('articles').select(['id', 'title', 'standfirst', 'body_html', 'language'])
          .where('id', '>', after).orderBy('id').limit(REBUILD_BATCH).execute();
        for (const row of batch) {
          await this.engine.writeDocument(db, searchDocumentOf({ id: row.id, title: row.title, standfirst: row.standfirst, bodyHtml: row.body_html, language: row.language }));
        }
        count += batch.length;
        if (batch.length < REBUILD_BATCH) break;
        after = batch[batch.length - 1]!.id;
      }
      await this.engine.finishRebuild(db);
      return count;
    };
    // One transaction: readers keep seeing the old index until the new one is complete.
    return this.db.isTransaction ? run(this.db) : this.db.transaction().execute(run);
  }

  /** The articles with these ids, with their author and term links, by id. */
  private async load(ids: readonly string[]): Promise<Map<string, Article>> {
    if (ids.length === 0) return new Map();
    const [rows, authorLinks, termLinks] = await Promise.all([
      this.db.selectFrom('articles').selectAll().where('id', 'in', [...ids]).execute(),
      this.db.selectFrom('article_authors').selectAll().where('article_id', 'in', [...ids]).orderBy('position').execute(),
      this.db.selectFrom('article_terms').selectAll().where('article_id', 'in', [...ids]).orderBy('position').execute(),
    ]);
    return new Map(rows.map((row) => [row.id, rowToArticle(
      row,
      authorLinks.filter((l) => l.article_id === row.id).map((l) => l.author_id as AuthorId),
      termLinks.filter((l) => l.article_id === row.id).map((l) => l.term_id as TermId),
    )]));
  }
}

/** Visibility (published, not in the future) and the query's filters, over articles aliased `a`. */
function visibleAndFiltered(query: SearchQuery): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`a.status = 'published'`, sql`a.published_at <= ${query.now}`];
  if (query.from) conditions.push(sql`a.published_at >= ${query.from}`);
  if (query.to) conditions.push(sql`a.published_at <= ${query.to}`);
  if (query.sourceId) conditions.push(sql`a.source_id = ${query.sourceId}`);
  if (query.authorId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.author_id = ${query.authorId})`);
  }
  for (const group of [...(query.termIds ? [query.termIds] : []), ...(query.termGroups ?? [])]) {
    conditions.push(group.length === 0
      ? sql`1 = 0`
      : sql`EXISTS (SELECT 1 FROM article_terms art WHERE art.article_id = a.id AND art.term_id IN (${sql.join([...group])}))`);
  }
  return conditions;
}

/** A hit with its title and the best passage highlighted for the article's language. */
function hitOf(article: Article, score: number, clauses: readonly SearchClause[]): SearchHit {
  const matcher = matcherFor(clauses, searchLanguageOf(article.language));
  const body = plainTextOfHtml(article.bodyHtml);
  const fromStandfirst = article.standfirst ? bestSnippet(article.standfirst, matcher) : null;
  const fromBody = bestSnippet(body, matcher);
  const snippetHtml = fromBody && (!fromStandfirst || fromBody.clauses > fromStandfirst.clauses)
    ? fromBody.html
    : fromStandfirst?.html ?? leadSnippet(article.standfirst || article.excerpt || body);
  return { article, score, titleHtml: highlightAll(article.title, matcher), snippetHtml };
}
