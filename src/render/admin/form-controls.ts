import { html, type SafeHtml } from '../html.js';

/** A labelled text area, with an optional hint tied to it. */
export function textareaField(options: { name: string; label: string; value: string | null; rows?: number; hint?: string }): SafeHtml {
  const id = `f-${options.name}`;
  return html`<div class="field"><label for="${id}">${options.label}</label>${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}<textarea id="${id}" name="${options.name}" rows="${options.rows ?? 4}"${options.hint ? html` aria-describedby="${id}-hint"` : ''}>${options.value ?? ''}</textarea></div>`;
}

/** A labelled single choice. */
export function selectField(options: { name: string; label: string; value: string; choices: readonly { value: string; label: string }[]; hint?: string }): SafeHtml {
  const id = `f-${options.name}`;
  return html`<div class="field"><label for="${id}">${options.label}</label>${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}<select id="${id}" name="${options.name}"${options.hint ? html` aria-describedby="${id}-hint"` : ''}>
${options.choices.map((c) => html`<option value="${c.value}"${c.value === options.value ? html` selected` : ''}>${c.label}</option>`)}
</select></div>`;
}

/** "Previous / Page n of m / Next" for a paged screen. */
export function pager(page: number, pageCount: number, hrefOf: (page: number) => string): SafeHtml | '' {
  if (pageCount <= 1) return '';
  return html`<nav aria-label="Pages" class="pager">
  ${page > 1 ? html`<a href="${hrefOf(page - 1)}" rel="prev">Newer</a>` : ''}
  <span>Page ${page} of ${pageCount}</span>
  ${page < pageCount ? html`<a href="${hrefOf(page + 1)}" rel="next">Older</a>` : ''}
</nav>`;
}
