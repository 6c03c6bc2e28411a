import { entityLanguage, findEntities, tokenize } from '../entities/index.js';
import type { Entities, Sentence, Token } from '../entities/index.js';
import { quotedSpans } from './quote-marks.js';
import type { QuotedSpan } from './quote-marks.js';
import { objectAfter, speakerOf, subjectBefore } from './speaker-phrase.js';
import type { Discourse, Speaker } from './speaker-phrase.js';

export type { Speaker } from './speaker-phrase.js';

/** A quote with its speaker; `span` gives its offsets in the text. */
export interface Quote {
  text: string;
  speaker: Speaker;
  kind: 'direct' | 'reported';
  span: { start: number; end: number };
}

const lower = (t: Token) => t.text.toLowerCase();
const WINDOW = 400;

/**
 * Finds direct quotes and reported speech in `text` and attributes each to its speaker: a name in
 * the sentence, a pronoun or a role resolved from what came before, or an unnamed source kept as such.
 * Pass the entities already found for the same text to skip finding them again.
 */
export function findQuotes(text: string, entities?: Entities, options: { language?: string } = {}): Quote[] {
  const language = entityLanguage(options.language);
  const found = entities ?? findEntities(text, options);
  const mentionStarts = new Set(found.people.flatMap((p) => p.mentions.map((m) => m.start)));
  const discourse: Discourse = { entities: found, language, lastSpeaker: null, anonymous: [], mentionStarts };
  const sentences = tokenize(text, language.abbreviations);
  const spans = quotedSpans(text);
  const inQuote = (t: Token) => {
    const span = spans[lastStartingAtOrBefore(spans, t.start)];
    return !!span && t.end <= span.outerEnd;
  };
  const quotes: Quote[] = [];
  let previousDirect: { quote: Quote; paragraph: number } | null = null;
  let next = 0;
  for (const sentence of sentences) {
    while (next < spans.length && spans[next]!.outerStart < sentence.start) next += 1;
    const own: QuotedSpan[] = [];
    while (next < spans.length && spans[next]!.outerStart < sentence.end) own.push(spans[next++]!);
    if (own.length > 0) {
      for (const span of own) {
        const speaker = attribute(span, sentence, sentences, inQuote, discourse)
          ?? continuation(span, sentence, previousDirect);
        if (!speaker) continue;
        const quote: Quote = { text: span.text.replace(/,$/, ''), speaker, kind: 'direct', span: { start: span.start, end: span.end } };
        quotes.push(quote);
        previousDirect = { quote, paragraph: paragraphOf(span.outerEnd, sentences, sentence.tokens[0]!.sentence) ?? sentence.paragraph };
        discourse.lastSpeaker = { speaker, sentence: sentence.tokens[0]!.sentence };
      }
      continue;
    }
    if (sentence.tokens.some(inQuote)) continue;
    const reported = reportedSpeech(sentence, text, discourse);
    if (reported) {
      quotes.push(reported);
      discourse.lastSpeaker = { speaker: reported.speaker, sentence: sentence.tokens[0]!.sentence };
    }
  }
  return quotes;
}

/** The tokens overlapping [from, to), found by bisection (a run-on "sentence" can hold thousands). */
function tokensBetween(tokens: readonly Token[], from: number, to: number): Token[] {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= from) lo = mid + 1; else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.start < to; i += 1) out.push(tokens[i]!);
  return out;
}

/** Index of the last span opening at or before `offset` (spans are sorted and do not overlap). */
function lastStartingAtOrBefore(spans: readonly QuotedSpan[], offset: number): number {
  let lo = 0, hi = spans.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.outerStart <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

function paragraphOf(offset: number, sentences: readonly Sentence[], from: number): number | undefined {
  for (let i = from; i < sentences.length && sentences[i]!.start < offset; i += 1) {
    if (offset <= sentences[i]!.end + 1) return sentences[i]!.paragraph;
  }
  return undefined;
}

// The sentences a quote touches, less the quoted words, hold its attribution.
function attribute(span: QuotedSpan, sentence: Sentence, sentences: readonly Sentence[], inQuote: (t: Token) => boolean, discourse: Discourse): Speaker | null {
  const touched: Sentence[] = [];
  for (let i = sentence.tokens[0]!.sentence; i < sentences.length && sentences[i]!.start < span.outerEnd + 1; i += 1) {
    if (sentences[i]!.paragraph === sentence.paragraph) touched.push(sentences[i]!);
  }
  // A window around the quote: attributions sit close to it, and run-on text must not cost quadratic time.
  const tokens = touched.flatMap((s) => tokensBetween(s.tokens, span.outerStart - WINDOW, span.outerEnd + WINDOW));
  const verbs = tokens.map((t, i) => ({ t, i })).filter(({ t }) => !inQuote(t) && discourse.language.speechVerbs.has(lower(t)));
  const according = tokens.findIndex((t, i) => lower(t) === 'according' && tokens[i + 1]?.text === 'to' && !inQuote(t));
  if (according >= 0) {
    const speaker = speakerOf(objectAfter(tokens, according + 2, inQuote), discourse);
    if (speaker) return speaker;
  }
  const distance = (t: Token) => (t.start >= span.outerEnd ? t.start - span.outerEnd : span.outerStart - t.end);
  verbs.sort((a, b) => distance(a.t) - distance(b.t));
  for (const { i } of verbs) {
    const speaker = speakerAround(tokens, i, inQuote, discourse);
    if (speaker) return speaker;
  }
  return null;
}

/** The speaker of the speech verb at `verb`: its subject, or the words after it in inverted order. */
function speakerAround(tokens: readonly Token[], verb: number, inQuote: (t: Token) => boolean, discourse: Discourse): Speaker | null {
  return speakerWithOrder(tokens, verb, inQuote, discourse)?.speaker ?? null;
}

/** The speaker, and whether they were named after the verb (", said Putin") — then what was said came before. */
function speakerWithOrder(tokens: readonly Token[], verb: number, inQuote: (t: Token) => boolean, discourse: Discourse): { speaker: Speaker; after: boolean } | null {
  const before = tokens[verb - 1];
  const inverted = !before || inQuote(before) || before.text === ',';
  const subjectWords = subjectBefore(tokens, verb, inQuote);
  const subject = () => speakerOf(subjectWords, discourse);
  // The object of "told" is the audience ("told Reuters"), never the speaker; after a named subject the object is what was said.
  const object = () => (lower(tokens[verb]!).startsWith('tol') || (!inverted && subjectWords.length > 0) ? null : speakerOf(objectAfter(tokens, verb + 1, inQuote), discourse));
  if (inverted) {
    const named = object();
    if (named) return { speaker: named, after: true };
  }
  const bySubject = subject();
  if (bySubject) return { speaker: bySubject, after: false };
  const named = inverted ? null : object();
  if (named) return { speaker: named, after: true };
  // "Bush called him ... and said": the verb's subject is the person who opened the clause.
  const person = tokens.slice(Math.max(0, verb - 40), verb).reverse().find((t) => !inQuote(t) && discourse.mentionStarts.has(t.start));
  const speaker = person ? speakerOf([person], discourse) : null;
  return speaker ? { speaker, after: false } : null;
}

// A quote standing alone at the start of a paragraph right after an attributed one continues it.
function continuation(span: QuotedSpan, sentence: Sentence, previous: { quote: Quote; paragraph: number } | null): Speaker | null {
  if (!previous) return null;
  const opensParagraph = sentence.tokens[0]!.start === span.outerStart;
  return opensParagraph && sentence.paragraph - previous.paragraph <= 1 ? previous.quote.speaker : null;
}

const TOLD_OBJECT_END = new Set(['that', ',']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'after', 'before', 'for', 'during', 'from', 'by', 'with']);

