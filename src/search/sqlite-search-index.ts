import { CompiledQuery, sql, type Kysely } from 'kysely';
import { insertValues } from '../storage/multi-row-insert.js';
import type { Article } from '../domain/article.js';
import type { Database } from '../storage/schema.js';
import { KyselySearchIndex, termGroupsOf, type FullTextEngine, type MatchPlan, type SearchFilter, type SearchMatch, type SearchTier } from './kysely-search-index.js';
import { firstKeyAt, KEY_SLOTS, lastKeyAt, visibleKeyRange } from './search-doc-keys.js';
import { indexedFieldsOf, searchDocumentOf, searchTextOf, type SearchDocument, type SearchFacts } from './search-document.js';
import { filterToken, filterTokensOf } from './search-filter-tokens.js';
import { searchCardOf } from './search-card.js';
import type { ArticleSearchText, SearchCompaction, SearchCompactOptions } from '../app/ports.js';
import { stemAlternatives } from './search-languages.js';
import type { SearchClause } from './search-query-parser.js';

/** Which FTS5 table answers a tier, and the columns its loose words (stems) and exact words are matched in. */
interface TierColumns {
  table: typeof FTS_TABLES[number];
  words: string;
  stems: string;
}

const TIER_COLUMNS: Readonly<Record<SearchTier, TierColumns>> = {
  anywhere: { table: 'article_search_fts', words: '{title standfirst body}', stems: '{title_stems standfirst_stems body_stems}' },
  // The head table holds only titles and standfirsts, so its word lists are a few per cent of the
  // whole index's: a tier that finds nothing there is over in microseconds.
  head: { table: 'article_search_head_fts', words: '{title standfirst}', stems: '{title_stems standfirst_stems}' },
  title: { table: 'article_search_head_fts', words: '{title}', stems: '{title_stems}' },
};

/**
 * The anywhere tier and the count when every clause is a loose word: one column of all stems
 * with `detail=column` (no positions), so FTS5 intersects lists of rowids and columns only. A
 * query whose words never meet (`drought prices climb`) or meet rarely (`regulators delayed`)
 * walks whole lists; at 100,000 articles that took 4–10 ms over the six-column table's position
 * lists and 0.2–1.6 ms here. Phrases need positions and prefixes the word columns, so a query with
 * either stays on `article_search_fts`.
 */
const STEMS_ONLY: TierColumns = { table: 'article_search_stems_fts', words: '{stems}', stems: '{stems}' };

/**
 * The head tiers of the same queries: title and standfirst stems without positions. Several words
 * each common in titles but rarely together there (`the court is expected to rule`) cost ~1.9 ms
 * over the head table's position lists.
 */
const HEAD_STEMS_ONLY: Readonly<Record<SearchTier, TierColumns>> = {
  anywhere: STEMS_ONLY,
  head: { table: 'article_search_head_stems_fts', words: '{title_stems standfirst_stems}', stems: '{title_stems standfirst_stems}' },
  // Titles' stems in a table of their own: several words each common in titles but rarely together
  // there (`the court is expected to rule`) walked the head table's lists to their end, 1.5 ms at
  // 100,000 articles; the title table's are a fraction of those (0.05 ms).
  title: { table: 'article_search_title_stems_fts', words: '{title_stems}', stems: '{title_stems}' },
};

/**
 * Replaces the article's entry in both tables. Its row key follows its publication time (see
 * search-doc-keys.ts); an article keeps its key while its status and publication millisecond stay.
 */
async function writeDocument(db: Kysely<Database>, doc: SearchDocument, facts: SearchFacts): Promise<void> {
  await writeEntry(db, searchTextOf(doc), facts);
}

