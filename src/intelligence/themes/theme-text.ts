import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';

/**
 * Words of a text as the theme classifier sees them: folded, stemmed with the same Snowball
 * stemmers search uses (so "missiles" and "missile" are one feature), with their offsets in the
 * original text so evidence can point back at what the editor reads. Pure: no I/O.
 */
export interface ThemeToken {
  stem: string;
  start: number;
  end: number;
  /** True when only spaces or a hyphen separate it from the previous content word: the two may form a phrase. */
  joinsPrevious: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const HAS_LETTER = /\p{L}/u;

/** Function words carry no theme; one short list per stemmed language, folded. */
const STOP = new Set(`
a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers him his how i if in
into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should
so some such than that the their theirs them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours said says say told tell mr mrs ms per cent percent
le la les de des du un une et est en que qui dans pour pas sur au aux par ce il elle ils
der die das und ist nicht ein eine mit von zu den dem im auf für sich des
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по
`.split(/\s+/).filter(Boolean));

const stemmers: Record<string, (word: string) => string> = { en: englishStemmer, fr: frenchStemmer, de: germanStemmer, ru: russianStemmer };
const stemCache = new Map<string, string>();

function stemOf(word: string, language: string): string {
  const key = `${language}:${word}`;
  const hit = stemCache.get(key);
  if (hit !== undefined) return hit;
  const stemmer = stemmers[language];
  let stem = word;
  try {
    stem = stemmer ? stemmer(word) || word : word;
  } catch {
    stem = word; // a stemmer failing on odd input must not fail a suggestion
  }
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(key, stem);
  return stem;
}

function fold(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFKD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC');
}

/** The primary subtag of a language tag, for picking a stemmer (`en-GB` → `en`). */
export function primaryLanguage(tag: string | null | undefined): string {
  return (tag ?? 'en').trim().toLowerCase().split(/[-_]/)[0] || 'en';
}

/** Content words of `text` (stop words and pure numbers left out), stemmed, with offsets. */
export function themeTokens(text: string, language = 'en'): ThemeToken[] {
  const lang = primaryLanguage(language);
  const out: ThemeToken[] = [];
  let previousEnd = -1;
  let previousKept = false;
  for (const match of text.matchAll(WORD)) {
    const folded = fold(match[0]);
    const gap = previousEnd >= 0 ? text.slice(previousEnd, match.index) : '';
    previousEnd = match.index + match[0].length;
    if (folded.length < 2 || folded.length > 40 || !HAS_LETTER.test(folded) || STOP.has(folded)) {
      previousKept = false;
      continue;
    }
    out.push({ stem: stemOf(folded, lang), start: match.index, end: previousEnd, joinsPrevious: previousKept && /^[ \t-]{1,2}$/.test(gap) });
    previousKept = true;
  }
  return out;
}

/** A feature and where it occurs: unigrams are stems, bigrams two adjacent content stems joined by a space. */
export interface FeatureOccurrences {
  count: number;
  spans: { start: number; end: number }[];
}

/** Unigram and bigram counts of a token list, keeping up to `maxSpans` occurrences of each for evidence. */
export function featureCounts(tokens: readonly ThemeToken[], maxSpans = 3): Map<string, FeatureOccurrences> {
  const features = new Map<string, FeatureOccurrences>();
  const add = (key: string, start: number, end: number) => {
    const entry = features.get(key);
    if (!entry) features.set(key, { count: 1, spans: maxSpans > 0 ? [{ start, end }] : [] });
    else {
      entry.count++;
      if (entry.spans.length < maxSpans) entry.spans.push({ start, end });
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    add(t.stem, t.start, t.end);
    const next = tokens[i + 1];
    if (next?.joinsPrevious) add(`${t.stem} ${next.stem}`, t.start, next.end);
  }
  return features;
}
