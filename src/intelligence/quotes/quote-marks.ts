import { paragraphs } from '../entities/index.js';

/** A stretch of text inside quotation marks; `start`/`end` exclude the marks. */
export interface QuotedSpan {
  start: number;
  end: number;
  /** Offsets including the marks (and every paragraph of a multi-paragraph quote). */
  outerStart: number;
  outerEnd: number;
  /** The quoted words; paragraphs of a multi-paragraph quote joined by a space. */
  text: string;
}

const OPENING = new Set(['"', '“', '„', '«']);
const CLOSING = new Set(['"', '”', '»']);

/**
 * Finds double-quoted spans. Single quotes inside stay part of the text (nested quotes). A
 * paragraph that ends inside a quote continues it when the next paragraph opens with a quotation
 * mark, the convention for quotes that run over several paragraphs.
 */
export function quotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const paras = paragraphs(text);
  let open: { outerStart: number; pieces: { start: number; end: number }[] } | null = null;
  paras.forEach((para, p) => {
    let from = para.start;
    if (open) {
      // The continuation opens with a mark that is not a closing one.
      const first = text.slice(para.start, para.end).search(/\S/) + para.start;
      if (!OPENING.has(text[first]!)) open = null;
      else from = first + 1;
    }
    for (let i = from; i < para.end; i += 1) {
      const ch = text[i]!;
      if (!open && OPENING.has(ch) && opensHere(text, i)) {
        open = { outerStart: i, pieces: [] };
        from = i + 1;
      } else if (open && CLOSING.has(ch) && !isMistypedApostrophe(text, i)) {
        open.pieces.push({ start: from, end: i });
        spans.push(finish(text, open, i + 1));
        open = null;
      }
    }
    if (open) {
      open.pieces.push({ start: from, end: para.end });
      const next = paras[p + 1];
      const nextOpens = next && OPENING.has(text.slice(next.start, next.end).trim()[0] ?? '');
      if (!nextOpens) open = null;
    }
  });
  return spans.filter((s) => s.text.length > 0);
}

function finish(text: string, open: { outerStart: number; pieces: { start: number; end: number }[] }, outerEnd: number): QuotedSpan {
  const words = open.pieces.map((p) => text.slice(p.start, p.end).replace(/\s+/g, ' ').trim()).join(' ');
  return { start: open.pieces[0]!.start, end: open.pieces[open.pieces.length - 1]!.end, outerStart: open.outerStart, outerEnd, text: words };
}

// A straight mark opens a quote only where a word may start (not "5" 10' or an inch mark after a digit).
function opensHere(text: string, i: number): boolean {
  if (text[i] !== '"') return true;
  const before = text[i - 1];
  return before === undefined || /[\s([{—–-]/.test(before);
}

// Wire copy sometimes types an apostrophe as a double mark ("We don"t"): between two letters it closes nothing.
function isMistypedApostrophe(text: string, i: number): boolean {
  return text[i] === '"' && /\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i + 1] ?? '');
}
