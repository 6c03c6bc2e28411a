/**
 * The blocks of an extracted body: the paragraphs, headings, lists, tables, figures and leaf
 * containers that furniture rules judge one at a time, with the measures they need.
 */
import { collapsedText, isElement, type DomElement } from './dom.js';

/** One block of the body and the measures the furniture rules use. */
export interface Block {
  element: DomElement;
  tag: string;
  /** Plain text: whitespace collapsed, decorative bullets and dashes trimmed from both ends. */
  text: string;
  words: number;
  /** Share of the text that sits inside links, 0..1. */
  linkDensity: number;
  heading: boolean;
}

const UNIT_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'ul', 'ol', 'dl', 'table', 'figure', 'blockquote', 'hr']);
const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, pre, ul, ol, li, dl, table, figure, blockquote, div, section, article, header, footer, aside, main, nav';
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** What furniture patterns see: one block's text without decorative edges. */
export function plainText(text: string): string {
  let plain = text.replace(/\s+/g, ' ').trim();
  plain = plain.replace(/^[\s\-–—•·|*_~=►▶»>]+|[\s\-–—•·|*_~=►▶«<]+$/g, '');
  const wrapped = /^[([](.*)[)\]]$/.exec(plain);
  if (wrapped?.[1] !== undefined && !/[()[\]]/.test(wrapped[1])) plain = wrapped[1].trim();
  return plain;
}

/** Scripts written without spaces: each character counts as a word. */
const UNSPACED_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/** Number of words; in scripts written without spaces (Chinese, Japanese, Thai…) each character counts as one. */
export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED_RE)?.length ?? 0;
  const spaced = text.replace(UNSPACED_RE, ' ').match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;
  return unspaced + spaced;
}

/** Ends like a sentence, in any of the scripts the furniture rules meet. */
export const SENTENCE_END_RE = /[.!?…"”»’)。！？」』।]$/;

function linkDensity(element: DomElement, textLength: number): number {
  if (textLength === 0) return 0;
  let linked = 0;
  const links = element.localName === 'a' ? [element] : [...element.querySelectorAll('a')];
  for (const link of links) linked += collapsedText(link).length;
  return Math.min(1, linked / textLength);
}

/** Measures one element as a block. */
export function toBlock(element: DomElement): Block {
  const raw = collapsedText(element);
  const text = plainText(raw);
  const tag = element.localName;
  // A paragraph that is nothing but one bold or strong run is used as a heading by many sites.
  const only = element.children.length === 1 ? element.firstElementChild : null;
  const boldOnly = tag === 'p' && only !== null && /^(?:strong|b)$/.test(only.localName) && collapsedText(only) === raw;
  return {
    element,
    tag,
    text,
    words: countWords(text),
    linkDensity: linkDensity(element, raw.length),
    heading: HEADING_TAGS.has(tag) || (boldOnly && countWords(text) <= 12),
  };
}

function hasContent(element: DomElement): boolean {
  return collapsedText(element) !== '' || element.querySelector('img, picture, video') !== null || element.localName === 'img';
}

/** The blocks under `root`, in document order. Containers holding other blocks are walked, not returned. */
export function collectBlocks(root: DomElement): Block[] {
  const out: Block[] = [];
  const walk = (parent: DomElement): void => {
    for (const child of [...parent.childNodes]) {
      if (!isElement(child)) continue;
      const list = child.localName === 'ul' || child.localName === 'ol';
      if (list && child.querySelector('li p, li div, li figure, li h2, li h3, li h4, li table') !== null) {
        // A list used as a layout (a slideshow, a list of teasers): judge what its items hold.
        walk(child);
      } else if (UNIT_TAGS.has(child.localName)) {
        if (child.localName === 'hr' || hasContent(child)) out.push(toBlock(child));
      } else if (child.querySelector(BLOCK_SELECTOR) !== null) {
        walk(child);
      } else if (hasContent(child)) {
        out.push(toBlock(child));
      }
    }
  };
  walk(root);
  return out;
}

/** A block that reads as running text of the article. */
export function isProse(block: Block): boolean {
  if (block.heading || block.tag === 'figure' || block.tag === 'hr' || block.linkDensity >= 0.5) return false;
  if (block.words >= 15) return true;
  return block.words >= 6 && SENTENCE_END_RE.test(block.text);
}

/** A short label, a link-heavy block or a line without letters: not furniture by itself, not content either. */
export function isJunk(block: Block): boolean {
  if (block.tag === 'figure' || block.tag === 'hr') return true;
  if (!/[\p{L}\p{N}]/u.test(block.text)) return true;
  if (block.linkDensity >= 0.6) return true;
  return block.words <= 4 && !SENTENCE_END_RE.test(block.text);
}

/** Removes elements left empty by the removals (no text and no media), innermost first. */
export function pruneEmpty(root: DomElement): void {
  const candidates = [...root.querySelectorAll('div, section, article, header, footer, aside, span, p, ul, ol, li, blockquote, figure, a, strong, em, b, i')].reverse();
  for (const element of candidates) {
    if (!hasContent(element)) element.remove();
  }
}