/** writeDocument with the words and stems already worked out (a bulk import's worker thread does). */
async function writeEntry(db: Kysely<Database>, text: ArticleSearchText, facts: SearchFacts): Promise<void> {
  const existing = await sql<{ doc_id: number }>`SELECT doc_id FROM article_search_docs WHERE article_id = ${text.articleId}`.execute(db);
  let key = existing.rows[0]?.doc_id;
  if (key !== undefined) await deleteEntries(db, key);
  if (key === undefined || !keyFits(key, facts)) {
    if (key !== undefined) await sql`DELETE FROM article_search_docs WHERE doc_id = ${key}`.execute(db);
    key = await new BatchKeys(db).next(facts);
    // Migrations 0016 and 0018 write entries before 0019 adds the card column; they pass no card.
    if (facts.card === undefined) await sql`INSERT INTO article_search_docs (doc_id, article_id) VALUES (${key}, ${text.articleId})`.execute(db);
    else await sql`INSERT INTO article_search_docs (doc_id, article_id, card) VALUES (${key}, ${text.articleId}, ${facts.card})`.execute(db);
  } else if (facts.card !== undefined) {
    await sql`UPDATE article_search_docs SET card = ${facts.card} WHERE doc_id = ${key}`.execute(db);
  }
  const filters = filterTokensOf(facts);
  await sql`INSERT INTO article_search_fts (rowid, title, standfirst, body, title_stems, standfirst_stems, body_stems, filters)
    VALUES (${key}, ${text.title}, ${text.standfirst}, ${text.body}, ${text.titleStems}, ${text.standfirstStems}, ${text.bodyStems}, ${filters})`.execute(db);
  await sql`INSERT INTO article_search_head_fts (rowid, title, standfirst, title_stems, standfirst_stems, filters)
    VALUES (${key}, ${text.title}, ${text.standfirst}, ${text.titleStems}, ${text.standfirstStems}, ${filters})`.execute(db);
  await writeStemsEntry(db, key, text, filters);
  await writeSearchWords(db, addWordsOfText(new Set(), text));
}

/**
 * Adds words to `article_search_words` (migration 0021), the index's vocabulary: every folded word
 * of a title, standfirst or body ever indexed, once. A prefix* is read as the words it begins
 * (see `prefixWordsOf`). Words are never taken out: one no article holds any more costs a query
 * that reads it one lookup that finds nothing.
 */
export async function writeSearchWords(db: Kysely<Database>, words: ReadonlySet<string>): Promise<void> {
  const distinct = [...words].filter((w) => w.length > 0);
  if (distinct.length === 0) return;
  await db.executeQuery(CompiledQuery.raw('INSERT OR IGNORE INTO article_search_words (word) SELECT value FROM json_each(?)', [JSON.stringify(distinct)]));
}

/**
 * Adds the words of an article's indexed text to `words`: its distinct words where they were
 * worked out ahead, else every word of its fields (folded words separated by spaces). A plain
 * loop, not a generator: a bulk import runs it for every article on the writing thread.
 */
export function addWordsOfText(words: Set<string>, text: Pick<ArticleSearchText, 'title' | 'standfirst' | 'body' | 'words'>): Set<string> {
  for (const field of text.words !== undefined ? [text.words] : [text.title, text.standfirst, text.body]) {
    if (!field) continue;
    for (const word of field.split(' ')) words.add(word);
  }
  return words;
}

/**
 * An article's rows in the position-less tables: `article_search_stems_fts` (every stem of title,
 * standfirst and body in one column), `article_search_head_stems_fts` (title and standfirst
 * stems) and `article_search_title_stems_fts` (title stems).
 */
export async function writeStemsEntry(db: Kysely<Database>, key: number, text: ArticleSearchText, filters: string): Promise<void> {
  await sql`INSERT INTO article_search_stems_fts (rowid, stems, filters) VALUES (${key}, ${allStemsOf(text)}, ${filters})`.execute(db);
  await sql`INSERT INTO article_search_head_stems_fts (rowid, title_stems, standfirst_stems, filters)
    VALUES (${key}, ${text.titleStems}, ${text.standfirstStems}, ${filters})`.execute(db);
  await writeTitleStemsEntry(db, key, text, filters);
}

