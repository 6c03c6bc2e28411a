import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isVisible, type Article } from '../domain/article.js';
import type { AuthorId, TermId } from '../domain/ids.js';
import type { ArticleSearchText, ArticleSummary, SearchCompaction, SearchCompactOptions, SearchHit, SearchIndex, SearchQuery, SearchResults } from '../app/ports.js';
import { articleSummaryColumns, rowToArticleSummary } from '../storage/article-rows.js';
import type { Database } from '../storage/schema.js';
import { bestSnippet, highlightAll, leadSnippet, matcherFor, type Matcher } from './highlight.js';
import { indexedFieldsAfter, indexedFieldsOfIds, orderedLinksOf } from './indexed-fields.js';
import { searchDocumentOf, type SearchDocument, type SearchFacts } from './search-document.js';
import { articleOfSearchCard } from './search-card.js';
import { searchLanguageOf } from './search-languages.js';
import { parseSearchQuery, type SearchClause } from './search-query-parser.js';
import { plainTextOfHtml } from './search-text.js';

/**
 * Where every clause of a query matched: all in the title, all in the title and standfirst, or
 * anywhere (body included). Hits rank by tier, best first, then newest first within a tier.
 */
export type SearchTier = 'title' | 'head' | 'anywhere';
/** Tiers best first, with the score their hits carry. */
const TIERS: readonly { tier: SearchTier; score: number }[] = [{ tier: 'title', score: 3 }, { tier: 'head', score: 2 }, { tier: 'anywhere', score: 1 }];

/** A query's visibility and filters: everything of a SearchQuery but the words and the page. */
export type SearchFilter = Omit<SearchQuery, 'text' | 'offset' | 'limit'>;

/** How one engine answers one query (its clauses and filters). */
export interface MatchPlan {
  /** Visible matches that pass the filters, counted up to `limit` and no further. */
  count(limit: number): Promise<number>;
  /** The newest `limit` visible, filtered matches of `tier`, newest first. */
  newest(tier: SearchTier, limit: number): Promise<SearchMatch[]>;
}

/** A match: the article's id, and its search card where the engine keeps cards (search-card.ts). */
export interface SearchMatch { id: string; card: string | null }
/** A match placed on the page: its tier and the score that says so. */
export interface RankedMatch extends SearchMatch { tier: SearchTier; score: number }

/**
 * Writes to the index. The article repository calls these with its own executor, so the index
 * changes in the same transaction as the article: a rollback undoes both.
 */
export interface ArticleSearchWriter {
  write(db: Kysely<Database>, article: Article): Promise<void>;
  /** Indexes new articles (no entry yet) with text worked out ahead (a bulk import does it in a worker thread). */
  writeMany(db: Kysely<Database>, entries: readonly { article: Article; text: ArticleSearchText }[]): Promise<void>;
  remove(db: Kysely<Database>, articleId: string): Promise<void>;
}

/** What differs between SQLite FTS5 and PostgreSQL full-text search; everything else is shared. */
export interface FullTextEngine extends ArticleSearchWriter {
  /** How to find `clauses` under `filter`; null when they can match nothing (every word a stop word, an empty term group). */
  plan(db: Kysely<Database>, clauses: readonly SearchClause[], filter: SearchFilter): Promise<MatchPlan | null>;
  writeDocument(db: Kysely<Database>, doc: SearchDocument, facts: SearchFacts): Promise<void>;
  /** Whether entries carry the article's search card (then rebuilds read the summary columns for it). */
  readonly keepsCards: boolean;
  /** After a rebuild: drop entries of vanished articles, compact the index. */
  finishRebuild(db: Kysely<Database>): Promise<void>;
  /** See `SearchIndex.compact`; `db` is not a transaction (each step takes one of its own). */
  compact(db: Kysely<Database>, options: SearchCompactOptions): Promise<SearchCompaction>;
}

const MAX_LIMIT = 100;
const REBUILD_BATCH = 500;

/** Pages of matches counted, from the one asked for on. */
export const searchPagesCounted = 10;

/**
 * How far matches are counted for a page: ten pages on from its first match; past that the page
 * says "more than N", and N grows as the reader pages on. Counting a word found in 95,000 of
 * 100,000 articles cost more than finding the newest 20 of them; counting 201 rows rather than
 * 1,001 halved the count of a common word and cut a common phrase's by two thirds.
 */
export function searchCountBound(offset: number, limit: number): number {
  return offset + Math.max(1, limit) * searchPagesCounted;
}

