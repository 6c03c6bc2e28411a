/**
 * The part of Ghost's filter language (NQL) that front ends use against the Content API:
 * `key:value`, `key:-value` (not), `key:[a,b]` (any of), `key:>value` (and `<`, `>=`, `<=`),
 * clauses joined by `+` (and), and `,` (or) between clauses on the same key. Values may be
 * quoted with single quotes. Anything else is refused with a message, never guessed at.
 */
export type NqlOperator = 'eq' | 'ne' | 'in' | 'nin' | 'gt' | 'lt' | 'gte' | 'lte';

export interface NqlClause {
  key: string;
  op: NqlOperator;
  values: string[];
}

/** Clauses are ANDed; the clauses inside one group are ORed. */
export type NqlFilter = NqlClause[][];

export class NqlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NqlSyntaxError';
  }
}

/** Splits at `sep` outside quotes and brackets. */
function splitTop(input: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of input) {
    if (ch === "'" ) quoted = !quoted;
    else if (!quoted && ch === '[') depth++;
    else if (!quoted && ch === ']') depth--;
    if (!quoted && depth === 0 && ch === sep) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted || depth !== 0) throw new NqlSyntaxError('The filter has an unclosed quote or bracket.');
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith("'") && v.endsWith("'") ? v.slice(1, -1).replace(/\\'/g, "'") : v;
}

function parseClause(text: string): NqlClause {
  const match = /^\s*([a-z_][a-z0-9_.]*)\s*:\s*(.*)$/is.exec(text);
  if (!match) throw new NqlSyntaxError(`"${text.slice(0, 60)}" is not a filter clause; write key:value.`);
  const key = match[1]!.toLowerCase();
  let rest = match[2]!.trim();
  let negate = false;
  if (rest.startsWith('-')) {
    negate = true;
    rest = rest.slice(1).trim();
  }
  if (rest.startsWith('[')) {
    if (!rest.endsWith(']')) throw new NqlSyntaxError(`The list in "${text.slice(0, 60)}" is not closed.`);
    const values = splitTop(rest.slice(1, -1), ',').map(unquote).filter((v) => v.length > 0);
    return { key, op: negate ? 'nin' : 'in', values };
  }
  const comparison = /^(>=|<=|>|<)(.*)$/s.exec(rest);
  if (comparison) {
    if (negate) throw new NqlSyntaxError('A comparison cannot be negated.');
    const op = ({ '>': 'gt', '<': 'lt', '>=': 'gte', '<=': 'lte' } as const)[comparison[1] as '>' | '<' | '>=' | '<='];
    return { key, op, values: [unquote(comparison[2]!)] };
  }
  const value = unquote(rest);
  if (!value) throw new NqlSyntaxError(`"${key}" has no value.`);
  return { key, op: negate ? 'ne' : 'eq', values: [value] };
}

/** Parses a filter string; an empty or missing filter is no filter. */
export function parseNql(input: string | undefined): NqlFilter {
  if (!input || !input.trim()) return [];
  if (input.length > 2000) throw new NqlSyntaxError('The filter is longer than 2,000 characters.');
  if (/[()]/.test(input.replace(/'[^']*'/g, ''))) throw new NqlSyntaxError('Parentheses in filters are not supported; combine clauses with + (and) and , (or).');
  return splitTop(input, '+').map((group) => {
    const clauses = splitTop(group, ',').map(parseClause);
    const keys = new Set(clauses.map((c) => c.key));
    if (keys.size > 1) throw new NqlSyntaxError(`"," (or) joins clauses on the same key only; "${group.slice(0, 60)}" mixes ${[...keys].join(' and ')}.`);
    return clauses;
  });
}
