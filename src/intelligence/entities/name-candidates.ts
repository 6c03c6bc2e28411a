import type { EntityLanguage } from './language.js';
import type { Sentence, Token } from './text-tokens.js';

export type CandidateKind = 'person' | 'organisation' | 'place' | 'other' | 'unknown';

/** A capitalised sequence with what the rules made of it. */
export interface NameCandidate {
  kind: CandidateKind;
  /** The name without title or possessive, as written. */
  name: string;
  nameTokens: string[];
  start: number;
  end: number;
  /** The title or role written before the name ("Foreign Minister"), if any. */
  role?: string;
  /** Why a person is a person; 'none' when only its shape suggests it. */
  cue: 'role' | 'honorific' | 'given-name' | 'initial' | 'lexicon' | 'speech' | 'shape' | 'none';
  sentence: number;
  /** Token index of the first token of the name within its sentence. */
  tokenIndex: number;
  /** Token index just after the whole run. */
  tokenEnd: number;
}

const CAPITALISED = /^\p{Lu}[\p{L}\p{N}'’.\-&]*$/u;
const INITIAL = /^\p{Lu}\.$/u;
const ACRONYM = /^\p{Lu}[\p{Lu}\d]{1,5}$/u;
const POSSESSIVE = /['’]s?$/u;

const bare = (word: string) => word.replace(/\.$/, '').toLowerCase();

/** Finds and classifies every capitalised sequence in the sentences. */
export function nameCandidates(sentences: readonly Sentence[], text: string, language: EntityLanguage): NameCandidate[] {
  const lowerWords = new Set((text.match(/(?<![\p{L}])\p{Ll}[\p{L}'’\-]*/gu) ?? []).map((w) => w.toLowerCase()));
  const out: NameCandidate[] = [];
  for (const sentence of sentences) {
    if (isShouted(sentence)) continue;
    for (const run of capitalisedRuns(sentence.tokens, language, text, lowerWords)) {
      const trimmed = trimLeading(run, sentence.tokens, language, lowerWords);
      if (trimmed.length === 0) continue;
      out.push(...classify(trimmed, sentence.tokens, text, language));
    }
  }
  return out;
}

// Headlines and flashes in capitals carry no case information to go on.
function isShouted(sentence: Sentence): boolean {
  const alpha = sentence.tokens.filter((t) => /\p{L}{2,}/u.test(t.text));
  return alpha.length >= 3 && alpha.filter((t) => t.text === t.text.toUpperCase()).length / alpha.length > 0.7;
}

// Arabic names keep their lower-case article: "Sheikh Ali al-Khalifa al-Sabah".
const NAME_PARTICLE = /^(?:al|el|ad|as|ash|bin|ibn|abu|bint)-\p{L}/u;

function isNameWord(token: Token): boolean {
  return (CAPITALISED.test(token.text) && !/^I(?:['’]\p{L}+)?$/u.test(token.text)) || NAME_PARTICLE.test(token.text);
}

function capitalisedRuns(tokens: readonly Token[], language: EntityLanguage, text: string, lowerWords: ReadonlySet<string>): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    const connects = run.length > 0 && (language.nameConnectors.has(token.text) || token.text === '&') && !!next && isNameWord(next);
    const splitsHere = isNameWord(token) && language.classOf(bare(token.text)) === 'month-or-day';
    // Line-wrapped copy joins lines mid-sentence, but a common word opening a new line starts afresh.
    const word = bare(token.text);
    const newLine = run.length > 0 && text.slice(run[run.length - 1]!.end, token.start).includes('\n') && lowerWords.has(word)
      && !language.organisationSuffixes.has(word) && !language.nonPersonHeads.has(word) && !language.roles.has(word);
    if (newLine) { runs.push(run); run = []; }
    if ((isNameWord(token) || connects) && !splitsHere) {
      run.push(token);
      // A possessive ends the name it belongs to ("Bush's meeting").
      if (POSSESSIVE.test(token.text) && /['’]s$/u.test(token.text)) { runs.push(run); run = []; }
      return;
    }
    if (run.length) runs.push(run);
    run = [];
  });
  if (run.length) runs.push(run);
  return runs;
}

function trimLeading(run: Token[], tokens: readonly Token[], language: EntityLanguage, lowerWords: ReadonlySet<string>): Token[] {
  const out = [...run];
  while (out.length) {
    const first = out[0]!;
    let before = first.index - 1;
    while (before >= 0 && /^[^\p{L}\p{N}]+$/u.test(tokens[before]!.text)) before -= 1;
    const atStart = before < 0;
    const word = bare(first.text);
    const cls = language.classOf(word);
    const second = out[1] ? bare(out[1].text) : '';
    // "Foreign Minister ...", "Bank of ...": a capitalised word that opens a title or an organisation stays.
    const opensName = language.roles.has(word) || language.honorifics.has(word) || language.organisationHeads.has(word)
      || language.roles.has(second) || second === 'of';
    const common = !opensName && (cls === 'common' || cls === 'month-or-day' || (cls === null && lowerWords.has(word)));
    if (word === 'the' || (atStart && common) || language.nameConnectors.has(first.text)) out.shift();
    else break;
  }
  // A line break can cut a name after its connector ("Dana Johnson of / First Boston").
  while (out.length && language.nameConnectors.has(out[out.length - 1]!.text)) out.pop();
  return out;
}

function classify(run: Token[], tokens: readonly Token[], text: string, language: EntityLanguage): NameCandidate[] {
  if (run.length === 0) return [];
  // "Bank of Japan Governor Satoshi Sumita": the organisation ends where a role or a given name begins.
  const first = bare(run[0]!.text);
  if (language.organisationHeads.has(first) && run[1]?.text === 'of' && run.length > 3) {
    const cut = run.findIndex((t, i) => i > 2 && (language.roles.has(bare(t.text)) || language.classOf(bare(t.text)) === 'given-name'));
    if (cut > 0) return [...classify(run.slice(0, cut), tokens, text, language), ...classify(run.slice(cut), tokens, text, language)];
  }
  // "Bob Bannon of Security Pacific National Bank": a person of an organisation.
  const of = run.findIndex((t) => t.text === 'of');
  const before = run.slice(0, of).map((t) => bare(t.text));
  const plainName = of > 1 && of <= 3 && !before.some((w) => language.roles.has(w) || language.organisationHeads.has(w));
  const rest = run.slice(of + 1);
  if (plainName && rest.length > 0 && (language.classOf(first) === 'given-name' || classifyWhole(rest, tokens, text, language)?.kind === 'organisation')) {
    return [...classify(run.slice(0, of), tokens, text, language), ...classify(run.slice(of + 1), tokens, text, language)];
  }
  const one = classifyWhole(run, tokens, text, language);
  return one ? [one] : [];
}

function classifyWhole(run: Token[], tokens: readonly Token[], text: string, language: EntityLanguage): NameCandidate | null {
  const words = run.map((t) => t.text.replace(/['’]s$/u, ''));
  const phrase = words.join(' ');
  const base = { sentence: run[0]!.sentence, tokenEnd: run[run.length - 1]!.index + 1 };
  const whole = (kind: CandidateKind): NameCandidate => ({
    ...base, kind, name: phrase, nameTokens: words, start: run[0]!.start, end: endOf(run[run.length - 1]!), cue: 'none', tokenIndex: run[0]!.index,
  });
  const last = bare(words[words.length - 1]!);
  const first = bare(words[0]!);
  if (words.length === 1 && /-\d/.test(words[0]!)) return whole('other');
  if (language.isCountry(phrase) || language.places.has(phrase.toLowerCase())) return whole('place');
  if (language.organisations.has(phrase.toLowerCase())) return whole('organisation');
  const lexical = words.length > 1 ? language.classOf(phrase) : null;
  if (lexical === 'place') return whole('place');
  if (lexical === 'organisation' || language.organisationSuffixes.has(last)) return whole('organisation');
  if (language.organisationHeads.has(first) && words[1] === 'of') return whole('organisation');
  if (words.length === 1 && ACRONYM.test(words[0]!)) {
    return whole(language.nonOrganisationAcronyms.has(words[0]!) ? 'other' : 'organisation');
  }

  // A title before the name: everything up to the last role word is the role.
  let roleEnd = -1;
  words.forEach((w, i) => { if (language.roles.has(bare(w)) && i < words.length - 1) roleEnd = i; });
  let nameStart = roleEnd + 1;
  if (roleEnd >= 0 && (words[nameStart] === 'of' || words[nameStart] === 'for')) nameStart += 2;
  let cue: NameCandidate['cue'] = roleEnd >= 0 ? 'role' : 'none';
  if (language.honorifics.has(bare(words[nameStart] ?? '')) && nameStart < words.length - 1) { nameStart += 1; cue = 'honorific'; }
  if (nameStart >= words.length) return null;
  const nameRun = run.slice(nameStart);
  const nameWords = words.slice(nameStart);
  const name = nameWords.join(' ');
  const role = roleEnd >= 0 ? run.slice(0, roleEnd + 1).map((t) => t.text).join(' ') : lowerCaseRole(tokens, run[0]!.index, language);
  const candidate: NameCandidate = {
    ...base, kind: 'unknown', name, nameTokens: nameWords, start: nameRun[0]!.start, end: endOf(nameRun[nameRun.length - 1]!),
    cue, tokenIndex: nameRun[0]!.index, ...(role ? { role } : {}),
  };
  const nameLast = bare(nameWords[nameWords.length - 1]!);
  if (language.roles.has(nameLast) && (cue === 'none' || nameWords.length === 1)) return null;
  if (cue === 'none' && (language.nonPersonHeads.has(nameLast) || language.isCountry(name))) return { ...candidate, kind: 'other' };
  if (cue === 'none' && role) cue = 'role';
  const classes = nameWords.map((w) => language.classOf(bare(w)));
  if (cue === 'none' && classes[0] === 'given-name' && nameWords.length > 1) cue = 'given-name';
  if (cue === 'none' && nameWords.some((w) => INITIAL.test(w)) && nameWords.length > 1) cue = 'initial';
  if (cue === 'none' && nameWords.length === 1 && classes[0] === 'surname') cue = 'lexicon';
  if (cue === 'none' && nameWords.length === 1 && classes[0] === 'place') return { ...candidate, kind: 'place' };
  if (cue === 'none' && nameWords.length === 1 && language.speechVerbs.has(nextWord(tokens, run, text))) cue = 'speech';
  if (cue === 'none' && nameWords.length >= 2 && nameWords.length <= 4 && !nameWords.includes('of') && classes.every((c) => c === null || c === 'given-name' || c === 'surname')
    && nameWords.every((w) => !ACRONYM.test(w))) cue = 'shape';
  return { ...candidate, cue, kind: cue === 'none' ? 'unknown' : 'person' };
}

function endOf(token: Token): number {
  return /['’]s$/u.test(token.text) ? token.end - 2 : token.end;
}

function nextWord(tokens: readonly Token[], run: Token[], _text: string): string {
  return (tokens[run[run.length - 1]!.index + 1]?.text ?? '').toLowerCase();
}

// "president-elect Dmitry Medvedev", "the Russian president, Vladimir Putin": a role in lower case just before the name.
function lowerCaseRole(tokens: readonly Token[], index: number, language: EntityLanguage): string | undefined {
  let at = index - 1;
  if (tokens[at]?.text === ',') at -= 1;
  const roleToken = tokens[at];
  if (!roleToken || !language.roles.has(bare(roleToken.text))) return undefined;
  const modifier = tokens[at - 1];
  return modifier && /^\p{Lu}/u.test(modifier.text) && modifier.index > 0 ? `${modifier.text} ${roleToken.text}` : roleToken.text;
}
