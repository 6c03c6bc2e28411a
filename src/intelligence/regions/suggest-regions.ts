import type { PlaceEvidence } from '../places/types.js';
import type { RegionMapping } from './region-mapping.js';

/** A country as the place tagger scores it: what region suggestion needs of a PlaceTag. */
export interface ScoredCountry { code: string; weight: number; evidence: PlaceEvidence[] }

/** A Region term suggested for the article, with the countries and mentions behind it. */
export interface RegionSuggestion {
  slug: string;
  /** 0..1, like a country's score. */
  score: number;
  weight: number;
  countries: string[];
  evidence: PlaceEvidence[];
}

/**
 * A region is one of the article's main regions when its best country weighs at least this share
 * of the article's top country: the article is about it, it does not just pass through. On
 * Reuters-21578 region F1 moves by less than 0.002 between 0.3 and 0.5; the stricter end is kept
 * because an editor sees every suggestion.
 */
export const mainRegionShare = 0.5;

/** The article's main regions, best first, from its scored countries and a country → region table. */
export function suggestRegions(countries: ScoredCountry[], table: RegionMapping, share = mainRegionShare): RegionSuggestion[] {
  const top = Math.max(0, ...countries.map((c) => c.weight));
  if (top === 0) return [];
  const regions = new Map<string, { best: number; weight: number; countries: string[]; evidence: PlaceEvidence[] }>();
  for (const country of countries) {
    for (const slug of table.countries[country.code] ?? []) {
      const region = regions.get(slug) ?? { best: 0, weight: 0, countries: [], evidence: [] };
      region.best = Math.max(region.best, country.weight);
      region.weight += country.weight;
      region.countries.push(country.code);
      region.evidence.push(...country.evidence);
      regions.set(slug, region);
    }
  }
  return [...regions]
    .filter(([, r]) => r.best >= top * share)
    .map(([slug, r]) => ({
      slug,
      score: Math.round((1 - Math.exp(-r.weight / 3)) * 1000) / 1000,
      weight: Math.round(r.weight * 1000) / 1000,
      countries: r.countries,
      evidence: r.evidence,
    }))
    .sort((a, b) => b.weight - a.weight || a.slug.localeCompare(b.slug));
}
