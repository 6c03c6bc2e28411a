import type { Gazetteer } from './gazetteer.js';
import type { CompiledName } from './types.js';
import type { Token } from './tokens.js';
import { tokenise } from './tokens.js';

/** A gazetteer name found in a text, with its character span. */
export interface NameMatch {
  name: CompiledName;
  start: number;
  end: number;
  text: string;
  /** The name opens a company's name ("Japan Fund Inc") or qualifies a currency ("Swiss francs"): it says less about where the story is. */
  inCompoundName?: boolean;
}

// Words that may stand lower-case inside a name ("Republic of the Congo", "Côte d'Ivoire").
const connectors = new Set(['of', 'the', 'and', 'de', 'du', 'da', 'del', 'la', 'le', 'des', 'di', "d'ivoire", 'al', 'el', 'upon']);
// Capitalised words next to a name that do not make it part of a longer proper name.
const neutralNeighbours = new Set([
  'in', 'at', 'to', 'from', 'the', 'of', 'for', 'and', 'or', 'by', 'with', 'on', 'into', 'near', 'across', 'after',
  'since', 'while', 'but', 'as', 'said', 'says', 'but', 'if', 'when', 'both', 'like', 'than', 'between', 'against',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'today', 'yesterday', 'tomorrow', 'it', 'its',
  'a', 'an', 'this', 'that', 'these', 'those', 'why', 'how', 'what', 'where', 'who', 'outside', 'inside', 'across',
]);

/** Every gazetteer name in the text, longest match first, capitalised as a proper name. */
export function matchNames(text: string, gazetteer: Gazetteer): NameMatch[] {
  const tokens = tokenise(text);
  const shouting = !/\p{Ll}/u.test(text);
  const matches: NameMatch[] = [];
  for (let i = 0; i < tokens.length;) {
    const found = longestAt(tokens, i, text, gazetteer);
    if (!found) { i += 1; continue; }
    const { name, length } = found;
    const first = tokens[i] as Token;
    const last = tokens[i + length - 1] as Token;
    if (!name.blocks && (!needsToStandApart(name) || standsApart(tokens, i, length, text, shouting))) {
      const following = tokens[i + length];
      const namesCurrency = following !== undefined && gazetteer.currencyWords.has(following.norm) && /^ +$/.test(text.slice(last.end, following.start));
      const inCompoundName = namesCurrency || opensOrganisation(tokens, i + length, text, gazetteer.organisationDesignators);
      matches.push({ name, start: first.start, end: last.end, text: text.slice(first.start, last.end), ...(inCompoundName ? { inCompoundName } : {}) });
    }
    i += length;
  }
  return matches;
}

function longestAt(tokens: Token[], i: number, text: string, gazetteer: Gazetteer): { name: CompiledName; length: number } | undefined {
  const first = tokens[i] as Token;
  if (!first.capitalised) return undefined;
  const candidates = gazetteer.byFirstToken.get(first.norm);
  if (!candidates) return undefined;
  for (const name of candidates) {
    const length = name.tokens.length;
    if (i + length > tokens.length) continue;
    let ok = true;
    for (let k = 1; k < length && ok; k++) {
      const token = tokens[i + k] as Token;
      const previous = tokens[i + k - 1] as Token;
      ok = token.norm === name.tokens[k] && /^[\s-]*$/.test(text.slice(previous.end, token.start))
        && (token.capitalised || connectors.has(token.norm));
    }
    if (ok) return { name, length };
  }
  return undefined;
}

function needsToStandApart(name: CompiledName): boolean {
  return name.needsIsolation || name.senses.every((s) => s.kind === 'city');
}

// "Michael Jordan", "Jordan Peterson", "Washington Post": a capitalised word right before or after,
// in the same phrase, makes the name part of a longer proper name. In text set in capitals only the
// word before counts ("MCDONNELL DOUGLAS"): headlines often open with the place ("JORDAN SAYS").
function standsApart(tokens: Token[], i: number, length: number, text: string, shouting: boolean): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + length];
  const first = tokens[i] as Token;
  const last = tokens[i + length - 1] as Token;
  if (before && before.capitalised && !neutralNeighbours.has(before.norm) && /^ +$/.test(text.slice(before.end, first.start))) return false;
  if (!shouting && after && after.capitalised && !neutralNeighbours.has(after.norm) && /^ +$/.test(text.slice(last.end, after.start))) return false;
  return true;
}

// Up to three capitalised words after the name, the last of them a company designator.
function opensOrganisation(tokens: Token[], next: number, text: string, designators: Set<string>): boolean {
  for (let k = next; k < next + 3 && k < tokens.length; k++) {
    const token = tokens[k] as Token;
    const previous = tokens[k - 1] as Token;
    if (!token.capitalised || !/^[ &]+$/.test(text.slice(previous.end, token.start))) return false;
    if (designators.has(token.norm)) return true;
  }
  return false;
}
