/**
 * Reading the importer's fields from one validated ninjs item, whatever generation spelled them.
 * Pure helpers used by parse-ninjs.ts.
 */
import type { NinjsArticle, NinjsConcept } from './ninjs-article.js';
import { htmlToText, looksLikeHtml, type BodyCandidate } from './ninjs-body-html.js';
import { EXTENSION_PROPERTY, type ConceptData, type NinjsItemData, type TextBlock } from './ninjs-schema.js';

/** Trimmed text, or null when missing or blank. */
export function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/** The 1.x extension properties with a given prefix (`headline`, `body`, `description`), as [suffix, value] in document order. */
function extensions(item: NinjsItemData, prefix: string): [string, string][] {
  return Object.entries(item)
    .filter(([key, value]) => EXTENSION_PROPERTY.test(key) && key.startsWith(`${prefix}_`) && typeof value === 'string')
    .map(([key, value]) => [key.slice(prefix.length + 1).toLowerCase(), value as string]);
}

const roleOf = (block: TextBlock): string => (block.role ?? '').trim().toLowerCase();
const contentTypeOf = (block: TextBlock): string => (block.contentType ?? block.contenttype ?? '').trim().toLowerCase();

/** Generation of the item: declared in `standard`/`$standard` (version or schema URI), else recognised by its property names. */
export function versionOf(item: NinjsItemData): NinjsArticle['version'] {
  const standard = item.standard ?? item.$standard;
  const declared = /^\s*([123])(?:\.|$)/.exec(standard?.version ?? '') ?? /schema_([123])[._]/.exec(standard?.schema ?? '');
  if (declared) return `${declared[1]}.x` as NinjsArticle['version'];
  const keys = Object.keys(item);
  const blocks = [...(item.headlines ?? []), ...(item.bodies ?? []), ...(item.descriptions ?? [])];
  const renditionKeys = Array.isArray(item.renditions) ? item.renditions.flatMap((rendition: unknown) => (rendition && typeof rendition === 'object' ? Object.keys(rendition) : [])) : [];
  if (keys.some((key) => CAMEL_CASE_KEYS.has(key)) || blocks.some((block) => block.contentType != null) || renditionKeys.some((key) => CAMEL_CASE_KEYS.has(key))) return '3.x';
  if (keys.some((key) => PLURAL_KEYS.has(key)) || Array.isArray(item.renditions) || Array.isArray(item.associations)) return '2.x';
  return '1.x';
}

const CAMEL_CASE_KEYS = new Set([
  'versionCreated', 'firstCreated', 'contentCreated', 'copyrightHolder', 'copyrightNotice', 'usageTerms', 'pubStatus',
  'representationType', 'embargoedUntil', 'edNote', 'infoSources', 'altIds', 'trustIndicators', 'rightsInfo',
  'digitalSourceType', 'eventDetails', 'plannedCoverage', 'contentType', 'sizeInBytes', 'aspectRatio', 'videoCodec', 'frameRate',
]);
const PLURAL_KEYS = new Set([
  'headlines', 'bodies', 'descriptions', 'subjects', 'places', 'people', 'organisations', 'infosources', 'genres',
  'trustindicators', 'events', 'objects', 'by', 'standard',
]);

/** The headline: `headline`, the main (else first) of `headlines`, a 1.x `headline_*` extension, then `title`. */
export function titleOf(item: NinjsItemData): string | null {
  const headlines = (item.headlines ?? []).filter((block) => clean(block.value));
  const main = headlines.find((block) => ['main', 'headline', ''].includes(roleOf(block))) ?? headlines[0];
  const extension = extensions(item, 'headline');
  return clean(item.headline) ?? clean(main?.value) ?? clean((extension.find(([suffix]) => suffix === 'main') ?? extension[0])?.[1]) ?? clean(item.title);
}

const LEAD_ROLES = ['lead', 'summary', 'abstract', 'teaser', 'standfirst', 'intro'];
const PLAIN_ROLES = ['text', 'main', 'description', ''];
const NOT_STANDFIRST = ['creditline', 'credit', 'writer', 'byline', 'author', 'note', 'usage', 'alt', 'alttext'];

/** The standfirst: a lead or summary, else the plain description, else any other description; a caption only as a last resort (picture items). */
export function standfirstOf(item: NinjsItemData): string | null {
  const blocks: { role: string; value: string; html: boolean }[] = [
    ...(item.descriptions ?? []).map((block) => ({ role: roleOf(block), value: block.value ?? '', html: contentTypeOf(block).includes('html') || looksLikeHtml(block.value ?? '') })),
    ...extensions(item, 'description').map(([suffix, value]) => ({ role: suffix.split('_')[0]!, value, html: /html|richtext/.test(suffix) || looksLikeHtml(value) })),
  ].filter((block) => clean(block.value) !== null && !NOT_STANDFIRST.includes(block.role));
  const rank = (block: { role: string; html: boolean }): number =>
    (LEAD_ROLES.includes(block.role) ? 0 : PLAIN_ROLES.includes(block.role) ? 2 : block.role === 'caption' ? 6 : 4) + (block.html ? 1 : 0);
  const pick = [...blocks].sort((a, b) => rank(a) - rank(b))[0];
  if (!pick) return null;
  return clean(pick.html ? htmlToText(pick.value) : pick.value);
}

