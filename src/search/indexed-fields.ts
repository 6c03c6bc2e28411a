import { sql, type Kysely, type RawBuilder } from 'kysely';
import { articleSummaryColumns, type ArticleSummaryRow } from '../storage/article-rows.js';
import type { SearchFacts, SearchSource } from './search-document.js';
import { searchCardOfRow } from './search-card.js';

/** Whether to read each article's search card as well (the rebuild and re-index of an engine that keeps cards; never a migration, whose tables may predate some summary columns). */
export interface IndexedFieldsOptions { cards?: boolean }

/**
 * The next `limit` articles after id `after` (in id order) with what the index keeps of them,
 * for rebuilds and migrations. Raw SQL over the tables as they stand, so a migration can call it.
 */
export function indexedFieldsAfter<DB>(db: Kysely<DB>, after: string, limit: number, options: IndexedFieldsOptions = {}): Promise<(SearchSource & SearchFacts)[]> {
  return indexedFieldsWhere(db, sql`id > ${after} ORDER BY id LIMIT ${limit}`, options);
}

/** The articles with these ids (those that exist) with what the index keeps of them. */
export function indexedFieldsOfIds<DB>(db: Kysely<DB>, ids: readonly string[], options: IndexedFieldsOptions = {}): Promise<(SearchSource & SearchFacts)[]> {
  return ids.length === 0 ? Promise.resolve([]) : indexedFieldsWhere(db, sql`id IN (${sql.join([...ids])})`, options);
}

type IndexedRow = { id: string; title: string; standfirst: string | null; body_html: string; language: string; status: string; published_at: string | null; source_id: string | null };

async function indexedFieldsWhere<DB>(db: Kysely<DB>, where: RawBuilder<unknown>, options: IndexedFieldsOptions): Promise<(SearchSource & SearchFacts)[]> {
  const columns = options.cards
    ? sql.join([...new Set([...articleSummaryColumns, 'body_html'])].map((c) => sql.ref(c)))
    : sql`id, title, standfirst, body_html, language, status, published_at, source_id`;
  const { rows } = await sql<IndexedRow>`SELECT ${columns} FROM articles WHERE ${where}`.execute(db);
  if (rows.length === 0) return [];
  const { authorIds, termIds } = await orderedLinksOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, title: r.title, standfirst: r.standfirst, bodyHtml: r.body_html, language: r.language,
    status: r.status, publishedAt: r.published_at, sourceId: r.source_id,
    authorIds: authorIds.get(r.id) ?? [], termIds: termIds.get(r.id) ?? [],
    ...(options.cards ? { card: searchCardOfRow(r as unknown as ArticleSummaryRow, authorIds.get(r.id) ?? [], termIds.get(r.id) ?? []) } : {}),
  }));
}

/** The bylines and terms of these articles (at least one), each list in its article's order, by article id. */
export async function orderedLinksOf<DB>(db: Kysely<DB>, articleIds: readonly string[]): Promise<{ authorIds: Map<string, string[]>; termIds: Map<string, string[]> }> {
  const ids = sql.join([...articleIds]);
  const [authors, terms] = await Promise.all([
    sql<{ article_id: string; id: string }>`SELECT article_id, author_id AS id FROM article_authors WHERE article_id IN (${ids}) ORDER BY position`.execute(db),
    sql<{ article_id: string; id: string }>`SELECT article_id, term_id AS id FROM article_terms WHERE article_id IN (${ids}) ORDER BY position`.execute(db),
  ]);
  return { authorIds: groupedIds(authors.rows), termIds: groupedIds(terms.rows) };
}

function groupedIds(links: readonly { article_id: string; id: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { article_id: articleId, id } of links) {
    const group = groups.get(articleId);
    if (group) group.push(id);
    else groups.set(articleId, [id]);
  }
  return groups;
}