/** An article's row in `article_search_title_stems_fts` (migration 0020). */
export async function writeTitleStemsEntry(db: Kysely<Database>, key: number, text: Pick<ArticleSearchText, 'titleStems'>, filters: string): Promise<void> {
  await sql`INSERT INTO article_search_title_stems_fts (rowid, title_stems, filters) VALUES (${key}, ${text.titleStems}, ${filters})`.execute(db);
}

/** Every stem of title, standfirst and body, in that order: the stems table's one column. */
function allStemsOf(text: ArticleSearchText): string {
  return [text.titleStems, text.standfirstStems, text.bodyStems].filter((s) => s.length > 0).join(' ');
}

async function deleteEntries(db: Kysely<Database>, key: number): Promise<void> {
  await sql`DELETE FROM article_search_fts WHERE rowid = ${key}`.execute(db);
  await sql`DELETE FROM article_search_head_fts WHERE rowid = ${key}`.execute(db);
  await sql`DELETE FROM article_search_stems_fts WHERE rowid = ${key}`.execute(db);
  await sql`DELETE FROM article_search_head_stems_fts WHERE rowid = ${key}`.execute(db);
  await sql`DELETE FROM article_search_title_stems_fts WHERE rowid = ${key}`.execute(db);
}

function isPublished(facts: SearchFacts): facts is SearchFacts & { publishedAt: string } {
  return facts.status === 'published' && facts.publishedAt !== null;
}

function keyFits(key: number, facts: SearchFacts): boolean {
  return isPublished(facts) ? key >= firstKeyAt(facts.publishedAt) && key <= lastKeyAt(facts.publishedAt) : key < 0;
}


/**
 * Indexes a batch of new articles (a bulk import's): keys are chosen first, then each table gets
 * a few multi-row INSERTs instead of seven statements an article. At 100,000 articles those
 * statements cost the writing thread more in Kysely and the driver than FTS5 took to index them.
 * An article that somehow has an entry already (left by an earlier failure) is rewritten alone,
 * first, so the keys chosen next see it.
 */
async function writeMany(db: Kysely<Database>, entries: readonly { article: Article; text: ArticleSearchText }[]): Promise<void> {
  if (entries.length === 0) return;
  const { rows: existing } = await db.executeQuery<{ article_id: string }>(CompiledQuery.raw(
    'SELECT d.article_id FROM json_each(?) j CROSS JOIN article_search_docs d ON d.article_id = j.value', [JSON.stringify(entries.map((e) => e.text.articleId))],
  ));
  const rewritten = new Set(existing.map((r) => r.article_id));
  const factsOf = (article: Article): SearchFacts => ({ ...indexedFieldsOf(article), card: searchCardOf(article) });
  for (const { article, text } of entries) if (rewritten.has(text.articleId)) await writeEntry(db, text, factsOf(article));
  const keys = new BatchKeys(db);
  const docs: unknown[][] = [];
  const words: unknown[][] = [];
  const head: unknown[][] = [];
  const stems: unknown[][] = [];
  const headStems: unknown[][] = [];
  const titleStems: unknown[][] = [];
  for (const { article, text } of entries) {
    if (rewritten.has(text.articleId)) continue;
    const facts = factsOf(article);
    const key = await keys.next(facts);
    const filters = filterTokensOf(facts);
    docs.push([key, text.articleId, facts.card]);
    words.push([key, text.title, text.standfirst, text.body, text.titleStems, text.standfirstStems, text.bodyStems, filters]);
    head.push([key, text.title, text.standfirst, text.titleStems, text.standfirstStems, filters]);
    stems.push([key, allStemsOf(text), filters]);
    headStems.push([key, text.titleStems, text.standfirstStems, filters]);
    titleStems.push([key, text.titleStems, filters]);
  }
  const into = db as Kysely<unknown>;
  const chunk = { chunk: SEARCH_ROWS_CHUNK };
  await insertValues(into, 'article_search_docs', ['doc_id', 'article_id', 'card'], docs, chunk);
  await insertValues(into, 'article_search_fts', ['rowid', 'title', 'standfirst', 'body', 'title_stems', 'standfirst_stems', 'body_stems', 'filters'], words, chunk);
  await insertValues(into, 'article_search_head_fts', ['rowid', 'title', 'standfirst', 'title_stems', 'standfirst_stems', 'filters'], head, chunk);
  await insertValues(into, 'article_search_stems_fts', ['rowid', 'stems', 'filters'], stems, chunk);
  await insertValues(into, 'article_search_head_stems_fts', ['rowid', 'title_stems', 'standfirst_stems', 'filters'], headStems, chunk);
  await insertValues(into, 'article_search_title_stems_fts', ['rowid', 'title_stems', 'filters'], titleStems, chunk);
  const vocabulary = new Set<string>();
  for (const { text } of entries) addWordsOfText(vocabulary, text);
  await writeSearchWords(db, vocabulary);
}

