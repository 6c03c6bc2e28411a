/**
 * A tiny HTML templating core: `html` tagged templates escape every interpolated value unless
 * it is itself `SafeHtml` (another template, or sanitized markup passed through `trusted`).
 * Escaping by default is what keeps titles, bylines and notices from outside inert.
 */
import { escapeHtml } from '../domain/html-escape.js';
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

export { escapeHtml };

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Builds escaped HTML. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Marks markup that has already been sanitized (article bodies) as safe to insert. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Serialises JSON for a <script type="application/ld+json"> block without letting it close the tag. */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}
