import { html, type SafeHtml } from '../html.js';

/** Options shared by the back office's labelled fields. */
export interface FieldOptions {
  type?: string;
  hint?: string;
  required?: boolean;
  /** Element id; defaults to `f-<name>`, override when a page has the same field twice. */
  id?: string;
}

/** A labelled text input with an optional hint tied to it by aria-describedby. */
export function textField(name: string, label: string, value: string, options: FieldOptions = {}): SafeHtml {
  const id = options.id ?? `f-${name}`;
  return html`<div class="field"><label for="${id}">${label}</label>${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}<input id="${id}" name="${name}" type="${options.type ?? 'text'}" value="${value}"${options.hint ? html` aria-describedby="${id}-hint"` : ''}${options.required ? html` required` : ''}></div>`;
}

/** A labelled text area. */
export function textAreaField(name: string, label: string, value: string, rows: number, options: FieldOptions = {}): SafeHtml {
  const id = options.id ?? `f-${name}`;
  return html`<div class="field"><label for="${id}">${label}</label>${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}<textarea id="${id}" name="${name}" rows="${rows}"${options.hint ? html` aria-describedby="${id}-hint"` : ''}>${value}</textarea></div>`;
}

/** A labelled select; `value` picks the selected option. */
export function selectField(name: string, label: string, choices: readonly { value: string; label: string }[], value: string, options: FieldOptions = {}): SafeHtml {
  const id = options.id ?? `f-${name}`;
  return html`<div class="field"><label for="${id}">${label}</label>${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}<select id="${id}" name="${name}"${options.hint ? html` aria-describedby="${id}-hint"` : ''}>
${choices.map((c) => html`<option value="${c.value}"${c.value === value ? html` selected` : ''}>${c.label}</option>`)}
</select></div>`;
}

/** Previous/next links of a paged list, keeping the other query parameters. */
export function pager(label: string, page: number, hasNext: boolean, query: (page: number) => string): SafeHtml | '' {
  if (page <= 1 && !hasNext) return '';
  return html`<nav aria-label="${label}" class="pager">
  ${page > 1 ? html`<a href="${query(page - 1)}" rel="prev">Previous page</a>` : ''}
  <span>Page ${page}</span>
  ${hasNext ? html`<a href="${query(page + 1)}" rel="next">Next page</a>` : ''}
</nav>`;
}
