import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';

/** PostgreSQL text search configurations the index uses; `simple` only folds case. */
export type PgSearchConfig = 'english' | 'russian' | 'french' | 'german' | 'simple';

/** How words of one language are reduced to a common root, in TypeScript (SQLite) and PostgreSQL. */
export interface SearchLanguage {
  /** ISO 639-1 code, or `simple` for every language without a stemmer. */
  code: string;
  pgConfig: PgSearchConfig;
  /** Stem of a folded word (Snowball algorithm); identity for `simple`. */
  stem(word: string): string;
}

/** Stems are memoised per language: news vocabulary repeats, and stemming dominates indexing time. */
function memoised(stemmer: (word: string) => string): (word: string) => string {
  let cache = new Map<string, string>();
  return (word) => {
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    let stem: string;
    try {
      stem = stemmer(word) || word;
    } catch {
      stem = word; // a stemmer bug on odd input must never fail a write or a search
    }
    if (cache.size >= 200_000) cache = new Map();
    cache.set(word, stem);
    return stem;
  };
}

const simple: SearchLanguage = { code: 'simple', pgConfig: 'simple', stem: (word) => word };

/** Languages with a stemmer. Adding one: a Snowball stemmer here and its PostgreSQL configuration name. */
export const stemmedLanguages: readonly SearchLanguage[] = [
  { code: 'en', pgConfig: 'english', stem: memoised(englishStemmer) },
  { code: 'ru', pgConfig: 'russian', stem: memoised(russianStemmer) },
  { code: 'fr', pgConfig: 'french', stem: memoised(frenchStemmer) },
  { code: 'de', pgConfig: 'german', stem: memoised(germanStemmer) },
];

/** Every configuration a query is read in (see docs/decisions/0005-search.md). */
export const allPgConfigs: readonly PgSearchConfig[] = [...stemmedLanguages.map((l) => l.pgConfig), simple.pgConfig];

/** The search language of an article language tag (`en`, `en-GB`, `ru`, `fr-CA`…); `simple` when unknown. */
export function searchLanguageOf(languageTag: string | null | undefined): SearchLanguage {
  const primary = (languageTag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return stemmedLanguages.find((l) => l.code === primary) ?? simple;
}

/** Every root a query word may have in an article: the word itself and its stem in each language. */
export function stemAlternatives(word: string): string[] {
  return [...new Set([word, ...stemmedLanguages.map((l) => l.stem(word))])];
}