/** The SearchIndex port over one Kysely executor and an engine. */
export class KyselySearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>, private readonly engine: FullTextEngine) {}

  async search(query: SearchQuery): Promise<SearchResults> {
    const { clauses } = parseSearchQuery(query.text);
    const limit = Math.min(MAX_LIMIT, Math.max(0, Math.floor(query.limit)));
    const offset = Math.max(0, Math.floor(query.offset));
    if (clauses.length === 0 || !Number.isFinite(limit) || !Number.isFinite(offset)) return { total: 0, hits: [] };
    const { text: _text, offset: _offset, limit: _limit, ...filter } = query;
    const plan = await this.engine.plan(this.db, clauses, filter);
    if (!plan) return { total: 0, hits: [] };
    const bound = searchCountBound(offset, limit);
    const found = await plan.count(bound + 1);
    const total = Math.min(found, bound);
    const counts = found > bound ? { total, moreThanTotal: true } : { total };
    if (total === 0 || offset >= total || limit === 0) return { ...counts, hits: [] };
    const ranked = await pageOfTiers(plan, offset, limit);
    const articles = new Map<string, ArticleSummary>();
    for (const r of ranked) {
      const carded = articleOfSearchCard(r.card);
      if (carded) articles.set(r.id, carded);
    }
    for (const [id, article] of await this.load(ranked.filter((r) => !articles.has(r.id)).map((r) => r.id))) articles.set(id, article);
    // The index answered visibility and filters; checking the hit's article too costs nothing. A
    // card is written with the index's facts, so it agrees with them; an article loaded from the
    // table (PostgreSQL, or no usable card) keeps a hit the index holds stale facts for off the page.
    const matchers = new Map<string, Matcher>();
    const matcherOf = (article: ArticleSummary): Matcher => {
      const language = searchLanguageOf(article.language);
      let matcher = matchers.get(language.code);
      if (!matcher) matchers.set(language.code, matcher = matcherFor(clauses, language));
      return matcher;
    };
    const shown = ranked.flatMap((r) => {
      const article = articles.get(r.id);
      return article && passesFilter(article, filter) ? [{ article, score: r.score, head: headPassage(article, clauses.length, matcherOf(article), r.tier !== 'anywhere') }] : [];
    });
    const bodies = await this.bodies(shown.filter((h) => !h.head.settled).map((h) => h.article.id));
    return { ...counts, hits: shown.map(({ article, score, head }) => hitOf(article, score, head, bodies.get(article.id))) };
  }

  async rebuild(): Promise<number> {
    const run = async (db: Kysely<Database>) => {
      let count = 0;
      let after = '';
      for (;;) {
        const batch = await indexedFieldsAfter(db, after, REBUILD_BATCH, { cards: this.engine.keepsCards });
        for (const fields of batch) await this.engine.writeDocument(db, searchDocumentOf(fields), fields);
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

  async reindex(articleIds: readonly string[]): Promise<void> {
    for (let i = 0; i < articleIds.length; i += REBUILD_BATCH) {
      for (const fields of await indexedFieldsOfIds(this.db, articleIds.slice(i, i + REBUILD_BATCH), { cards: this.engine.keepsCards })) {
        await this.engine.writeDocument(this.db, searchDocumentOf(fields), fields);
      }
    }
  }

  compact(options: SearchCompactOptions = {}): Promise<SearchCompaction> {
    if (this.db.isTransaction) throw new Error('Compacting the search index takes transactions of its own; call it outside one.');
    return this.engine.compact(this.db, options);
  }

  /** The articles with these ids (hits without a usable card), with their author and term links, by id; without source and body, which no result shows. */
  private async load(ids: readonly string[]): Promise<Map<string, ArticleSummary>> {
    if (ids.length === 0) return new Map();
    const [rows, { authorIds, termIds }] = await Promise.all([
      this.db.selectFrom('articles').select(articleSummaryColumns).where('id', 'in', [...ids]).execute(),
      orderedLinksOf(this.db, ids),
    ]);
    return new Map(rows.map((row) => [row.id, rowToArticleSummary(
      row, (authorIds.get(row.id) ?? []) as AuthorId[], (termIds.get(row.id) ?? []) as TermId[],
    )]));
  }

  /** The HTML bodies of the hits whose snippet comes from their body, by id. */
  private async bodies(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('articles').select(['id', 'body_html']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, r.body_html]));
  }
}

