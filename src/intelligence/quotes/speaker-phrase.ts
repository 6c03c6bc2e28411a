import type { EntityLanguage, Entities, Token } from '../entities/index.js';

/** Who gave a quote. */
export interface Speaker {
  name: string;
  personId?: string;
  anonymous: boolean;
  /** How the text describes an unnamed speaker ("a Kremlin source"). */
  description?: string;
}

/** What the resolver remembers while it reads the text in order. */
export interface Discourse {
  entities: Entities;
  language: EntityLanguage;
  /** The latest speaker and the sentence where they spoke: "he said" refers back to them. */
  lastSpeaker: { speaker: Speaker; sentence: number } | null;
  /** Unnamed speakers introduced so far, so "the Kremlin source" is "a Kremlin source" again. */
  anonymous: Speaker[];
  /** Where person mentions start, to find a person among tokens quickly. */
  mentionStarts: ReadonlySet<number>;
}

const lower = (t: Token) => t.text.toLowerCase().replace(/\.$/, '');
const STOP_WORDS = new Set(['that', 'and', 'but', 'which', 'who', 'while', 'as', 'when', 'after', 'before', 'in', 'on', 'at', 'to', 'if', 'because']);
const SKIPPABLE = new Set(['also', 'later', 'again', 'then', 'has', 'had', 'have', 'was', 'previously', 'earlier', 'further', 'once', 'had', 'repeatedly', 'publicly', 'today', 'yesterday']);

/** The words naming the speaker before the speech verb at `verb` ("the Kremlin source" said). */
export function subjectBefore(tokens: readonly Token[], verb: number, quoted: (t: Token) => boolean): Token[] {
  let i = verb - 1;
  while (i >= 0 && SKIPPABLE.has(lower(tokens[i]!))) i -= 1;
  const out: Token[] = [];
  for (; i >= 0 && out.length < 7; i -= 1) {
    const t = tokens[i]!;
    // "an aide to Lyng", "an official at the ministry": the preposition stays inside the subject.
    const inside = (lower(t) === 'to' || lower(t) === 'at') && out.length > 0;
    if (quoted(t) || /^[^\p{L}\p{N}]+$/u.test(t.text) || (STOP_WORDS.has(lower(t)) && !inside)) break;
    out.unshift(t);
  }
  return out;
}

/** The words naming the speaker after the verb ('…," said Putin'; "according to diplomats"). */
export function objectAfter(tokens: readonly Token[], from: number, quoted: (t: Token) => boolean): Token[] {
  const out: Token[] = [];
  for (let i = from; i < tokens.length && out.length < 8; i += 1) {
    const t = tokens[i]!;
    if (quoted(t) || /^[^\p{L}\p{N}'’]+$/u.test(t.text) || STOP_WORDS.has(lower(t))) break;
    out.push(t);
  }
  return out;
}

/** Turns a phrase into a speaker: a named person or organisation, a pronoun, a role, or an unnamed source. */
export function speakerOf(phrase: readonly Token[], discourse: Discourse): Speaker | null {
  if (phrase.length === 0) return null;
  const { entities, language } = discourse;
  const first = phrase[0]!;
  const last = phrase[phrase.length - 1]!;
  const from = first.start;
  const to = last.end;
  // "the aide to Lyng", "businessmen polled by Reuters": an unnamed speaker described by whom they serve.
  const described = phrase.findIndex((t, i) => i < phrase.length - 1 && language.anonymousHeads.has(lower(t)) && /^\p{Ll}/u.test(phrase[i + 1]!.text));
  if (described >= 0) return unnamed(phrase, discourse);
  const person = [...entities.people].reverse().find((p) => p.mentions.some((m) => m.start >= from && m.end <= to));
  if (person) return { name: person.name, personId: person.id, anonymous: false };
  const organisation = entities.organisations.find((o) => o.mentions.some((m) => m.start >= from && m.end <= to));
  const head = lower(last);
  if (phrase.length === 1 && language.pronouns.has(head)) return pronoun(first, discourse);
  if (language.anonymousHeads.has(head)) return unnamed(phrase, discourse);
  if (organisation) return { name: fullOrganisationName(organisation.name, from, discourse), anonymous: false };
  if (language.roles.has(head)) return byRole(head, from, discourse);
  return null;
}

function pronoun(token: Token, discourse: Discourse): Speaker | null {
  const last = discourse.lastSpeaker;
  if (last && token.sentence - last.sentence <= 3) return last.speaker;
  const person = latestPersonBefore(token.start, discourse);
  return person ? { name: person.name, personId: person.id, anonymous: false } : null;
}

function unnamed(phrase: readonly Token[], discourse: Discourse): Speaker {
  const words = phrase.map((t) => t.text);
  const start = words.findIndex((w) => discourse.language.determiners.has(w.toLowerCase()));
  const head = words.findIndex((w) => discourse.language.anonymousHeads.has(w.toLowerCase()));
  const described = (start >= 0 ? words.slice(start) : words.slice(Math.max(0, head - 2))).join(' ');
  const core = described.replace(/^(the|a|an)\s+/i, '').toLowerCase();
  // "the Kremlin source" is the "a Kremlin source" met earlier: keep the first description.
  const known = discourse.anonymous.find((s) => s.description!.replace(/^(the|a|an)\s+/i, '').toLowerCase() === core);
  if (known) return known;
  const opener = described.split(' ')[0]!.toLowerCase();
  const common = discourse.language.determiners.has(opener) || discourse.language.anonymousHeads.has(opener);
  const description = common ? described.charAt(0).toLowerCase() + described.slice(1) : described;
  const speaker: Speaker = { name: description, anonymous: true, description };
  discourse.anonymous.push(speaker);
  return speaker;
}

// "the president said": the latest person given that role, else the latest person named.
function byRole(role: string, at: number, discourse: Discourse): Speaker | null {
  const withRole = discourse.entities.people
    .filter((p) => p.roles.some((r) => r.toLowerCase().includes(role)))
    .map((p) => ({ p, at: Math.max(-1, ...p.mentions.filter((m) => m.start < at).map((m) => m.start)) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => b.at - a.at)[0]?.p;
  const person = withRole ?? latestPersonBefore(at, discourse);
  return person ? { name: person.name, personId: person.id, anonymous: false } : null;
}

function latestPersonBefore(at: number, discourse: Discourse) {
  return discourse.entities.people
    .map((p) => ({ p, at: Math.max(-1, ...p.mentions.filter((m) => m.start < at).map((m) => m.start)) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => b.at - a.at)[0]?.p;
}

// "the Bank said" after "the World Bank": the short form is the fuller organisation named before.
function fullOrganisationName(name: string, at: number, discourse: Discourse): string {
  if (name.includes(' ')) return name;
  const fuller = discourse.entities.organisations
    .filter((o) => o.name.endsWith(` ${name}`) && o.mentions.some((m) => m.start < at))
    .sort((a, b) => Math.max(...b.mentions.map((m) => m.start)) - Math.max(...a.mentions.map((m) => m.start)))[0];
  return fuller?.name ?? name;
}