/** "X said (that) ...", "X told reporters ...", "..., X said.", "according to X, ...". */
function reportedSpeech(sentence: Sentence, text: string, discourse: Discourse): Quote | null {
  const tokens = sentence.tokens;
  const none = () => false;
  const according = tokens.findIndex((t, i) => lower(t) === 'according' && tokens[i + 1]?.text === 'to');
  if (according >= 0) {
    const phrase = objectAfter(tokens, according + 2, none);
    const speaker = speakerOf(phrase, discourse);
    if (!speaker) return null;
    const afterPhrase = tokens[phrase.length + according + 2];
    const clause = according === 0 && afterPhrase ? slice(text, tokens, afterPhrase.index + 1, tokens.length) : slice(text, tokens, 0, according);
    return clause ? { text: clause.text, speaker, kind: 'reported', span: clause.span } : null;
  }
  const verb = tokens.findIndex((t) => discourse.language.speechVerbs.has(lower(t)));
  if (verb < 0) return null;
  const found = speakerWithOrder(tokens, verb, none, discourse);
  if (!found) return null;
  const { speaker } = found;
  const invertedAtEnd = found.after || tokens.slice(verb + 1).every((t) => /^[^\p{L}]+$/u.test(t.text)) || subjectEndsSentence(tokens, verb);
  const beforeVerb = () => {
    const comma = tokens.slice(0, verb).findLastIndex((t) => t.text === ',');
    return verb > 2 ? slice(text, tokens, 0, comma > 0 ? comma : verb) : null;
  };
  let clause;
  if (invertedAtEnd) clause = beforeVerb();
  else {
    let from = verb + 1;
    if (lower(tokens[verb]!).startsWith('tol')) {
      const end = tokens.findIndex((t, i) => i > verb && TOLD_OBJECT_END.has(lower(t)));
      from = end > 0 ? end : from;
    }
    const opened = from;
    while (tokens[from] && (TOLD_OBJECT_END.has(lower(tokens[from]!)) || tokens[from]!.text === ':')) from += 1;
    // "said in its weekly review": a circumstance, not what was said ("said that in May ..." is speech).
    if (from === opened && tokens[from] && PREPOSITIONS.has(lower(tokens[from]!))) {
      const that = tokens.findIndex((t, i) => i > from && lower(t) === 'that');
      if (that < 0) return null;
      from = that + 1;
    }
    // "..., a Kremlin source told RIA Novosti.": nothing is said after the verb, so it was said before.
    clause = slice(text, tokens, from, tokens.length) ?? beforeVerb();
  }
  return clause ? { text: clause.text, speaker, kind: 'reported', span: clause.span } : null;
}

// "Their next meeting is likely ..., Bush said." — the verb's subject closes the sentence.
function subjectEndsSentence(tokens: readonly Token[], verb: number): boolean {
  return tokens.slice(verb + 1).every((t) => /^[^\p{L}]+$/u.test(t.text) || t.text.toLowerCase() === 'on' || /^\p{L}+day$/iu.test(t.text));
}

function slice(text: string, tokens: readonly Token[], from: number, to: number): { text: string; span: { start: number; end: number } } | null {
  const inner = tokens.slice(from, to).filter((_, i, all) => !(i === all.length - 1 && /^[.,;:!?]$/.test(all[i]!.text)));
  if (inner.filter((t) => /\p{L}/u.test(t.text)).length < 3) return null;
  const span = { start: inner[0]!.start, end: inner[inner.length - 1]!.end };
  return { text: text.slice(span.start, span.end).replace(/\s+/g, ' '), span };
}
