import type { CodeShare, PlaceKind } from './types.js';
import * as english from './english-tables.js';

/** The hand-kept tables of one language; names from the data packages come on top of them. */
export interface LanguageTables {
  seatsOfPower: Record<string, string>;
  leaders: Array<{ name: string; code: string }>;
  historicNames: Array<{ names: string[]; codes: CodeShare[] }>;
  extraNames: Record<string, string>;
  extraDemonyms: Record<string, string>;
  otherCityNames: Record<string, string>;
  ambiguousNames: Record<string, Array<{ code: string; prior: number; kind?: PlaceKind }>>;
  personLikeNames: Set<string>;
  notPlaces: string[];
  commonWordCities: Set<string>;
  countriesWithNamedSubdivisions: Set<string>;
  organisationDesignators: Set<string>;
  currencyWords: Set<string>;
}

const empty: LanguageTables = {
  seatsOfPower: {}, leaders: [], historicNames: [], extraNames: {}, extraDemonyms: {}, otherCityNames: {}, ambiguousNames: {},
  personLikeNames: new Set(), notPlaces: [], commonWordCities: new Set(), countriesWithNamedSubdivisions: new Set(), organisationDesignators: new Set(), currencyWords: new Set(),
};

/** Tables per language; a language without its own still gets country and city names from the packages. */
export const languageTables: Record<string, LanguageTables> = { en: english };

/** The tables for a language tag such as "en-GB". */
export function tablesFor(language: string): LanguageTables {
  return languageTables[language] ?? empty;
}