/** Rows per multi-row INSERT into the search tables (at most 8 columns: 4,000 parameters). */
const SEARCH_ROWS_CHUNK = 500;

/**
 * Free keys: for a published article the first free slot of its millisecond (a full millisecond
 * spills into the one before, so the article sorts a millisecond older); else the next negative
 * key. One instance serves a batch whose entries are written together at its end: the keys it
 * handed out count as taken, and each millisecond's highest key is read from the table once (the
 * table does not change until the batch's rows go in). A single entry uses a fresh one.
 */
class BatchKeys {
  private readonly highest = new Map<number, number | null>();
  private lowest: number | undefined;
  constructor(private readonly db: Kysely<Database>) {}

  async next(facts: SearchFacts): Promise<number> {
    if (!isPublished(facts)) {
      if (this.lowest === undefined) {
        const { rows } = await this.db.executeQuery<{ m: number | null }>(CompiledQuery.raw('SELECT min(doc_id) AS m FROM article_search_docs', []));
        const lowest = rows[0]?.m ?? null;
        this.lowest = lowest === null || lowest > 0 ? 0 : lowest;
      }
      return --this.lowest;
    }
    for (let first = firstKeyAt(facts.publishedAt); first >= 1; first -= KEY_SLOTS) {
      const last = first + KEY_SLOTS - 1;
      let highest = this.highest.get(first);
      if (highest === undefined) {
        const { rows } = await this.db.executeQuery<{ m: number | null }>(CompiledQuery.raw('SELECT max(doc_id) AS m FROM article_search_docs WHERE doc_id BETWEEN ? AND ?', [first, last]));
        highest = rows[0]?.m ?? null;
      }
      const key = highest === null ? first : highest < last ? highest + 1 : null;
      this.highest.set(first, key ?? highest);
      if (key !== null) return key;
    }
    throw new Error(`No free search key at or before ${facts.publishedAt}.`);
  }
}

/**
 * SQLite FTS5. Five contentless tables (migrations 0016, 0018 and 0020): `article_search_fts` holds, per article,
 * the folded words of title, standfirst and body, the same three fields as stems in the
 * article's language computed in TypeScript, and filter words naming its terms, bylines and
 * source; `article_search_head_fts` the same for title and standfirst only;
 * `article_search_stems_fts` all stems in one column, `article_search_head_stems_fts` the
 * title's and standfirst's and `article_search_title_stems_fts` the title's, without positions,
 * for queries of loose words only. Loose words match
 * the stem columns, "phrases" and prefix* the word columns; a prefix* is read as the words it
 * begins, from the index's vocabulary `article_search_words` (migration 0021). Row keys follow publication time
 * (search-doc-keys.ts), so visibility and dates are key ranges, filters are more words to match,
 * and every question is one FTS5 query read newest first and stopped after the page.
 */
