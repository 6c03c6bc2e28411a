/**
 * Parser for article pages that were flattened to plain text or Markdown (a title line, a header
 * block with byline, date lines and taxonomy lines, the body, then trailing page furniture).
 * Pure: no I/O, no clock, no database. Furniture is recognised by the rules in furniture-rules.ts.
 */
import * as chrono from 'chrono-node';
import { FURNITURE_RULES, type FurnitureRule } from './furniture-rules.js';

/** The parts of a flattened article page, ready to be mapped to an article by the importer. */
export interface FlattenedArticle {
  title: string;
  authors: string[];
  publishedAt: string | null;
  siteName: string | null;
  original: { publisher: string | null; publishedAt: string | null; url: string | null };
  copyrightLine: string | null;
  terms: { taxonomy: string; names: string[] }[];
  dateline: string | null;
  bodyParagraphs: string[];
  bodyFormat: 'markdown';
  removed: { text: string; reason: string }[];
}

/** Options for parseFlattenedArticle: the taxonomy labels to read from "Label: Term, Term" lines. */
export interface ParseOptions { taxonomyLabels: string[] }

/** Why a flattened article could not be parsed. */
export type FlattenedArticleErrorCode = 'empty-input' | 'no-title' | 'no-body';

/** Thrown when the input has no usable title or body; `code` says which, the message says what to do. */
export class FlattenedArticleError extends Error {
  readonly code: FlattenedArticleErrorCode;