/**
 * The page's ids, best tier first, newest first within a tier. Each tier is asked only for its
 * newest `offset + limit` matches, which the engines answer without ranking every match: a tier
 * that has that many fills the page; one that has fewer is then known whole, so the next tier's
 * first `offset + limit` rows, less those already taken, continue the order exactly.
 */
export async function pageOfTiers(plan: MatchPlan, offset: number, limit: number): Promise<RankedMatch[]> {
  const wanted = offset + limit;
  const ordered: RankedMatch[] = [];
  const taken = new Set<string>();
  for (const { tier, score } of TIERS) {
    const matches = await plan.newest(tier, wanted);
    for (const { id, card } of matches) {
      if (!taken.has(id)) {
        taken.add(id);
        ordered.push({ id, card, tier, score });
      }
    }
    if (matches.length >= wanted) break;
  }
  return ordered.slice(offset, wanted);
}

/** Visibility (published, not in the future) and the filters, over articles aliased `a`, as SQL conditions. */
export function visibleAndFiltered(filter: SearchFilter): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`a.status = 'published'`, sql`a.published_at <= ${filter.now}`];
  if (filter.from) conditions.push(sql`a.published_at >= ${filter.from}`);
  if (filter.to) conditions.push(sql`a.published_at <= ${filter.to}`);
  if (filter.sourceId) conditions.push(sql`a.source_id = ${filter.sourceId}`);
  if (filter.authorId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.author_id = ${filter.authorId})`);
  }
  for (const group of termGroupsOf(filter)) {
    conditions.push(group.length === 0
      ? sql`1 = 0`
      : sql`EXISTS (SELECT 1 FROM article_terms art WHERE art.article_id = a.id AND art.term_id IN (${sql.join([...group])}))`);
  }
  return conditions;
}

/** Every any-of term set the filter requires: `termIds` and each of `termGroups`. */
export function termGroupsOf(filter: SearchFilter): (readonly TermId[])[] {
  return [...(filter.termIds ? [filter.termIds] : []), ...(filter.termGroups ?? [])];
}

/** The same conditions as `visibleAndFiltered`, over a loaded article. */
export function passesFilter(article: ArticleSummary, filter: SearchFilter): boolean {
  return isVisible(article, filter.now)
    && (!filter.from || article.publishedAt! >= filter.from)
    && (!filter.to || article.publishedAt! <= filter.to)
    && (!filter.sourceId || article.syndication?.sourceId === filter.sourceId)
    && (!filter.authorId || article.authorIds.includes(filter.authorId))
    && termGroupsOf(filter).every((group) => group.some((id) => article.termIds.includes(id)));
}

/** What the title and standfirst give a hit; `settled` when its body need not be read for a passage. */
interface HeadPassage {
  matcher: Matcher;
  titleHtml: string;
  fromStandfirst: ReturnType<typeof bestSnippet>;
  settled: boolean;
}

/**
 * A hit's highlighted title and standfirst passage. `inHead`: every clause was found in the title
 * or standfirst (the head tiers). The body (the costly part, thousands of words) is read only for
 * hits found through it: when the title and standfirst show every word of the query, the
 * standfirst is the passage.
 */
function headPassage(article: ArticleSummary, clauseCount: number, matcher: Matcher, inHead: boolean): HeadPassage {
  const fromStandfirst = article.standfirst ? bestSnippet(article.standfirst, matcher) : null;
  const settled = (!!fromStandfirst && fromStandfirst.clauses === clauseCount) || (inHead && !!article.standfirst);
  return { matcher, titleHtml: highlightAll(article.title, matcher), fromStandfirst, settled };
}

/** A hit with its title and the best passage highlighted for the article's language; `bodyHtml` for hits not settled by their head. */
function hitOf(article: ArticleSummary, score: number, head: HeadPassage, bodyHtml = ''): SearchHit {
  const { matcher, titleHtml, fromStandfirst } = head;
  if (head.settled) return { article, score, titleHtml, snippetHtml: fromStandfirst?.html ?? leadSnippet(article.standfirst!) };
  const body = plainTextOfHtml(bodyHtml);
  const fromBody = bestSnippet(body, matcher);
  const snippetHtml = fromBody && (!fromStandfirst || fromBody.clauses > fromStandfirst.clauses)
    ? fromBody.html
    : fromStandfirst?.html ?? leadSnippet(article.standfirst || article.excerpt || body);
  return { article, score, titleHtml, snippetHtml };
}