/** Every body the item carries, classified by form: 2.x/3.x `bodies` by content type (or role), 1.x `body_*` by suffix. */
export function bodyCandidatesOf(item: NinjsItemData): BodyCandidate[] {
  const fromBlocks = (item.bodies ?? []).map((block): BodyCandidate => {
    const value = block.value ?? '';
    const type = contentTypeOf(block);
    const role = roleOf(block);
    if (type.includes('nitf') || role === 'nitf' || /<nitf[\s>]/i.test(value)) return { kind: 'nitf', value };
    if (type.includes('html')) return { kind: 'html', value };
    if (type === 'text/plain') return { kind: 'text', value };
    if (type !== '') return { kind: 'other', value };
    return { kind: looksLikeHtml(value) ? 'html' : 'text', value };
  });
  const fromExtensions = extensions(item, 'body').map(([suffix, value]): BodyCandidate => {
    if (/html|richtext/.test(suffix)) return { kind: 'html', value };
    if (suffix === 'nitf') return { kind: 'nitf', value };
    if (suffix === 'text') return { kind: 'text', value };
    return { kind: looksLikeHtml(value) ? 'html' : 'text', value };
  });
  return [...fromBlocks, ...fromExtensions];
}

/** A concept with 2.x/3.x `uri` split into scheme (the URI up to its last `/` or `#`) and code, `literal` preferred as the code. */
function toConcept(data: ConceptData): NinjsConcept | null {
  const name = clean(data.name);
  let code = clean(data.code) ?? clean(data.literal);
  let scheme = clean(data.scheme);
  const uri = clean(data.uri);
  if (uri) {
    const cut = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#'));
    if (cut > 0 && cut < uri.length - 1) {
      scheme ??= uri.slice(0, cut + 1);
      code ??= uri.slice(cut + 1);
    } else {
      code ??= uri;
    }
  }
  return name === null && code === null ? null : { name, code, scheme };
}

/** Subjects (1.x `subject`, 2.x/3.x `subjects`) and places (`place`, `places`), as concepts. */
export function conceptsOf(item: NinjsItemData): { subjects: NinjsConcept[]; places: NinjsConcept[] } {
  const convert = (list: ConceptData[]): NinjsConcept[] => list.map(toConcept).filter((concept): concept is NinjsConcept => concept !== null);
  return {
    subjects: convert([...(item.subject ?? []), ...(item.subjects ?? [])]),
    places: convert([...(item.place ?? []), ...(item.places ?? [])]),
  };
}

const INFOSOURCE_ROLES = new Set(['originfo', 'provider', 'originator', 'source', 'creditline', 'distributor', 'publisher', 'agency']);

/**
 * The originating agency: an info source whose role says it provided the item (or has no role),
 * else the copyright holder, else the agency a byline ends with ("Von Christian Hollmann, dpa",
 * "Karl Melander/TT") or a byline that is only an agency's initials ("NTB").
 */
export function providerOf(item: NinjsItemData): string | null {
  const sources = [...(item.infosource ?? []), ...(item.infosources ?? []), ...(item.infoSources ?? [])];
  const source = sources.find((entry) => {
    const role = clean(entry.role ?? entry.rel);
    return clean(entry.name) && (role === null || INFOSOURCE_ROLES.has(role.toLowerCase().replace(/^.*[/#:]/, '')));
  });
  if (source) return clean(source.name);
  const holder = clean(item.copyrightHolder ?? item.copyrightholder);
  if (holder) return holder;
  const byline = clean(item.by ?? item.byline);
  if (!byline) return null;
  const parts = byline.split(/\s*[,/]\s*/).filter(Boolean);
  const last = parts[parts.length - 1];
  if (parts.length > 1 && last && /^\S+$/.test(last)) return last;
  return /^[A-Z]{2,6}$/.test(byline) ? byline : null;
}

const BYLINE_PREFIX = /^(?:by|von|av|af|par|por|door)\s+/i;
const NAME_SEPARATOR = /\s*(?:[,;/&]|\s(?:and|und|och|og|et|e|y)\s)\s*/i;

/** Authors from `by`/`byline`: the leading "By"/"Von"… dropped, split on commas, slashes and "and"; the agency dropped when people are named. */
export function authorsOf(item: NinjsItemData, provider: string | null): string[] {
  const byline = clean(item.by ?? item.byline);
  if (!byline) return [];
  const names = byline.replace(BYLINE_PREFIX, '').split(NAME_SEPARATOR).map((name) => name.trim()).filter(Boolean);
  const unique = names.filter((name, index) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === index);
  const people = unique.filter((name) => provider === null || name.toLowerCase() !== provider.toLowerCase());
  return people.length > 0 ? people : unique;
}

/** A date field as ISO 8601 (UTC date-time, or the date alone when only a date is given); null and a reason when unreadable. */
export function readDate(value: string | null | undefined): { date: string | null; unreadable: string | null } {
  const text = clean(value);
  if (text === null) return { date: null, unreadable: null };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))) return { date: text, unreadable: null };
  const ms = /^\d{4}-\d{2}-\d{2}[T ]/.test(text) ? Date.parse(text.replace(' ', 'T')) : Number.NaN;
  return Number.isNaN(ms) ? { date: null, unreadable: text } : { date: new Date(ms).toISOString(), unreadable: null };
}