export const sqliteFts5Engine: FullTextEngine = {
  async plan(db: Kysely<Database>, clauses: readonly SearchClause[], filter: SearchFilter): Promise<MatchPlan | null> {
    const filterMatch = fts5FilterOf(filter);
    if (filterMatch === null) return null;
    const { first, last } = visibleKeyRange(filter.now, filter.from, filter.to);
    if (first > last) return null;
    const looseOnly = clauses.every((c) => c.kind === 'word' && stemAlternatives(c.word).every(isOneToken));
    const columnsOf = (tier: SearchTier) => (looseOnly ? HEAD_STEMS_ONLY : TIER_COLUMNS)[tier];
    const prefixes = new Map<SearchClause, readonly string[]>();
    for (const clause of clauses) {
      if (clause.kind !== 'prefix') continue;
      const words = await prefixWordsOf(db, clause.prefix);
      // No article has ever held a word that begins so: the query can match nothing.
      if (words?.length === 0) return null;
      if (words) prefixes.set(clause, words);
    }
    const matchOf = (tier: SearchTier) => [fts5MatchOf(clauses, columnsOf(tier), prefixes), ...(filterMatch ? [filterMatch] : [])].join(' AND ');
    return {
      async count(limit) {
        const { rows } = await db.executeQuery<{ n: number }>(CompiledQuery.raw(QUERIES[columnsOf('anywhere').table].count, [matchOf('anywhere'), first, last, limit]));
        return Number(rows[0]?.n ?? 0);
      },
      async newest(tier, limit) {
        const { rows } = await db.executeQuery<SearchMatch>(CompiledQuery.raw(QUERIES[columnsOf(tier).table].newest, [matchOf(tier), first, last, limit]));
        return rows;
      },
    };
  },

  async write(db: Kysely<Database>, article: Article): Promise<void> {
    const fields = indexedFieldsOf(article);
    await writeDocument(db, searchDocumentOf(fields), { ...fields, card: searchCardOf(article) });
  },

  writeDocument,

  keepsCards: true,

  writeMany,

  async remove(db: Kysely<Database>, articleId: string): Promise<void> {
    const { rows } = await sql<{ doc_id: number }>`SELECT doc_id FROM article_search_docs WHERE article_id = ${articleId}`.execute(db);
    for (const { doc_id: key } of rows) await deleteEntries(db, key);
    await sql`DELETE FROM article_search_docs WHERE article_id = ${articleId}`.execute(db);
  },

  async finishRebuild(db: Kysely<Database>): Promise<void> {
    const orphans = sql`SELECT d.doc_id FROM article_search_docs d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_id)`;
    await sql`DELETE FROM article_search_fts WHERE rowid IN (${orphans})`.execute(db);
    await sql`DELETE FROM article_search_head_fts WHERE rowid IN (${orphans})`.execute(db);
    await sql`DELETE FROM article_search_stems_fts WHERE rowid IN (${orphans})`.execute(db);
    await sql`DELETE FROM article_search_head_stems_fts WHERE rowid IN (${orphans})`.execute(db);
    await sql`DELETE FROM article_search_title_stems_fts WHERE rowid IN (${orphans})`.execute(db);
    await sql`DELETE FROM article_search_docs WHERE doc_id IN (${orphans})`.execute(db);
    // Merge each index's segments into one: faster queries after a bulk write.
    for (const table of FTS_TABLES) await sql`INSERT INTO ${sql.table(table)} (${sql.ref(table)}) VALUES ('optimize')`.execute(db);
  },

  async compact(db: Kysely<Database>, options: SearchCompactOptions): Promise<SearchCompaction> {
    const done: SearchCompaction = { segmentsBefore: 0, segmentsAfter: 0, steps: 0 };
    for (const table of FTS_TABLES) {
      const segments = await segmentsOf(db, table);
      done.segmentsBefore += segments;
      if (segments >= Math.max(2, options.fromSegments ?? COMPACT_FROM_SEGMENTS)) {
        for (;;) {
          options.signal?.throwIfAborted();
          done.steps++;
          if (!await mergeStep(db, table)) break;
          // Let requests and writes waiting for the connection go first.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      done.segmentsAfter += await segmentsOf(db, table);
    }
    return done;
  },
};

/** The FTS5 tables of the index (migrations 0016, 0018 and 0020). */
const FTS_TABLES = ['article_search_fts', 'article_search_head_fts', 'article_search_stems_fts', 'article_search_head_stems_fts', 'article_search_title_stems_fts'] as const;

/**
 * The two statements a search asks of each table, as SQL text: a search thread answers hundreds
 * a second, and building them through Kysely's `sql` template compiled the same text every time.
 * The count's matches are counted up to its limit and no further. The newest matches come
 * without a sort or a score: FTS5 walks its lists from the highest key down and stops after
 * `limit` rows.
 */
const QUERIES = Object.fromEntries(FTS_TABLES.map((table) => [table, {
  count: `SELECT count(*) AS n FROM (SELECT rowid FROM "${table}" WHERE "${table}" MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)`,
  newest: `SELECT d.article_id AS id, d.card AS card FROM (SELECT rowid AS doc_id FROM "${table}" WHERE "${table}" MATCH ? AND rowid BETWEEN ? AND ?
    ORDER BY rowid DESC LIMIT ?) AS r CROSS JOIN article_search_docs d ON d.doc_id = r.doc_id ORDER BY r.doc_id DESC`,
}])) as Readonly<Record<typeof FTS_TABLES[number], { count: string; newest: string }>>;

/**
 * A table is merged once it holds this many segments. Every commit that writes to it adds one,
 * and FTS5's own merging (automerge) keeps them in levels, so a site written to over months
 * holds dozens, which every query reads: at 100,000 articles, 10–25 segments a table against one
 * made a search cost 3.0 against 2.1 ms in process, and the queries whose words rarely meet up to
 * twice as much. A full merge rewrites the whole index (some 20 s at 100,000 articles), so it
 * waits until the segments are many.
 */
export const COMPACT_FROM_SEGMENTS = 8;

/**
 * Pages written by one merge step, a write transaction of its own that holds the connection (and
 * the main thread: the driver is synchronous) meanwhile. At 100,000 articles 200 pages took 57 ms
 * at the 90th percentile and 186 ms at most, against 87 and 204 ms for 500, and the whole merge as
 * long (14.7 against 14.5 s).
 */
const MERGE_STEP_PAGES = 200;

async function segmentsOf(db: Kysely<Database>, table: typeof FTS_TABLES[number]): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(DISTINCT segid) AS n FROM ${sql.table(`${table}_idx`)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * One step of merging every segment of `table` into one ('merge' with a negative page count takes
 * segments of every level); true while there was work. FTS5 tells that only through the
 * connection's change count, so the step and both counts run in one transaction: no other
 * statement can come between them.
 */
async function mergeStep(db: Kysely<Database>, table: typeof FTS_TABLES[number]): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const count = async () => Number((await sql<{ n: number }>`SELECT total_changes() AS n`.execute(tx)).rows[0]?.n ?? 0);
    const before = await count();
    await sql`INSERT INTO ${sql.table(table)} (${sql.ref(table)}, rank) VALUES ('merge', ${-MERGE_STEP_PAGES})`.execute(tx);
    return (await count()) - before >= 2;
  });
}

