/**
 * The Reuters-21578 slice in ../shared/corpus/reuters-21578/ (see its README): articles with their
 * PLACES labels mapped to ISO 3166-1 alpha-2 codes, and micro-averaged scoring against them.
 * Used by `npm run bench:tagging` and by the corpus test of the place tagger.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the corpus lives: the shared directory next to the repository. */
export const reutersDir = fileURLToPath(new URL('../../../shared/corpus/reuters-21578/', import.meta.url));

/** One labelled wire story. */
export interface ReutersArticle {
  id: number;
  /** Lewis split ("TRAIN", "TEST", "NOT-USED"). */
  split: string;
  headline: string;
  dateline: string;
  body: string;
  places: string[];
  codes: string[];
}

/**
 * Reuters' own place vocabulary where it is not an English country name i18n-iso-countries knows.
 * Former states map to today's continuing or largest successor, as the tagger's historic names do:
 * a story labelled "ussr" is right when tagged RU, "west-germany" and "east-germany" when tagged DE.
 */
export const reutersPlaceCodes: Record<string, string> = {
  'antigua': 'AG', 'british-virgin-islands': 'VG', 'brunei': 'BN', 'burma': 'MM', 'congo': 'CG',
  'czechoslovakia': 'CZ', 'east-germany': 'DE', 'west-germany': 'DE', 'guinea-bissau': 'GW', 'kampuchea': 'KH',
  'laos': 'LA', 'netherlands-antilles': 'CW', 'swaziland': 'SZ', 'syria': 'SY', 'trinidad-tobago': 'TT',
  'us-virgin-islands': 'VI', 'ussr': 'RU', 'vatican': 'VA', 'western-samoa': 'WS', 'yemen-arab-republic': 'YE',
  'yemen-demo-republic': 'YE', 'yugoslavia': 'RS', 'zaire': 'CD', 'uk': 'GB', 'usa': 'US', 'uae': 'AE',
};

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as { registerLocale(d: unknown): void; getAlpha2Code(name: string, lang: string): string | undefined };
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

/** The ISO code of a Reuters PLACES label. */
export function reutersPlaceCode(label: string): string | undefined {
  return reutersPlaceCodes[label] ?? countries.getAlpha2Code(label.replace(/-/g, ' '), 'en');
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);|&#(\d+);/g, (_m, name: string | undefined, num: string | undefined) => name ? entities[name] ?? '' : String.fromCharCode(Number(num)));
const field = (xml: string, tag: string) => decode(xml.match(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`))?.[1] ?? '');

/** Every article of the corpus files that has at least one PLACES label. */
export function loadReutersArticles(dir = reutersDir): ReutersArticle[] {
  const articles: ReutersArticle[] = [];
  for (const file of readdirSync(dir).filter((f) => /^reut2-\d+\.xml$/.test(f)).sort()) {
    const xml = readFileSync(path.join(dir, file), 'utf8');
    for (const item of xml.matchAll(/<REUTERS ([^>]*)>([\s\S]*?)<\/REUTERS>/g)) {
      const attributes = item[1] as string;
      const inner = item[2] as string;
      const places = [...field(inner, 'PLACES').matchAll(/<D>([^<]*)<\/D>/g)].map((m) => m[1] as string);
      if (places.length === 0) continue;
      const codes = [...new Set(places.map((p) => reutersPlaceCode(p)).filter((c): c is string => c !== undefined))];
      articles.push({
        id: Number(attributes.match(/NEWID="(\d+)"/)?.[1]),
        split: attributes.match(/LEWISSPLIT="([^"]*)"/)?.[1] ?? '',
        headline: field(inner, 'TITLE'),
        dateline: field(inner, 'DATELINE'),
        body: field(inner, 'BODY') || (inner.includes('TYPE="UNPROC"') ? field(inner, 'TEXT') : ''),
        places,
        codes,
      });
    }
  }
  return articles;
}

/** Micro-averaged precision, recall and F1 over sets of predicted and expected labels. */
export function microScores(pairs: Array<{ predicted: string[]; expected: string[] }>): { precision: number; recall: number; f1: number } {
  let tp = 0, fp = 0, fn = 0;
  for (const { predicted, expected } of pairs) {
    const want = new Set(expected);
    const got = new Set(predicted);
    for (const p of got) if (want.has(p)) tp += 1; else fp += 1;
    for (const e of want) if (!got.has(e)) fn += 1;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}
