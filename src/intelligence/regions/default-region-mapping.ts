import type { RegionMapping } from './region-mapping.js';

/** A country with the UN-style region and subregion that world-countries gives it. */
export interface CountryRegion { code: string; region: string; subregion: string }

/**
 * The twelve non-Baltic successor states of the Soviet Union: no data package groups them. The
 * Baltic states go with Europe, where they have belonged (EU and NATO) since 2004.
 */
export const formerSovietStates = ['RU', 'UA', 'BY', 'MD', 'GE', 'AM', 'AZ', 'KZ', 'UZ', 'TM', 'KG', 'TJ'];

// Where a subregion lands among the default Region terms (src/domain/default-taxonomies.ts).
const bySubregion: Record<string, string> = {
  'Northern Europe': 'europe', 'Western Europe': 'europe', 'Southern Europe': 'europe', 'Southeast Europe': 'europe',
  'Central Europe': 'europe', 'Eastern Europe': 'europe',
  'Caribbean': 'latin-america-and-caribbean', 'Central America': 'latin-america-and-caribbean',
  'South America': 'latin-america-and-caribbean', 'North America': 'latin-america-and-caribbean',
  'Western Asia': 'middle-east-and-north-africa', 'Northern Africa': 'middle-east-and-north-africa',
  'Eastern Africa': 'sub-saharan-africa', 'Middle Africa': 'sub-saharan-africa', 'Southern Africa': 'sub-saharan-africa',
  'Western Africa': 'sub-saharan-africa',
  'Southern Asia': 'south-asia', 'Eastern Asia': 'east-asia', 'South-Eastern Asia': 'southeast-asia', 'Central Asia': 'russia-and-fsu',
  'Australia and New Zealand': 'oceania', 'Melanesia': 'oceania', 'Micronesia': 'oceania', 'Polynesia': 'oceania',
};

// Countries the subregions place differently from how a news desk files them.
const exceptions: Record<string, string> = {
  US: 'usa', CA: 'canada', GL: 'europe', IR: 'middle-east-and-north-africa', CY: 'europe',
};

/** The default table for the default Region terms, from each country's region and subregion. */
export function defaultRegionMapping(countries: CountryRegion[]): RegionMapping {
  const table: Record<string, string[]> = {};
  for (const { code, region, subregion } of countries) {
    const slug = formerSovietStates.includes(code) ? 'russia-and-fsu' : exceptions[code] ?? bySubregion[subregion] ?? (region === 'Europe' ? 'europe' : 'global');
    table[code] = [slug];
  }
  return { countries: table };
}
