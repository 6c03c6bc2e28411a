/**
 * Text preparation shared by indexing, query parsing and highlighting, so all three agree on what
 * a word is and when two words are the same. Pure: no I/O.
 */
import { escapeHtml } from '../domain/html-escape.js';

/** Longest word kept; longer runs (base64, hashes, garbage) are skipped on both sides. */
export const MAX_WORD_LENGTH = 64;

/** A word of some text and where it sits, in UTF-16 offsets of that text. */
export interface WordToken {
  /** The word as written. */
  text: string;
  /** The folded form: lower case, Latin diacritics removed (see `foldWord`). */
  folded: string;
  start: number;
  end: number;
}

/** Marks alone (a stray accent) are not a word. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Latin letters that carry no combining mark to strip but that readers type without the accent. */
const LATIN_EXTRA: Readonly<Record<string, string>> = {
  'ß': 'ss', 'ẞ': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i',
};
const LATIN_EXTRA_RE = /[ßẞæœøłđðþı]/g;

/**
 * The form words are indexed and compared in: lower case; diacritics removed from Latin letters
 * (école → ecole, Straße → strasse) and ё written as е, as Russian readers type it. Other marks
 * (й, Devanagari vowel signs) stay, because they change the letter.
 */
export function foldWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  let folded = foldCache.get(word);
  if (folded === undefined) {
    if (foldCache.size >= 100_000) foldCache.clear();
    folded = foldUnicode(word);
    foldCache.set(word, folded);
  }
  return folded;
}

/** Most words of most articles are plain ASCII: they only need lower-casing. */
const ASCII = /^[\x00-\x7f]*$/;
/** Unicode normalisation is the costly part of indexing; words repeat, so their folded forms are kept. */
const foldCache = new Map<string, string>();

function foldUnicode(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(/е\u0308/g, 'е')
    .replace(LATIN_EXTRA_RE, (c) => LATIN_EXTRA[c] ?? c)
    .normalize('NFC');
}

/** The words of `text`, in order, with their positions (NFC-normalise `text` first when offsets must match what is shown). */
export function wordsOf(text: string, limit = Number.POSITIVE_INFINITY): WordToken[] {
  // A hand-written scanner, not text.matchAll(WORD): it runs over the body of every search hit,
  // and for ASCII runs (most words of most articles) it needs no regular expression at all.
  const out: WordToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // codePointAt reads a surrogate pair as one code point and a lone surrogate as itself (no word character).
    let cp = text.codePointAt(i)!;
    if (!isWordCodePoint(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let ascii = cp < 0x80;
    i += cp > 0xffff ? 2 : 1;
    while (i < n) {
      cp = text.codePointAt(i)!;
      if (!isWordCodePoint(cp)) break;
      if (cp >= 0x80) ascii = false;
      i += cp > 0xffff ? 2 : 1;
    }
    if (out.length >= limit) break;
    const word = text.slice(start, i);
    const folded = ascii ? word.toLowerCase() : foldWord(word);
    if (folded.length > MAX_WORD_LENGTH || (!ascii && !LETTER_OR_DIGIT.test(folded))) continue;
    out.push({ text: word, folded, start, end: i });
  }
  return out;
}

/** Letters, digits and combining marks make words; anything else separates them (like FTS5's unicode61). */
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;
const nonAsciiWordCharacters = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  let known = nonAsciiWordCharacters.get(cp);
  if (known === undefined) {
    if (nonAsciiWordCharacters.size >= 50_000) nonAsciiWordCharacters.clear();
    known = WORD_CHARACTER.test(String.fromCodePoint(cp));
    nonAsciiWordCharacters.set(cp, known);
  }
  return known;
}

/** The folded words of `text`, at most `limit` of them. */
export function foldedWordsOf(text: string | null, limit = Number.POSITIVE_INFINITY): string[] {
  return text ? wordsOf(text, limit).map((w) => w.folded) : [];
}

/** Tags whose removal must not join the words on either side. */
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text of stored (already sanitized) article HTML, fast enough to run for every write and
 * every search hit: blocks become spaces, inline tags vanish, entities are decoded.
 */
export function plainTextOfHtml(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g, (_tag, name: string) => (INLINE_TAGS.has(name.toLowerCase()) ? '' : ' '))
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (entity, body: string) => decodeEntity(body) ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntity(body: string): string | undefined {
  if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()];
  const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;
}

export { escapeHtml };
