/**
 * The headline of a page. Metadata titles often carry the site's name ("Headline | Site",
 * "Site – Headline") or a section label; the page's own <h1> usually does not.
 */
import { countWords } from './blocks.js';

/** What the headline is chosen from. */
export interface TitleSources {
  metadataTitle: string | null;
  readabilityTitle: string | null;
  documentTitle: string | null;
  headings: readonly string[];
  siteName: string | null;
}

const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** Separators between a headline and a site name: spaced bars, dashes, colons, arrows; unspaced after CJK text. */
const SEPARATOR_RE = /\s+[|–—·•›»~/:]\s+|:\s+|\s+-\s+|\s+::\s+|\s*\|\s*|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}！？。」])[-–—_]/gu;

/** "Headline | Site Name - Tagline" → "Headline"; "Site Name: Headline" → "Headline". */
export function withoutSiteName(title: string, siteName: string | null): string {
  const site = siteName !== null ? comparable(siteName) : '';
  if (site === '') return title.trim();
  for (const match of title.matchAll(SEPARATOR_RE)) {
    const before = title.slice(0, match.index);
    const after = title.slice(match.index + match[0].length);
    if (comparable(after).startsWith(site) && comparable(before) !== '') return before.trim();
    if (comparable(before) === site && comparable(after) !== '') return after.trim();
  }
  return title.trim();
}

/**
 * The headline: the metadata title (JSON-LD, OpenGraph), else Readability's, else <title>. When
 * the page's own <h1> is part of that title ("Headline – Site", "Section: Headline"), the <h1>
 * is the headline as readers see it.
 */
export function pickTitle(sources: TitleSources): string | null {
  const raw = (sources.metadataTitle ?? sources.readabilityTitle ?? sources.documentTitle ?? '').replace(/\s+/g, ' ').trim();
  const site = sources.siteName !== null ? comparable(sources.siteName) : '';
  const key = comparable(raw);
  const heading = sources.headings.find((h) => {
    const k = comparable(h);
    return k !== '' && k !== site && countWords(h) >= 2 && key.includes(k);
  });
  if (heading !== undefined) return heading;
  if (raw === '') return sources.headings[0] ?? null;
  return withoutSiteName(raw, sources.siteName) || null;
}