/** Search over SQLite FTS5. */
export class SqliteSearchIndex extends KyselySearchIndex {
  constructor(db: Kysely<Database>) {
    super(db, sqliteFts5Engine);
  }
}

/**
 * The FTS5 MATCH expression for parsed clauses over one tier's columns (by default every field):
 * loose words in one group over the stem columns, phrases and prefixes in one over the word
 * columns. One column filter per group rather than per clause: FTS5 then checks columns once per
 * candidate row (a query with no match, `drought prices climb`, 13.9 → 4.8 ms at 100,000
 * articles). Every word is a quoted string (FTS5 reads nothing inside quotes as syntax), so no
 * input reaches FTS5 as an operator.
 */
export function fts5MatchOf(
  clauses: readonly SearchClause[], columns: Pick<TierColumns, 'words' | 'stems'> = TIER_COLUMNS.anywhere, prefixes: ReadonlyMap<SearchClause, readonly string[]> = new Map(),
): string {
  const loose: string[] = [];
  const exact: string[] = [];
  for (const clause of clauses) {
    switch (clause.kind) {
      case 'word':
        loose.push(`(${stemAlternatives(clause.word).map(quote).join(' OR ')})`);
        break;
      case 'prefix': {
        const words = prefixes.get(clause);
        exact.push(words ? `(${words.map(quote).join(' OR ')})` : `(${quote(clause.prefix)} *)`);
        break;
      }
      case 'phrase':
        exact.push(`(${quote(clause.words.join(' '))})`);
        break;
    }
  }
  return [
    ...(loose.length ? [`(${columns.stems} : (${loose.join(' AND ')}))`] : []),
    ...(exact.length ? [`(${columns.words} : (${exact.join(' AND ')}))`] : []),
  ].join(' AND ');
}

