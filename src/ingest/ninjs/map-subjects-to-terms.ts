/**
 * Mapping a ninjs item's subjects and places to the site's taxonomy terms with a table of rules.
 * Pure: the table is data (see default-ninjs-mapping.ts for the starting set).
 */
import type { NinjsArticle } from './ninjs-article.js';

/**
 * One rule: when a subject or place matches every given field of `match`, the article gets `term`
 * in `taxonomy`. `name` matches case-insensitively. `code` may carry a scheme prefix
 * (`medtop:11000000`, `iso3166-1a2:RU`), which must then agree with the concept's scheme when the
 * concept has one; a trailing `*` matches codes starting with the rest (`medtop:04*`).
 */
export interface SubjectMapping {
  match: { scheme?: string; code?: string; name?: string };
  taxonomy: string;
  term: string;
}

/** Scheme URIs of the vocabularies the IPTC uses, by their usual QCode alias. */
const SCHEME_ALIASES: Record<string, string> = {
  'cv.iptc.org/newscodes/mediatopic': 'medtop',
  'cv.iptc.org/newscodes/subjectcode': 'subj',
  'cv.iptc.org/newscodes/genre': 'genre',
  'cvx.iptc.org/iso3166-1a2': 'iso3166-1a2',
  'www.wikidata.org/entity': 'wd',
};

/** A scheme URI or alias in one comparable form: the alias when known, else the URI without protocol and trailing separator. */
function normaliseScheme(scheme: string): string {
  const trimmed = scheme.trim().toLowerCase();
  const bare = trimmed.replace(/^https?:\/\//, '').replace(/[/#:]+$/, '');
  return SCHEME_ALIASES[bare] ?? bare;
}

/** Splits `medtop:11000000` into scheme alias and code; URIs and URNs are not QCodes. */
function splitQcode(code: string): { scheme: string | null; code: string } {
  const match = /^([a-z][a-z0-9+.-]*):(.+)$/i.exec(code.trim());
  if (!match || /^(?:https?|urn)$/i.test(match[1]!)) return { scheme: null, code: code.trim() };
  return { scheme: normaliseScheme(match[1]!), code: match[2]!.trim() };
}

const sameText = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

function matches(rule: SubjectMapping['match'], concept: NinjsArticle['subjects'][number]): boolean {
  if (rule.name === undefined && rule.code === undefined && rule.scheme === undefined) return false;
  if (rule.name !== undefined && (concept.name === null || !sameText(rule.name, concept.name))) return false;

  const ownCode = concept.code === null ? null : splitQcode(concept.code);
  const conceptScheme = ownCode?.scheme ?? (concept.scheme === null ? null : normaliseScheme(concept.scheme));
  const wanted = rule.code === undefined ? null : splitQcode(rule.code);
  const wantedScheme = wanted?.scheme ?? (rule.scheme === undefined ? null : normaliseScheme(rule.scheme));

  if (wanted !== null) {
    if (ownCode === null) return false;
    const want = wanted.code.toLowerCase();
    const have = ownCode.code.toLowerCase();
    if (want.endsWith('*') ? !have.startsWith(want.slice(0, -1)) : have !== want) return false;
    // "With or without scheme prefix": a concept that names no scheme matches on its code alone.
    return wantedScheme === null || conceptScheme === null || wantedScheme === conceptScheme;
  }
  // A rule with a scheme but no code applies to every concept of that scheme.
  return wantedScheme === null || wantedScheme === conceptScheme;
}

/** The terms the rules give the article's subjects and places, grouped by taxonomy in rule order, without duplicates. */
export function mapSubjectsToTerms(article: Pick<NinjsArticle, 'subjects' | 'places'>, table: SubjectMapping[]): { taxonomy: string; names: string[] }[] {
  const concepts = [...article.subjects, ...article.places];
  const byTaxonomy = new Map<string, string[]>();
  for (const rule of table) {
    if (!concepts.some((concept) => matches(rule.match, concept))) continue;
    const names = byTaxonomy.get(rule.taxonomy) ?? [];
    if (!names.includes(rule.term)) names.push(rule.term);
    byTaxonomy.set(rule.taxonomy, names);
  }
  return [...byTaxonomy].map(([taxonomy, names]) => ({ taxonomy, names }));
}
