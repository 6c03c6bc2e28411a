/**
 * Removes the page furniture that survives Readability from an extracted body, and says what it
 * removed and why. The rules are data (html-furniture-rules.ts, then ../text/furniture-rules.ts);
 * this file decides where a match counts: anywhere, in the head of the body (before the first
 * paragraph of prose), or in the trailing run of furniture at its end.
 */
import { FURNITURE_RULES } from '../text/furniture-rules.js';
import { isBylineText } from './authors.js';
import { collectBlocks, isJunk, isProse, pruneEmpty, type Block } from './blocks.js';
import { isDateLine } from './dates.js';
import type { DomElement } from './dom.js';
import { HTML_FURNITURE_RULES, type RuleScope } from './html-furniture-rules.js';

/** One block taken out of the body. `kind` is the rule's kind; `links` the block's link targets. */
export interface Removal {
  text: string;
  reason: string;
  kind: string;
  links: { text: string; href: string }[];
}

/** What the furniture pass needs to know about the page. */
export interface FurnitureContext {
  title: string | null;
}

interface Match {
  id: string;
  kind: string;
  scope: RuleScope;
}

/** A closing section may take at most this share of the body's words. */
const CLOSING_MAX_SHARE = 0.4;
/** Only paragraphs at least this long count as repeated when they appear twice in a row. */
const DUPLICATE_MIN_WORDS = 15;
/** Section and closing rules only apply to blocks this short. */
const HEADING_MAX_WORDS = 12;

function matchRules(block: Block): Match | null {
  const text = block.text;
  if (text === '') return null;
  for (const rule of HTML_FURNITURE_RULES) {
    if ((rule.scope === 'section' || rule.scope === 'closing') && (block.words > HEADING_MAX_WORDS || block.tag === 'ul' || block.tag === 'ol')) continue;
    if (rule.minLinkDensity !== undefined && block.linkDensity < rule.minLinkDensity) continue;
    if (rule.pattern.test(text)) return { id: rule.id, kind: rule.kind, scope: rule.scope };
  }
  for (const rule of FURNITURE_RULES) {
    if (rule.pattern.test(text)) return { id: rule.id, kind: rule.kind, scope: rule.strong === true ? 'line' : 'tail' };
  }
  return null;
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function isTitle(block: Block, title: string | null): boolean {
  if (title === null || !(block.heading || block.words <= 25)) return false;
  const a = comparable(block.text);
  const b = comparable(title);
  return a !== '' && (a === b || (a.length > 20 && b.startsWith(a)) || (b.length > 20 && a.startsWith(b) && a.length - b.length < 40));
}

function linksOf(element: DomElement): Removal['links'] {
  const anchors = element.localName === 'a' ? [element] : [...element.querySelectorAll('a[href]')];
  return anchors.map((a) => ({ text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(), href: a.getAttribute('href') ?? '' }));
}

/** Why a block in the head of the body (before the first prose) is furniture, or null. */
function headReason(block: Block, context: FurnitureContext): string | null {
  if (isTitle(block, context.title)) return 'head.title';
  if (isBylineText(block.text)) return 'head.byline';
  if (isDateLine(block.text)) return 'head.date-line';
  if (block.element.closest('header') !== null && block.tag !== 'figure') return 'head.article-header';
  if (!block.heading && block.tag !== 'figure' && block.tag !== 'blockquote' && isJunk(block)) return 'head.label';
  return null;
}

/**
 * Removes furniture blocks from `root` (Readability's article element) in place and returns what
 * was removed, in document order.
 */
export function removeFurniture(root: DomElement, context: FurnitureContext): Removal[] {
  const blocks = collectBlocks(root);
  const reasons = new Map<Block, { reason: string; kind: string }>();
  const mark = (block: Block, reason: string, kind: string): void => {
    if (!reasons.has(block)) reasons.set(block, { reason, kind });
  };
  const matches = blocks.map(matchRules);
  const firstProse = blocks.findIndex((block, i) => matches[i] === null && isProse(block));
  let previousKey = '';

  blocks.forEach((block, i) => {
    const match = matches[i];
    if (match?.scope === 'line') return mark(block, match.id, match.kind);
    if (i < firstProse || firstProse === -1) {
      const reason = headReason(block, context);
      if (reason !== null) return mark(block, reason, reason === 'head.byline' ? 'byline' : 'header');
    } else if (block.words <= 20 && (isDateLine(block.text) || (i <= firstProse + 2 && isBylineText(block.text)))) {
      return mark(block, isDateLine(block.text) ? 'body.date-line' : 'body.byline', 'header');
    }
    // A long paragraph repeated right after itself is a caption or a teaser shown twice; repeats
    // further apart are often the story's own (the same question put to each interviewee).
    const key = block.tag === 'figure' || block.words < DUPLICATE_MIN_WORDS ? '' : block.text.toLowerCase();
    if (key !== '' && key === previousKey) return mark(block, 'body.duplicate', 'duplicate');
    previousKey = key;
    if (match?.scope === 'section') {
      mark(block, match.id, match.kind);
      for (let j = i + 1; j < blocks.length; j++) {
        const next = blocks[j];
        if (next === undefined || isProse(next) || (next.heading && matches[j]?.scope !== 'section')) break;
        if (next.linkDensity >= 0.5 || isJunk(next) || next.tag === 'ul' || next.tag === 'ol') mark(next, match.id, match.kind);
        else break;
      }
    }
  });

  // The trailing run: from the first furniture block after the last prose block, everything goes.
  const totalWords = blocks.reduce((sum, block) => sum + block.words, 0);
  let tailStart = blocks.length;
  let lastProse = -1;
  blocks.forEach((block, i) => {
    if (!reasons.has(block) && matches[i] === null && isProse(block)) lastProse = i;
  });
  for (let i = lastProse + 1; i < blocks.length; i++) {
    const block = blocks[i];
    if (block !== undefined && (matches[i] !== null || reasons.has(block))) {
      tailStart = i;
      break;
    }
  }
  let wordsAfter = 0;
  for (let i = blocks.length - 1; i > Math.max(firstProse, 0); i--) {
    const block = blocks[i];
    if (block === undefined) continue;
    if (matches[i]?.scope === 'closing' && wordsAfter <= totalWords * CLOSING_MAX_SHARE) tailStart = Math.min(tailStart, i);
    wordsAfter += block.words;
  }
  for (let i = tailStart; i < blocks.length; i++) {
    const block = blocks[i];
    if (block === undefined) continue;
    const match = matches[i];
    mark(block, match?.id ?? 'tail.after-furniture', match?.kind ?? 'tail');
  }

  const removed: Removal[] = [];
  for (const block of blocks) {
    const why = reasons.get(block);
    if (why === undefined) continue;
    removed.push({ text: block.text, reason: why.reason, kind: why.kind, links: linksOf(block.element) });
    block.element.remove();
  }
  pruneEmpty(root);
  return removed;
}
