/** A word or punctuation mark with its offsets in the original text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Index of the sentence it belongs to. */
  sentence: number;
  /** Position within its sentence (0 = sentence-initial). */
  index: number;
}

/** A sentence with its offsets and tokens. */
export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
  /** Index of the paragraph it belongs to. */
  paragraph: number;
}

// Decimals ("15.8"), initials and dotted abbreviations ("W.", "U.S.") are one token so the period does not end the sentence.
const TOKEN = /\d+(?:[.,]\d+)+|\p{Lu}\.(?:\p{L}\.)*|\p{L}(?:\.\p{L})+\.?|[\p{L}\p{N}]+(?:['’\-&][\p{L}\p{N}]+)*|\S/gu;

/** Paragraph breaks: a blank line, or a new line indented the way wire copy marks paragraphs. */
const PARAGRAPH_BREAK = /\n[ \t]*\n|\n(?=[ \t]{2,}\S)/g;

/** Splits text into paragraphs (offset ranges). */
export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((p) => text.slice(p.start, p.end).trim() !== '');
}

/**
 * Splits text into sentences of tokens. A period ends a sentence unless it belongs to an
 * abbreviation the language names (Mr., Corp.) or an initial; a paragraph break always does.
 */
export function tokenize(text: string, abbreviations: ReadonlySet<string>): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs(text).forEach((para, paragraph) => {
    let current: Token[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const sentence = sentences.length;
      current.forEach((t, index) => { t.sentence = sentence; t.index = index; });
      sentences.push({ start: current[0]!.start, end: current[current.length - 1]!.end, tokens: current, paragraph });
      current = [];
    };
    const slice = text.slice(para.start, para.end);
    const raw = [...slice.matchAll(TOKEN)].map((m) => ({ text: m[0], start: para.start + m.index, end: para.start + m.index + m[0].length, sentence: 0, index: 0 }));
    raw.forEach((token, i) => {
      if (token.text === '.' && i > 0 && isAbbreviation(raw[i - 1]!, token, abbreviations)) {
        // Keep the period with the abbreviation so names like "Mr. Putin" stay whole.
        const prev = current[current.length - 1]!;
        prev.text += '.';
        prev.end = token.end;
        return;
      }
      current.push(token);
      if (endsSentence(current[current.length - 2], token, raw[i + 1])) flush();
    });
    flush();
  });
  return sentences;
}

function isAbbreviation(prev: Token, period: Token, abbreviations: ReadonlySet<string>): boolean {
  return prev.end === period.start && abbreviations.has(prev.text.toLowerCase());
}

const CLOSERS = new Set(['"', '”', '’', "'", ')']);
const STOPS = new Set(['.', '!', '?']);

function endsSentence(prev: Token | undefined, token: Token, next: Token | undefined): boolean {
  if (STOPS.has(token.text)) {
    // A closing quote after the stop belongs to this sentence; it ends it instead.
    if (next && CLOSERS.has(next.text) && next.start === token.end) return false;
    return startsSentence(next);
  }
  return CLOSERS.has(token.text) && !!prev && STOPS.has(prev.text) && startsSentence(next);
}

function startsSentence(next: Token | undefined): boolean {
  return !next || /^[\p{Lu}\p{N}"“‘'(]/u.test(next.text);
}