/**
 * Most words a prefix* is read as. FTS5's own prefix query merges the whole list of every word
 * that begins with the prefix before it can return the newest match: at 100,000 articles `lithi*`
 * took 0.5 ms a statement, `minis*` 50 ms and `a*` 630 ms, against 0.03, 0.07 and 0.6 ms for the
 * same words joined by OR, which FTS5 walks newest first and stops. The more words, and the
 * shorter their lists, the less the OR saves (5,000 rare words over 30,000 synthetic documents:
 * both about 60 ms), so beyond this many FTS5's prefix query answers.
 */
export const MAX_PREFIX_WORDS = 512;

/**
 * The indexed words that begin with `prefix`, from the vocabulary (`article_search_words`), in
 * order; null when there are more than MAX_PREFIX_WORDS. Every such word sorts at or after the
 * prefix and before the prefix followed by the last code point.
 */
export async function prefixWordsOf(db: Kysely<Database>, prefix: string): Promise<string[] | null> {
  const { rows } = await db.executeQuery<{ word: string }>(CompiledQuery.raw(
    'SELECT word FROM article_search_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?', [prefix, `${prefix}\u{10FFFF}`, MAX_PREFIX_WORDS + 1],
  ));
  return rows.length > MAX_PREFIX_WORDS ? null : rows.map((r) => r.word);
}

/**
 * The filters as FTS5 words to match in the `filters` column: each term group any-of, the author
 * and the source. Empty when there are none; null when an empty term group leaves nothing to find.
 */
export function fts5FilterOf(filter: SearchFilter): string | null {
  const parts: string[] = [];
  for (const group of termGroupsOf(filter)) {
    if (group.length === 0) return null;
    parts.push(`({filters} : (${group.map((id) => quote(filterToken('t', id))).join(' OR ')}))`);
  }
  if (filter.authorId) parts.push(`({filters} : ${quote(filterToken('a', filter.authorId))})`);
  if (filter.sourceId) parts.push(`({filters} : ${quote(filterToken('s', filter.sourceId))})`);
  return parts.join(' AND ');
}

/**
 * Whether FTS5's tokenizer surely reads `word` as one token. A quoted string of several tokens is a
 * phrase, which a `detail=column` table refuses; the parser keeps marks and every script's letters,
 * some of which unicode61 splits on, so only letters and digits of the scripts up to Cyrillic
 * (all in SQLite's Unicode tables) go to the stems table.
 */
export function isOneToken(word: string): boolean {
  return /^[\p{L}\p{Nd}]+$/u.test(word) && /^[\u0030-\u052f]+$/.test(word);
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
