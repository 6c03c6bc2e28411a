import type { NameCandidate } from './name-candidates.js';

/** Where a name occurs in the text. */
export interface Mention {
  start: number;
  end: number;
  text: string;
}

/** One person with every mention of them, short forms included. */
export interface Person {
  /** Stable within one analysis ("p1", "p2" in order of first mention). */
  id: string;
  /** The fullest form the text gives ("George W. Bush"). */
  name: string;
  /** Roles and titles written beside the name ("Russian President", "president-elect"). */
  roles: string[];
  mentions: Mention[];
}

const mentionOf = (c: NameCandidate): Mention => ({ start: c.start, end: c.end, text: c.name });

/**
 * Groups person candidates: "Vladimir Putin", "Putin" and "Mr Putin" become one person. A short
 * form joins the latest fuller name it ends with; an uncued single word becomes a person only
 * through such a fuller name.
 */
export function groupPeople(candidates: readonly NameCandidate[]): Person[] {
  const people: (Person & { tokens: string[]; lastMention: number })[] = [];
  const full = candidates.filter((c) => c.kind === 'person' && c.nameTokens.length > 1);
  const sameName = (a: string[], b: string[]) => a.join(' ').toLowerCase() === b.join(' ').toLowerCase();
  for (const c of full) {
    // "Bush" then "George W. Bush": the fuller form absorbs the shorter one that shares its surname.
    const match = people.find((p) => sameName(p.tokens, c.nameTokens) || endsWith(c.nameTokens, p.tokens) || endsWith(p.tokens, c.nameTokens));
    if (match) {
      if (c.nameTokens.length > match.tokens.length) { match.tokens = c.nameTokens; match.name = c.name; }
      add(match, c);
    } else {
      people.push({ id: '', name: c.name, roles: [], mentions: [], tokens: c.nameTokens, lastMention: c.start });
      add(people[people.length - 1]!, c);
    }
  }
  const short = candidates.filter((c) => c.nameTokens.length === 1 && (c.kind === 'person' || c.kind === 'unknown'));
  for (const c of short) {
    const word = c.nameTokens[0]!.toLowerCase();
    const owners = people.filter((p) => p.tokens.length > 1 && p.tokens[p.tokens.length - 1]!.toLowerCase() === word);
    const owner = owners.sort((a, b) => nearestBefore(b, c.start) - nearestBefore(a, c.start))[0];
    if (owner) { add(owner, c); continue; }
    if (c.kind !== 'person') continue;
    const same = people.find((p) => p.tokens.length === 1 && p.tokens[0]!.toLowerCase() === word);
    if (same) add(same, c);
    else { people.push({ id: '', name: c.name, roles: [], mentions: [], tokens: c.nameTokens, lastMention: c.start }); add(people[people.length - 1]!, c); }
  }
  return people
    .map((p) => ({ ...p, mentions: [...p.mentions].sort((a, b) => a.start - b.start) }))
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
    .map((p, i) => ({ id: `p${i + 1}`, name: p.name, roles: p.roles, mentions: p.mentions }));

  function add(person: Person & { lastMention: number }, c: NameCandidate): void {
    if (person.mentions.some((m) => m.start === c.start)) return;
    person.mentions.push(mentionOf(c));
    if (c.role && !person.roles.includes(c.role)) person.roles.push(c.role);
  }
}

function endsWith(long: string[], short: string[]): boolean {
  if (short.length >= long.length) return false;
  const tail = long.slice(long.length - short.length).map((w) => w.toLowerCase());
  return tail.join(' ') === short.map((w) => w.toLowerCase()).join(' ') && short.length >= 1;
}

function nearestBefore(p: Person, at: number): number {
  const before = p.mentions.filter((m) => m.start < at).map((m) => m.start);
  return before.length ? Math.max(...before) : -1;
}

/** Organisations grouped by name; an acronym in brackets after a full name joins it. */
export function groupOrganisations(candidates: readonly NameCandidate[], text: string): { name: string; mentions: Mention[] }[] {
  const byName = new Map<string, { name: string; mentions: Mention[] }>();
  const aliases = new Map<string, string>();
  const orgs = candidates.filter((c) => c.kind === 'organisation');
  orgs.forEach((c, i) => {
    const next = orgs[i + 1];
    if (next && next.nameTokens.length === 1 && /^\s*\(\s*$/.test(text.slice(c.end, next.start)) && initials(c.nameTokens) === next.name) {
      aliases.set(next.name, c.name);
    }
  });
  for (const c of orgs) {
    const name = aliases.get(c.name) ?? c.name;
    const key = name.toLowerCase();
    const group = byName.get(key) ?? { name, mentions: [] };
    group.mentions.push(mentionOf(c));
    byName.set(key, group);
  }
  return [...byName.values()];
}

function initials(words: string[]): string {
  return words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}
