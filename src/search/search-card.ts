import type { Article } from '../domain/article.js';
import type { AuthorId, TermId } from '../domain/ids.js';
import type { ArticleSummary } from '../app/ports.js';
import { articleSummaryColumns, articleToRow, rowToArticleSummary, type ArticleSummaryRow } from '../storage/article-rows.js';

/**
 * What a search result shows of an article, kept beside its index entry (SQLite:
 * `article_search_docs.card`, JSON): the article row without source and body, and its byline and
 * term ids in order. A page of hits then reads twenty small rows it already joins, instead of the
 * articles' rows (whose later columns sit behind the body's overflow pages) and their author and
 * term links: three statements, a third of a search's SQL at 100,000 articles.
 *
 * Written with the rest of the entry, in the same transaction as the article; anything that
 * changes a summary column or a link without the article repository must re-index (as for the
 * index's other facts). A card missing a column (written before the column existed) is not used:
 * that hit is loaded from the articles, as on PostgreSQL, until its next write or a rebuild.
 */
export type SearchCard = ArticleSummaryRow & { author_ids: string[]; term_ids: string[] };

/** The card of an article as the repository writes it. */
export function searchCardOf(article: Article): string {
  const row = articleToRow(article);
  return searchCardOfRow(row, article.authorIds, article.termIds);
}

/** The card of a row read with (at least) `articleSummaryColumns` and its ordered links. */
export function searchCardOfRow(row: ArticleSummaryRow, authorIds: readonly string[], termIds: readonly string[]): string {
  const card: Record<string, unknown> = {};
  for (const column of articleSummaryColumns) card[column] = row[column];
  card['author_ids'] = authorIds;
  card['term_ids'] = termIds;
  return JSON.stringify(card);
}

/** The article a card describes; null when there is no card or it lacks a column the summary needs. */
export function articleOfSearchCard(json: string | null | undefined): ArticleSummary | null {
  if (!json) return null;
  let card: Partial<SearchCard>;
  try {
    card = JSON.parse(json) as Partial<SearchCard>;
  } catch {
    return null;
  }
  if (!Array.isArray(card.author_ids) || !Array.isArray(card.term_ids)) return null;
  for (const column of articleSummaryColumns) if (!(column in card)) return null;
  const full = card as SearchCard;
  return rowToArticleSummary(full, full.author_ids as AuthorId[], full.term_ids as TermId[]);
}
