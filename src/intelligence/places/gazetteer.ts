import type { LanguageTables } from './language-tables.js';
import type { PlaceSources } from './package-data.js';
import type { CodeShare, CompiledName, PlaceKind, Sense } from './types.js';
import { nameTokens } from './tokens.js';

/** Names compiled for matching: entries keyed by their first token, longest first. */
export interface Gazetteer {
  byFirstToken: Map<string, CompiledName[]>;
  /** Places that only a dateline may name (smaller towns, state abbreviations), by normalised name. */
  datelinePlaces: Map<string, string>;
  /** Shortened state and province names a dateline qualifier may use ("Kan.", "Calif.", "Ont."). */
  stateAbbreviations: Map<string, string>;
  /** Normalised words that end a company name ("inc", "fund"). */
  organisationDesignators: Set<string>;
  /** Normalised currency words ("dollar", "dlrs", "franc"). */
  currencyWords: Set<string>;
}

// When one name has readings of several kinds for different countries, the stronger kind wins:
// "Mexico" is the country, not a reading of the city that shares its name.
const kindRank: Record<PlaceKind, number> = {
  country: 8, historic: 7, metonym: 6, leader: 5, demonym: 4, capital: 3, subdivision: 2, city: 1,
};
const curatedKinds = new Set<PlaceKind>(['country', 'historic', 'metonym', 'leader', 'demonym']);

interface Reading { kind: PlaceKind; codes: CodeShare[]; prior: number }

