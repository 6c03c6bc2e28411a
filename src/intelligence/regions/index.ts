import { loadCountries } from '../places/package-data.js';
import type { RegionMapping } from './region-mapping.js';
import { defaultRegionMapping } from './default-region-mapping.js';
import { parseRegionMapping } from './region-mapping.js';

export type { RegionMapping } from './region-mapping.js';
export type { RegionSuggestion, ScoredCountry } from './suggest-regions.js';
export { suggestRegions, mainRegionShare } from './suggest-regions.js';
export { parseRegionMapping, renameRegionInMapping } from './region-mapping.js';
export { defaultRegionMapping, formerSovietStates } from './default-region-mapping.js';

let defaultTable: RegionMapping | undefined;

/** The default country → Region table for the default Region terms (built once from world-countries). */
export function defaultRegionTable(): RegionMapping {
  defaultTable ??= defaultRegionMapping(loadCountries('en'));
  return defaultTable;
}

/** The site's stored table when it is valid, else the default: what the app passes to suggestRegions. */
export function regionTableFromSetting(stored: unknown): RegionMapping {
  return parseRegionMapping(stored) ?? defaultRegionTable();
}
