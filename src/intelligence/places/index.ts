import type { Gazetteer } from './gazetteer.js';
import type { PlaceInput, PlaceTag } from './types.js';
import { buildGazetteer } from './gazetteer.js';
import { tablesFor } from './language-tables.js';
import { loadCities, loadCountries, loadSubdivisions } from './package-data.js';
import { tagPlacesWith } from './tag-places.js';

export type { PlaceEvidence, PlaceField, PlaceInput, PlaceKind, PlaceTag } from './types.js';
export { mainPlaceRule } from './tag-places.js';

/** Cities smaller than this are named in running text too rarely, and too ambiguously, to count. */
const minCityPopulation = 100_000;
/** Dateline towns may be smaller: a dateline is a place by construction. */
const minDatelinePopulation = 15_000;
const gazetteers = new Map<string, Gazetteer>();

/** The compiled gazetteer of a language, built on first use (a few hundred milliseconds) and kept. */
export function gazetteerFor(language = 'en'): Gazetteer {
  // Only a plain ISO 639 code reaches the data packages' file names.
  const subtag = language.toLowerCase().split('-')[0] ?? '';
  const primary = /^[a-z]{2,3}$/.test(subtag) ? subtag : 'en';
  let gazetteer = gazetteers.get(primary);
  if (!gazetteer) {
    const sources = { countries: loadCountries(primary), cities: loadCities(minDatelinePopulation), subdivisions: loadSubdivisions() };
    gazetteer = buildGazetteer(sources, tablesFor(primary), minCityPopulation);
    gazetteers.set(primary, gazetteer);
  }
  return gazetteer;
}

/**
 * The countries an article names (ISO 3166-1 alpha-2), best first, each with a score, whether it
 * is one of the article's main places, and the spans that support it.
 */
export function tagPlaces(input: PlaceInput): PlaceTag[] {
  return tagPlacesWith(gazetteerFor(input.language), input);
}
