import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Article } from '../domain/article.js';
import type { AuthorId, TermId } from '../domain/ids.js';
import type { ArticleSearchText, SearchHit, SearchIndex, SearchQuery, SearchResults } from '../app/ports.js';
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
  /**
   * The best `k` matches by score alone, before visibility and filters, when the engine can rank
   * inside its index far more cheaply than over the join (FTS5). Ids of articles with their scores.
   */
  topByScore?: (k: number) => RawBuilder<{ id: string; score: number }>;
}

/**
 * Writes to the index. The article repository calls these with its own executor, so the index
 * changes in the same transaction as the article: a rollback undoes both.
 */
export interface ArticleSearchWriter {
  write(db: Kysely<Database>, article: SearchSource): Promise<void>;
  /** Indexes new articles (no entry yet) from entries worked out ahead, in a few multi-row statements. */
  writeMany(db: Kysely<Database>, entries: readonly ArticleSearchText[]): Promise<void>;
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

/**
 * Matches are counted up to this bound; past it the page says "more than 1,000". Counting a word
 * found in 95,000 of 100,000 articles cost more than finding the best 20 of them, and no reader
 * pages past the fiftieth page of a query that broad.
 */
export const searchCountLimit = 1000;
/** Beyond this many candidates (deep pages with filters), ranking every match over the join is as cheap. */
const MAX_CANDIDATES = 2000;

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
    const counted = await sql<{ n: number | string }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${plan.from} WHERE ${where} LIMIT ${searchCountLimit + 1}) AS matches`.execute(this.db);
    const found = Number(counted.rows[0]?.n ?? 0);
    const total = Math.min(found, searchCountLimit);
    const counts = found > searchCountLimit ? { total, moreThanTotal: true } : { total };
    if (total === 0 || offset >= total || limit === 0) return { ...counts, hits: [] };
    const ranked = await this.rank(plan, where, query, offset, limit);
    const articles = await this.load(ranked.map((r) => r.id));
    return {
      ...counts,
      hits: ranked.flatMap((r) => {
        const article = articles.get(r.id);
        return article ? [hitOf(article, Number(r.score), clauses)] : [];
      }),
    };
  }

  /**
   * The page's ids, best first (ties: newer, then greater id). Where the engine can rank inside its
   * index, the best few matches are ranked there and only they are checked for visibility and
   * filters; the answer is used when it is provably the same as ranking every visible match (see
   * `pageFromCandidates`), else every match is ranked over the join.
   */
  private async rank(plan: MatchPlan, where: RawBuilder<unknown>, query: SearchQuery, offset: number, limit: number): Promise<{ id: string; score: number }[]> {
    // Filters pass only some matches; fetch more of them so that enough survive. Deep pages rank everything.
    const k = (offset + limit) * (hasFilters(query) ? 8 : 2) + 20;
    if (plan.topByScore && k <= MAX_CANDIDATES) {
      const { rows: candidates } = await plan.topByScore(k).execute(this.db);
      const ids = candidates.map((c) => c.id);
      const { rows: passing } = ids.length === 0 ? { rows: [] } : await sql<{ id: string; published_at: string | null }>`SELECT a.id AS id, a.published_at AS published_at
        FROM articles a WHERE a.id IN (${sql.join(ids)}) AND ${sql.join(visibleAndFiltered(query), sql` AND `)}`.execute(this.db);
      const page = pageFromCandidates(candidates.map((c) => ({ id: c.id, score: Number(c.score) })), k, passing, offset, limit);
      if (page) return page;
    }
    // Rank narrow rows, then load only the page's articles: sorting whole rows (bodies) of every match is what costs.
    const { rows } = await sql<{ id: string; score: number | string }>`SELECT a.id AS id, ${plan.score} AS score FROM ${plan.from}
      WHERE ${where} ORDER BY score DESC, a.published_at DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
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

function hasFilters(query: SearchQuery): boolean {
  return !!(query.from || query.to || query.sourceId || query.authorId || query.termIds || query.termGroups?.length);
}

/**
 * The page out of the engine's best `k` matches by score, of which `passing` are visible and pass
 * the filters; null when that may differ from ranking every match. It is the same when the engine
 * had no more than `k` matches, or when the last row of the page scores strictly better than the
 * k-th candidate: every match left out scores no better than that candidate, so none could come
 * before that row, even on a tie.
 */
export function pageFromCandidates(
  candidates: readonly { id: string; score: number }[], k: number, passing: readonly { id: string; published_at: string | null }[], offset: number, limit: number,
): { id: string; score: number }[] | null {
  const publishedAt = new Map(passing.map((p) => [p.id, p.published_at ?? '']));
  const ordered = candidates.filter((c) => publishedAt.has(c.id)).sort((x, y) =>
    y.score - x.score || compareText(publishedAt.get(y.id)!, publishedAt.get(x.id)!) || compareText(y.id, x.id));
  if (candidates.length >= k) {
    const last = ordered[offset + limit - 1];
    const floor = Math.min(...candidates.map((c) => c.score));
    if (!last || !(last.score > floor)) return null;
  }
  return ordered.slice(offset, offset + limit);
}

/** Code-unit order, as SQLite's BINARY collation compares TEXT (ids and ISO instants are ASCII). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A hit with its title and the best passage highlighted for the article's language. */
function hitOf(article: Article, score: number, clauses: readonly SearchClause[]): SearchHit {
  const matcher = matcherFor(clauses, searchLanguageOf(article.language));
  const fromStandfirst = article.standfirst ? bestSnippet(article.standfirst, matcher) : null;
  // The body is shown only when it has more of the query than the standfirst: when the standfirst
  // has all of it, the body (the costly part, thousands of words) need not be read.
  if (fromStandfirst && fromStandfirst.clauses === clauses.length) {
    return { article, score, titleHtml: highlightAll(article.title, matcher), snippetHtml: fromStandfirst.html };
  }
  const body = plainTextOfHtml(article.bodyHtml);
  const fromBody = bestSnippet(body, matcher);
  const snippetHtml = fromBody && (!fromStandfirst || fromBody.clauses > fromStandfirst.clauses)
    ? fromBody.html
    : fromStandfirst?.html ?? leadSnippet(article.standfirst || article.excerpt || body);
  return { article, score, titleHtml: highlightAll(article.title, matcher), snippetHtml };
}
