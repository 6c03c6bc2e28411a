import type { Article } from '../domain/article.js';
import type { ArticleSearchText } from '../app/ports.js';
import { searchLanguageOf, type SearchLanguage } from './search-languages.js';
import { foldedWordsOf, plainTextOfHtml } from './search-text.js';

/** What the index reads of an article (the migration's backfill has only these columns). */
export interface SearchSource {
  id: string;
  title: string;
  standfirst: string | null;
  bodyHtml: string;
  language: string;
}

/**
 * What the SQLite index also keeps of an article so that visibility and filters are answered
 * inside FTS5 (see sqlite-search-index.ts): its status and publication time, bylines, terms and
 * source.
 */
export interface SearchFacts {
  status: string;
  publishedAt: string | null;
  authorIds: readonly string[];
  termIds: readonly string[];
  sourceId: string | null;
  /** The article's search card (search-card.ts), for an engine that keeps one; absent where the caller cannot tell (a migration). */
  card?: string;
}

/** Caps that keep one huge article from costing more than it is worth (PostgreSQL also limits a tsvector to 1 MB). */
const MAX_WORDS = { title: 200, standfirst: 2_000, body: 50_000 } as const;

/** An article as the index sees it: folded words per field, in order, and the language that stems them. */
export interface SearchDocument {
  articleId: string;
  language: SearchLanguage;
  title: string[];
  standfirst: string[];
  body: string[];
}

/** Prepares an article for indexing. */
export function searchDocumentOf(source: SearchSource): SearchDocument {
  return {
    articleId: source.id,
    language: searchLanguageOf(source.language),
    title: foldedWordsOf(source.title, MAX_WORDS.title),
    standfirst: foldedWordsOf(source.standfirst, MAX_WORDS.standfirst),
    body: foldedWordsOf(plainTextOfHtml(source.bodyHtml), MAX_WORDS.body),
  };
}

/** The stems of `words` in `language`, one per word, space-separated (positions line up with the words). */
export function stemmedText(words: readonly string[], language: SearchLanguage): string {
  return words.map((w) => language.stem(w)).join(' ');
}

/** What the index keeps of a stored article. */
export function indexedFieldsOf(article: Article): SearchSource & SearchFacts {
  return {
    id: article.id, title: article.title, standfirst: article.standfirst, bodyHtml: article.bodyHtml, language: article.language,
    status: article.status, publishedAt: article.publishedAt, authorIds: article.authorIds, termIds: article.termIds,
    sourceId: article.syndication?.sourceId ?? null,
  };
}

/** The document as plain strings (what a worker thread hands back, what a bulk write inserts). */
export function searchTextOf(doc: SearchDocument): ArticleSearchText {
  return {
    articleId: doc.articleId, language: doc.language.code,
    title: doc.title.join(' '), standfirst: doc.standfirst.join(' '), body: doc.body.join(' '),
    titleStems: stemmedText(doc.title, doc.language), standfirstStems: stemmedText(doc.standfirst, doc.language), bodyStems: stemmedText(doc.body, doc.language),
    words: [...new Set([...doc.title, ...doc.standfirst, ...doc.body])].join(' '),
  };
}