  constructor(code: FlattenedArticleErrorCode, message: string) {
    super(message);
    this.name = 'FlattenedArticleError';
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------
// Lines and blocks

interface Line {
  /** The line without trailing whitespace (indentation kept, for code fences). */
  raw: string;
  /** The trimmed line. */
  text: string;
  /** Lines with the same block number form one paragraph (no blank line between them). */
  block: number;
  /** Inside a fenced code block. */
  fence: boolean;
  /** Position in the input, for ordering the removed list. */
  no: number;
}

function normaliseInput(input: string): string {
  return input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(/[\u200B\u2060]/g, '');
}

/**
 * Lines with block numbers. Normally a blank line ends a block. A file with no blank line at all
 * but with lines too long to be soft-wrapped puts one paragraph on each line instead.
 */
function splitLines(input: string): Line[] {
  const onePerLine = !/\n[ \t]*\n/.test(input.trim()) && input.split('\n').some((line) => line.trim().length > 100);
  const out: Line[] = [];
  let block = 0;
  let previousBlank = true;
  let fence: string | null = null;
  input.split('\n').forEach((rawLine, index) => {
    const raw = rawLine.replace(/\s+$/, '');
    const text = raw.trim();
    if (fence !== null) {
      out.push({ raw, text, block, fence: true, no: index });
      if (text.startsWith(fence) && /^[`~]+$/.test(text)) {
        fence = null;
        block++;
        previousBlank = true;
      }
      return;
    }
    if (text === '') {
      if (!previousBlank) block++;
      previousBlank = true;
      return;
    }
    const opening = /^(`{3,}|~{3,})/.exec(text);
    if (opening?.[1] !== undefined) {
      if (!previousBlank) block++;
      fence = opening[1];
      out.push({ raw, text, block, fence: true, no: index });
      previousBlank = false;
      return;
    }
    out.push({ raw, text, block, fence: false, no: index });
    previousBlank = false;
    if (onePerLine) {
      block++;
      previousBlank = true;
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inline Markdown helpers

/** A Markdown link or image: [text](target "title"). Targets may contain one level of parentheses. */
const LINK_RE = /(!?)\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;

function isPlaceholderTarget(target: string): boolean {
  return target === '' || target === '#';
}

/** Metadata form: every link becomes its text (the target is of no use in a name), images go. */
function stripLinks(text: string): string {
  return text.replace(LINK_RE, (_m, bang: string, label: string) => (bang === '!' ? '' : label));
}

/** Body form: links to `#` or nowhere become their text; real links stay. */
function unwrapPlaceholderLinks(text: string): string {
  return text.replace(LINK_RE, (match, bang: string, label: string, target: string) => {
    if (!isPlaceholderTarget(target)) return match;
    return bang === '!' ? '' : label;
  });
}

function collectLinks(text: string): { label: string; target: string }[] {
  return [...text.matchAll(LINK_RE)]
    .filter((m) => m[1] !== '!')
    .map((m) => ({ label: m[2] ?? '', target: m[3] ?? '' }));
}

function stripEmphasis(text: string): string {
  return text
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])/g, '$1$2');
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", '#39': "'", nbsp: ' ', copy: '©', lt: '<', gt: '>' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|apos|#39|nbsp|copy|lt|gt);/g, (_m, name: string) => ENTITIES[name] ?? _m);
}

/** Plain inline text for metadata fields: links stripped, emphasis and escapes removed, spaces collapsed. */
function cleanInline(text: string): string {
  return decodeEntities(stripEmphasis(stripLinks(text)))
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const BLOCK_MARKER_RE = /^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)+/;

/** What furniture rules see: one line's text without Markdown and without decorative edges. */
function plainText(text: string): string {
  let plain = cleanInline(text.replace(BLOCK_MARKER_RE, ''));
  plain = plain.replace(/^[\s\-–—•·|*_~=]+|[\s\-–—•·|*_~=]+$/g, '');
  const wrapped = /^[([](.*)[)\]]$/.exec(plain);
  if (wrapped?.[1] !== undefined && !/[()[\]]/.test(wrapped[1])) plain = wrapped[1].trim();
  return plain;
}

// ---------------------------------------------------------------------------------------------
// Names and dates

/** Lower-case words allowed inside a personal or publisher name. */
const NAME_PARTICLES = new Set([
  'of', 'for', 'on', 'the', 'and', 'in', 'at', 'de', 'la', 'le', 'du', 'des', 'del', 'della', 'da', 'di',
  'der', 'den', 'van', 'von', 'y', 'e', 'et', 'und', 'al', 'el', 'bin', 'ibn', 'ter', 'ten', 'dos', 'das', 'zu',
]);
const DOMAIN_RE = /^(?:www\.)?[\w-]+(?:\.[\w-]+)+\/?$/i;

function looksLikeName(text: string, maxWords: number): boolean {
  if (text === '' || text.length > 90) return false;
  const words = text.split(/\s+/);
  if (words.length > maxWords) return false;
  if (!/^[\p{Lu}\p{N}"“'‘([]/u.test(text) && !DOMAIN_RE.test(words[0] ?? '')) return false;
  if (/[!?:]$/.test(text)) return false;
  const last = words[words.length - 1] ?? '';
  if (last.endsWith('.') && last.length > 4 && !DOMAIN_RE.test(last)) return false;
  return words.every((word) => {
    if (!/\p{L}/u.test(word)) return true;
    if (/^\p{Ll}/u.test(word)) return NAME_PARTICLES.has(word.toLowerCase()) || DOMAIN_RE.test(word);
    return true;
  });
}

interface FoundDate { iso: string; index: number; length: number }

/** The first complete calendar date (year, month and day all stated) in `text`, or null. */
function findDate(text: string): FoundDate | null {
  // The strict parser ignores relative words such as "today"; a publication date is never relative.
  for (const result of chrono.strict.parse(text)) {
    const start = result.start;
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
    const year = start.get('year');
    const month = start.get('month');
    const day = start.get('day');
    if (year === null || month === null || day === null) continue;
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { iso, index: result.index, length: result.text.length };
  }
  return null;
}

function withoutSpan(text: string, found: FoundDate): string {
  return `${text.slice(0, found.index)} ${text.slice(found.index + found.length)}`.replace(/\s+/g, ' ').trim();
}

const EDGE_PUNCTUATION_RE = /^[\s,;:|•·\-–—()[\]]+|[\s,;:|•·\-–—()[\]]+$/g;

function trimEdges(text: string): string {
  return text.replace(EDGE_PUNCTUATION_RE, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Header lines

const ROLE_RE = /^(?:(?:staff|special|senior|chief|foreign|contributing|guest|our|the)\s+)*(?:writer|reporter|correspondent|editor|contributor|columnist|analyst|staff|journalist)s?$/i;

/** Authors from a byline ("By X", "by X and Y", "By X, Y & Z"), or null when the line is not a byline. */
function parseByline(text: string): { authors: string[]; date: string | null } | null {
  const plain = cleanInline(text.replace(BLOCK_MARKER_RE, ''));
  if (plain.length > 200) return null;
  const match = /^(?:(?:written|words|story|text|reporting|report)\s+)?by\s*:?\s+(.+)$/i.exec(plain);
  if (match?.[1] === undefined) return null;
  let rest = match[1];
  const found = findDate(rest);
  if (found) rest = withoutSpan(rest, found);
  rest = rest.split(/\s+[|•·—–]\s+|\s+-\s+/)[0] ?? '';
  rest = trimEdges(rest.replace(/\s+(?:on|at|published|posted|updated)$/i, ''));
  const parts = rest
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((part) => trimEdges(part))
    .filter((part) => part !== '' && !ROLE_RE.test(part));
  if (parts.length === 0 || parts.length > 10) return null;
  if (!parts.every((part) => looksLikeName(part, 6))) return null;
  return { authors: parts, date: found?.iso ?? null };
}

const DATE_LABEL_RE = /^(?:(?:first|originally|last)\s+)?(?:published|posted|updated|modified|dated?)\b\s*:?\s*/i;

type DateLine =
  | { kind: 'dated-name'; date: string; name: string | null }
  | { kind: 'dated-byline'; date: string; authors: string[] };

/** A short line that is a date, optionally with a publisher name before or after it ("Site, April 6, 2008"). */
function parseDateLine(text: string): DateLine | null {
  const plain = cleanInline(text.replace(BLOCK_MARKER_RE, ''));
  if (plain.length > 120) return null;
  const found = findDate(plain);
  if (!found) return null;
  let rest = withoutSpan(plain, found);
  rest = trimEdges(rest).replace(DATE_LABEL_RE, '');
  rest = trimEdges(rest.replace(/^(?:on)\s+/i, '').replace(/\s+(?:on|at)$/i, ''));
  if (/^by\s+/i.test(rest)) {
    const byline = parseByline(rest);
    return byline ? { kind: 'dated-byline', date: found.iso, authors: byline.authors } : null;
  }
  rest = trimEdges(rest.replace(DATE_LABEL_RE, ''));
  if (rest === '') return { kind: 'dated-name', date: found.iso, name: null };
  return looksLikeName(rest, 8) ? { kind: 'dated-name', date: found.iso, name: rest } : null;
}

/** Tag-like labels that are never article taxonomies here but are header or footer furniture. */
const TAG_LABEL_RE = /^(?:tags?|tagged(?: with)?|filed under|topics?|categor(?:y|ies)|keywords?|sections?|subjects?)$/i;

interface LabelledLine { label: string; value: string }

function parseLabelledLine(text: string): LabelledLine | null {
  const stripped = stripEmphasis(text.replace(BLOCK_MARKER_RE, '')).trim();
  const match = /^([\p{L}][\p{L}\p{N} &'’-]{0,39}?)\s*:\s*(.+)$/u.exec(stripped);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { label: match[1].trim(), value: match[2].trim() };
}

function sameLabel(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x === `${y}s` || `${x}s` === y;
}

/** Term names from "Label: [Term](#), Term2; [Term3](#)": separators inside link text do not split. */
function splitTermNames(value: string): string[] {
  const links: string[] = [];
  const masked = value.replace(LINK_RE, (_m, _bang: string, label: string) => {
    links.push(label);
    return `\u0000${links.length - 1}\u0000`;
  });
  const names = masked
    .split(/[,;|•·]/)
    .map((piece) => cleanInline(piece.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => links[Number(i)] ?? '')))
    .map((name) => trimEdges(name))
    .filter((name) => name !== '');
  return [...new Set(names)];
}

function configuredTaxonomy(line: LabelledLine | null, labels: readonly string[]): string | null {
  if (!line) return null;
  return labels.find((label) => sameLabel(label.trim(), line.label)) ?? null;
}

function isUnlistedTaxonomyLine(line: LabelledLine | null): boolean {
  if (!line) return false;
  if (TAG_LABEL_RE.test(line.label)) return true;
  // "Mood: [Calm](#), [Grey](#)": a short capitalised label whose value is nothing but links.
  const onlyLinks = collectLinks(line.value).length > 0 && line.value.replace(LINK_RE, '').replace(/[\s,;|•·]/g, '') === '';
  return onlyLinks && /^\p{Lu}\S*(?: \S+)?$/u.test(line.label);
}

// ---------------------------------------------------------------------------------------------
// Furniture

function matchRule(text: string): FurnitureRule | null {
  const plain = plainText(text);
  if (plain === '') return null;
  return FURNITURE_RULES.find((rule) => rule.pattern.test(plain)) ?? null;
}

function isJunkLine(text: string): boolean {
  const withoutLinks = text.replace(LINK_RE, ' ');
  if (!/[\p{L}\p{N}]/u.test(withoutLinks.replace(BLOCK_MARKER_RE, ''))) return true;
  const plain = plainText(text);
  if (/^(?:https?:\/\/\S+|www\.\S+|\S+@\S+\.\w+)$/i.test(plain)) return true;
  return plain.split(/\s+/).length <= 4 && !/[.!?…"”’)]$/.test(plain);
}

// ---------------------------------------------------------------------------------------------
// Body paragraphs

const HEADING_RE = /^#{1,6}\s+\S/;
const LIST_ITEM_RE = /^(?:[-*+]|\d{1,3}[.)])\s+\S/;
const THEMATIC_BREAK_RE = /^(?:[-*_]\s*){3,}$/;
const QUOTE_RE = /^>/;

function buildParagraphs(lines: readonly Line[]): string[] {
  const paragraphs: string[] = [];
  let current: { kind: 'prose' | 'list' | 'quote'; text: string } | null = null;
  const flush = (): void => {
    if (current) paragraphs.push(unwrapPlaceholderLinks(current.text));
    current = null;
  };
  let previousBlock = -1;
  let fence: string[] = [];
  for (const line of lines) {
    if (line.block !== previousBlock) {
      flush();
      if (fence.length > 0) paragraphs.push(fence.join('\n'));
      fence = [];
      previousBlock = line.block;
    }
    if (line.fence) {
      fence.push(line.raw);
      continue;
    }
    const text = line.text.replace(/\s+/g, ' ');
    if (HEADING_RE.test(text) || THEMATIC_BREAK_RE.test(text)) {
      flush();
      paragraphs.push(unwrapPlaceholderLinks(text));
    } else if (LIST_ITEM_RE.test(text)) {
      if (current?.kind === 'list') current.text += `\n${text}`;
      else {
        flush();
        current = { kind: 'list', text };
      }
    } else if (QUOTE_RE.test(text)) {
      if (current?.kind === 'quote') current.text += ` ${text.replace(/^>\s*/, '')}`;
      else {
        flush();
        current = { kind: 'quote', text };
      }
    } else if (current) {
      current.text += ` ${text}`;
    } else {
      current = { kind: 'prose', text };
    }
  }
  flush();
  if (fence.length > 0) paragraphs.push(fence.join('\n'));
  return paragraphs.filter((paragraph) => paragraph.trim() !== '');
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const CAPS_WORD = "\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]*";
const DATELINE_RE = new RegExp(
  `^(?:[*_]{1,2})?(${CAPS_WORD}(?:\\s+${CAPS_WORD})*)` + // PLACE in capitals
    `(?:,\\s*\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+\\p{Lu}[\\p{L}.'’\\-]*)*)?` + // , Region
    `(?:,?\\s+${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?)?` + // , Month Day[, Year]
    `(?:[*_]{1,2})?(?:\\s*\\([^()]{1,60}\\))?` + // (Agency)
    `\\s*(?:--|[-–—:])(?=\\s+\\S)`,
  'u',
);
const NOT_A_PLACE = new Set(['UPDATE', 'UPDATED', 'NOTE', "EDITOR'S NOTE", 'EDITOR’S NOTE', 'CORRECTION', 'BREAKING', 'WATCH', 'READ', 'LISTEN', 'WARNING', 'FACT CHECK']);

/** "MOSCOW, April 6 (RIA Novosti) -" at the start of a paragraph, or null. */
function findDateline(paragraph: string): string | null {
  if (HEADING_RE.test(paragraph) || LIST_ITEM_RE.test(paragraph) || QUOTE_RE.test(paragraph)) return null;
  const text = stripLinks(paragraph);
  const match = DATELINE_RE.exec(text);
  if (match?.[1] === undefined) return null;
  const place = match[1].trim();
  if (place.replace(/[^\p{Lu}]/gu, '').length < 3 || NOT_A_PLACE.has(place)) return null;
  return match[0].replace(/[*_]/g, '').trim();
}

// ---------------------------------------------------------------------------------------------
// The parser

interface Removal { no: number; text: string; reason: string }

interface State {
  authors: string[];
  publishedAt: string | null;
  siteName: string | null;
  datedLines: number;
  original: { publisher: string | null; publishedAt: string | null; url: string | null };
  copyrightLine: string | null;
  terms: Map<string, string[]>;
  removed: Removal[];
}

function addAuthors(state: State, authors: readonly string[]): void {
  for (const author of authors) if (!state.authors.includes(author)) state.authors.push(author);
}

function addTerms(state: State, taxonomy: string, names: readonly string[]): void {
  const list = state.terms.get(taxonomy) ?? [];
  for (const name of names) if (!list.includes(name)) list.push(name);
  state.terms.set(taxonomy, list);
}

function remove(state: State, line: Line, reason: string): void {
  state.removed.push({ no: line.no, text: line.text, reason });
}

const COPYRIGHT_IN_TEXT_RE = /(?:^|\s)((?:copyright\b|©|\(c\)\s*\d{4}).*)$/i;

/** Publisher, date and URL of the original from a source line such as "The original source of this article is X". */
function applyOriginalSource(state: State, rawSegment: string, rule: FurnitureRule): void {
  let plain = plainText(rawSegment);
  const copyright = COPYRIGHT_IN_TEXT_RE.exec(plain);
  if (copyright?.[1] !== undefined && copyright.index > 0) {
    state.copyrightLine ??= copyright[1].trim();
    plain = plain.slice(0, copyright.index);
  }
  const match = rule.pattern.exec(plain);
  let rest = match ? plain.slice(match.index + match[0].length) : plain;
  rest = rest.replace(/^\s*:?\s*(?:(?:by|in|on|at|from|courtesy of)\s+)?/i, '');
  const found = findDate(rest);
  if (found) {
    state.original.publishedAt ??= found.iso;
    rest = withoutSpan(rest, found);
  }
  const link = collectLinks(rawSegment).find((l) => /^https?:\/\/\S+$/i.test(l.target));
  const bareUrl = /https?:\/\/[^\s)\]]+/i.exec(rest);
  state.original.url ??= link?.target ?? bareUrl?.[0] ?? null;
  if (bareUrl) rest = rest.replace(bareUrl[0], ' ');
  rest = trimEdges(rest.split(/[.;](?:\s|$)/)[0] ?? '').replace(/\s+(?:on|at)$/i, '');
  if (rest !== '' && rest.length <= 120) state.original.publisher ??= rest;
}

function consumeHeaderLine(state: State, line: Line, labels: readonly string[]): boolean {
  const labelled = parseLabelledLine(line.text);
  const taxonomy = configuredTaxonomy(labelled, labels);
  if (taxonomy !== null && labelled) {
    addTerms(state, taxonomy, splitTermNames(labelled.value));
    return true;
  }
  const byline = parseByline(line.text);
  if (byline) {
    addAuthors(state, byline.authors);
    if (byline.date !== null) state.publishedAt ??= byline.date;
    return true;
  }
  const rule = matchRule(line.text);
  if (rule?.kind === 'original-source') {
    applyOriginalSource(state, line.text, rule);
    remove(state, line, rule.id);
    return true;
  }
  const dated = parseDateLine(line.text);
  if (dated) {
    // The first dated line is the page's own; a later one names the original publication.
    const ownLine = state.datedLines === 0;
    state.datedLines++;
    if (dated.kind === 'dated-byline') {
      addAuthors(state, dated.authors);
      state.publishedAt ??= dated.date;
    } else if (ownLine) {
      state.publishedAt = dated.date;
      state.siteName = dated.name;
    } else if (dated.name !== null && state.original.publisher === null) {
      state.original.publisher = dated.name;
      state.original.publishedAt = dated.date;
    } else if (state.original.publisher !== null && state.original.publishedAt === null) {
      state.original.publishedAt = dated.date;
    }
    return true;
  }
  if (isUnlistedTaxonomyLine(labelled)) {
    remove(state, line, 'header.unlisted-taxonomy');
    return true;
  }
  if (rule?.strong === true) {
    remove(state, line, rule.id);
    return true;
  }
  return false;
}

type Status =
  | { state: 'content' }
  | { state: 'junk' }
  | { state: 'furniture'; reason: string; rule: FurnitureRule | null; taxonomy: string | null }
  | { state: 'continuation'; reason: string };

function classifyBodyLines(lines: readonly Line[], labels: readonly string[]): Status[] {
  const statuses: Status[] = [];
  lines.forEach((line, i) => {
    const previous = i > 0 ? lines[i - 1] : undefined;
    const previousStatus = statuses[i - 1];
    if (line.fence) {
      statuses.push({ state: 'content' });
      return;
    }
    const taxonomy = configuredTaxonomy(parseLabelledLine(line.text), labels);
    if (taxonomy !== null) {
      statuses.push({ state: 'furniture', reason: 'taxonomy-line', rule: null, taxonomy });
      return;
    }
    const rule = matchRule(line.text);
    if (rule) {
      statuses.push({ state: 'furniture', reason: rule.id, rule, taxonomy: null });
      return;
    }
    if (previous?.block === line.block && (previousStatus?.state === 'furniture' || previousStatus?.state === 'continuation')) {
      statuses.push({ state: 'continuation', reason: previousStatus.reason });
      return;
    }
    statuses.push(isJunkLine(line.text) ? { state: 'junk' } : { state: 'content' });
  });
  return statuses;
}

/** Index of the first line of the trailing furniture, or lines.length when the page has none. */
function findTailStart(statuses: readonly Status[]): number {
  let start = statuses.length;
  while (start > 0 && statuses[start - 1]?.state !== 'content') start--;
  const first = statuses.findIndex((status, i) => i >= start && status.state === 'furniture');
  return first === -1 ? statuses.length : first;
}

/** Parses one flattened article page (text or Markdown); throws FlattenedArticleError without a usable title or body. */
export function parseFlattenedArticle(input: string, options: ParseOptions): FlattenedArticle {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new FlattenedArticleError(
      'empty-input',
      'The flattened article is empty: there is no text to parse. Check that the page was exported with its text, and that the right file was given.',
    );
  }
  const labels = (options?.taxonomyLabels ?? []).filter((label) => label.trim() !== '');
  const lines = splitLines(normaliseInput(input));
  const state: State = {
    authors: [],
    publishedAt: null,
    siteName: null,
    datedLines: 0,
    original: { publisher: null, publishedAt: null, url: null },
    copyrightLine: null,
    terms: new Map(),
    removed: [],
  };

  // Title: the first non-empty line, after any standalone share bar or ad slot above it.
  let pos = 0;
  for (let line = lines[pos]; line !== undefined; line = lines[pos]) {
    const rule = matchRule(line.text);
    if (rule?.strong !== true) break;
    remove(state, line, rule.id);
    pos++;
  }
  const titleLine = lines[pos];
  const title = titleLine ? cleanInline(titleLine.text.replace(/^#{1,6}(?=\s|$)/, '').replace(/\s#+$/, '')) : '';
  if (!titleLine || titleLine.fence || !/[\p{L}\p{N}]/u.test(title)) {
    throw new FlattenedArticleError(
      'no-title',
      `The flattened article has no usable title: its first non-empty line${titleLine ? ` ("${titleLine.text.slice(0, 60)}")` : ''} has no words. Put the article title on the first line (a "# Title" heading or plain text).`,
    );
  }
  pos++;
  const underline = lines[pos];
  if (underline && underline.block === titleLine.block && /^(?:=+|-+)$/.test(underline.text)) pos++;

  // Header: byline, date lines, original-source line, taxonomy lines, in any order.
  // A block is header only if all its lines are: a soft-wrapped paragraph that happens to start
  // with "By Sunday most of the ..." stays body.
  const headerStart = pos;
  while (pos < lines.length) {
    let end = pos;
    while (lines[end + 1]?.block === lines[pos]?.block && lines[end + 1]?.fence === false) end++;
    const trial = structuredClone(state);
    const blockLines = lines.slice(pos, end + 1);
    if (!blockLines.every((line) => !line.fence && consumeHeaderLine(trial, line, labels))) break;
    Object.assign(state, trial);
    pos = end + 1;
  }
  const headerLines = pos - headerStart;

  // Body and trailing furniture.
  const bodyLines = lines.slice(pos);
  const statuses = classifyBodyLines(bodyLines, labels);
  const tailStart = findTailStart(statuses);
  const blockSizes = new Map<number, number>();
  for (const line of bodyLines) blockSizes.set(line.block, (blockSizes.get(line.block) ?? 0) + 1);

  const kept: Line[] = [];
  bodyLines.slice(0, tailStart).forEach((line, i) => {
    const status = statuses[i];
    const standalone = blockSizes.get(line.block) === 1;
    if (status?.state === 'furniture' && status.rule?.strong === true && standalone) remove(state, line, status.reason);
    else kept.push(line);
  });

  let segment: { rule: FurnitureRule; raw: string } | null = null;
  const finishSegment = (): void => {
    if (segment?.rule.kind === 'original-source') applyOriginalSource(state, segment.raw, segment.rule);
    if (segment?.rule.kind === 'copyright') state.copyrightLine ??= cleanInline(segment.raw);
    segment = null;
  };
  bodyLines.slice(tailStart).forEach((line, j) => {
    const status = statuses[tailStart + j];
    if (status?.state === 'furniture') {
      finishSegment();
      if (status.rule) segment = { rule: status.rule, raw: line.text };
      if (status.taxonomy !== null) {
        const labelled = parseLabelledLine(line.text);
        if (labelled) addTerms(state, status.taxonomy, splitTermNames(labelled.value));
      }
      remove(state, line, status.reason);
    } else if (status?.state === 'continuation') {
      if (segment) segment.raw += ` ${line.text}`;
      remove(state, line, status.reason);
    } else {
      finishSegment();
      remove(state, line, 'tail.after-furniture');
    }
  });
  finishSegment();

  const bodyParagraphs = buildParagraphs(kept);
  if (bodyParagraphs.length === 0) {
    const furniture = state.removed.length;
    throw new FlattenedArticleError(
      'no-body',
      headerLines === 0 && furniture === 0
        ? `The flattened article "${title}" has a title but no body text after it. The export may be truncated: re-export the page with its article text below the title.`
        : `The flattened article "${title}" has no body paragraphs: after the title, ${headerLines} line(s) were read as header (byline, dates, taxonomy) and ${furniture} as page furniture. Check that the export contains the article text; if a body line was taken for furniture, adjust src/ingest/text/furniture-rules.ts.`,
    );
  }

  const first = bodyParagraphs[0];
  return {
    title,
    authors: state.authors,
    publishedAt: state.publishedAt,
    siteName: state.siteName,
    original: state.original,
    copyrightLine: state.copyrightLine,
    terms: [...state.terms].map(([taxonomy, names]) => ({ taxonomy, names })),
    dateline: first === undefined ? null : findDateline(first),
    bodyParagraphs,
    bodyFormat: 'markdown',
    removed: state.removed.sort((a, b) => a.no - b.no).map(({ text, reason }) => ({ text, reason })),
  };
}