/** Compiles the package sources and a language's tables into a gazetteer. */
export function buildGazetteer(sources: PlaceSources, tables: LanguageTables, minCityPopulation: number): Gazetteer {
  const readings = new Map<string, Reading[]>();
  const add = (name: string, kind: PlaceKind, codes: CodeShare[], prior = 1): void => {
    const key = nameTokens(name).join(' ');
    if (key === '') return;
    readings.set(key, [...(readings.get(key) ?? []), { kind, codes, prior }]);
  };
  const one = (code: string): CodeShare[] => [{ code, share: 1 }];

  for (const country of sources.countries) {
    // Dependent territories share demonyms with their country ("French"); the independent state keeps them.
    const prior = country.independent ? 1 : 0.2;
    for (const name of country.names) add(name, 'country', one(country.code), prior);
    for (const abbreviation of country.abbreviations) add(abbreviation, 'country', one(country.code), prior);
    for (const demonym of country.demonyms.filter((d) => d.length > 2)) {
      add(demonym, 'demonym', one(country.code), prior);
      if (!/(ese|s|sh)$/.test(demonym)) add(`${demonym}s`, 'demonym', one(country.code), prior);
    }
    if (country.independent) for (const capital of country.capitals) add(capital, 'capital', one(country.code), prior);
  }
  const largestCity = Math.max(1, ...sources.cities.map((c) => c.population));
  for (const city of sources.cities) {
    if (city.population < minCityPopulation && !city.capital) continue;
    if (tables.commonWordCities.has(city.name)) continue;
    const prior = 0.1 + 0.9 * Math.sqrt(city.population / largestCity);
    // Small capitals ("Stanley", "Douglas") are read like towns: they must stand apart from other names.
    const kind = city.capital && city.population >= minCityPopulation ? 'capital' : 'city';
    for (const name of cityNames(city.name)) add(name, kind, one(city.code), prior);
  }
  for (const state of sources.subdivisions) {
    if (tables.countriesWithNamedSubdivisions.has(state.code)) add(state.name, 'subdivision', one(state.code), 0.5);
  }
  for (const [name, code] of Object.entries(tables.extraNames)) add(name, 'country', one(code));
  for (const [name, code] of Object.entries(tables.extraDemonyms)) add(name, 'demonym', one(code));
  for (const [name, code] of Object.entries(tables.otherCityNames)) add(name, 'city', one(code));
  for (const entry of tables.historicNames) for (const name of entry.names) add(name, 'historic', entry.codes);
  for (const [name, code] of Object.entries(tables.seatsOfPower)) add(name, 'metonym', one(code));
  for (const leader of tables.leaders) add(leader.name, 'leader', one(leader.code));

  // An ambiguous name the packages do not know ("Korean") still needs its readings.
  for (const [name, list] of Object.entries(tables.ambiguousNames)) {
    if (!readings.has(nameTokens(name).join(' '))) for (const { code, kind } of list) add(name, kind ?? 'country', one(code));
  }

  const byFirstToken = new Map<string, CompiledName[]>();
  const ambiguous = new Map(Object.entries(tables.ambiguousNames).map(([name, list]) => [nameTokens(name).join(' '), list]));
  const personLike = new Set([...tables.personLikeNames].map((n) => nameTokens(n).join(' ')));
  const compiled: CompiledName[] = [];
  for (const [key, list] of readings) {
    const tokens = key.split(' ');
    const explicit = ambiguous.get(key);
    const senses = explicit
      ? explicit.map(({ code, prior, kind }) => ({ codes: one(code), kind: kind ?? strongest(list.filter((r) => r.codes[0]?.code === code))?.kind ?? 'country', prior }))
      : resolveReadings(list);
    compiled.push({ tokens, senses, needsIsolation: personLike.has(key), blocks: false });
  }
  for (const phrase of tables.notPlaces) compiled.push({ tokens: nameTokens(phrase), senses: [], needsIsolation: false, blocks: true });
  for (const name of compiled) {
    const first = name.tokens[0] as string;
    const list = byFirstToken.get(first) ?? [];
    list.push(name);
    byFirstToken.set(first, list);
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return {
    byFirstToken, datelinePlaces: datelineTable(sources), stateAbbreviations: stateAbbreviations(sources),
    organisationDesignators: tables.organisationDesignators, currencyWords: tables.currencyWords,
  };
}

function strongest(list: Reading[]): Reading | undefined {
  return [...list].sort((a, b) => kindRank[b.kind] - kindRank[a.kind] || b.prior - a.prior)[0];
}

// One sense per country: its strongest reading. Readings from curated kinds shadow mere cities
// and states of other countries; several cities of the same name stay as competing senses.
function resolveReadings(list: Reading[]): Sense[] {
  const byCode = new Map<string, Reading>();
  for (const reading of list) {
    const key = reading.codes.map((c) => c.code).join('+');
    const current = byCode.get(key);
    if (!current || kindRank[reading.kind] > kindRank[current.kind] || (reading.kind === current.kind && reading.prior > current.prior)) byCode.set(key, reading);
  }
  let senses = [...byCode.values()];
  if (senses.some((s) => curatedKinds.has(s.kind))) senses = senses.filter((s) => curatedKinds.has(s.kind));
  const total = senses.reduce((sum, s) => sum + s.prior, 0) || 1;
  return senses.map((s) => ({ codes: s.codes, kind: s.kind, prior: s.prior / total })).sort((a, b) => b.prior - a.prior);
}

// GeoNames writes "Washington, D.C." and "New York City"; text says "Washington" and "New York".
function cityNames(name: string): string[] {
  const names = [name];
  const beforeComma = name.split(',')[0]?.trim();
  if (beforeComma && beforeComma !== name) names.push(beforeComma);
  if (name.endsWith(' City')) names.push(name.slice(0, -5));
  // "Frankfurt am Main", "Newcastle upon Tyne", "Stoke-on-Trent": the river is left out in text.
  const riverless = name.replace(/(?: am | an der | upon |-on-).*$/, '');
  if (riverless !== name) names.push(riverless);
  return names;
}

function datelineTable(sources: PlaceSources): Map<string, string> {
  const table = new Map<string, { code: string; population: number }>();
  for (const city of sources.cities) {
    for (const name of cityNames(city.name)) {
      const key = nameTokens(name).join(' ');
      const current = table.get(key);
      if (!current || current.population < city.population) table.set(key, { code: city.code, population: city.population });
    }
  }
  const result = new Map([...table].map(([k, v]) => [k, v.code]));
  for (const state of sources.subdivisions) {
    for (const name of [state.name, ...state.abbreviations]) {
      const key = nameTokens(name).join(' ');
      if (!result.has(key) || state.code === 'US' || state.code === 'CA') result.set(key, state.code);
    }
  }
  return result;
}

// Wire services abbreviate states and provinces each in their own way ("Kan.", "Calif.", "Ont."):
// every prefix of three letters or more that the states of only one country start with.
function stateAbbreviations(sources: PlaceSources): Map<string, string> {
  const result = new Map<string, string>();
  const wireStates = sources.subdivisions.filter((s) => s.code === 'US' || s.code === 'CA');
  const owners = new Map<string, Set<string>>();
  for (const state of wireStates) {
    const name = nameTokens(state.name).join('');
    for (let n = 3; n < name.length; n++) owners.set(name.slice(0, n), (owners.get(name.slice(0, n)) ?? new Set()).add(state.code));
  }
  for (const [prefix, codes] of owners) if (codes.size === 1) result.set(prefix, [...codes][0] as string);
  return result;
}
