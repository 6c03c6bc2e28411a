import { redirectStatuses, statusOf, type Redirect } from '../../domain/redirect.js';
import { html, type SafeHtml } from '../html.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';
import { pager, selectField, textField } from './form-fields.js';

export interface RedirectRow {
  id: string;
  redirect: Redirect;
}

export interface RedirectsView {
  rows: RedirectRow[];
  total: number;
  page: number;
  hasNext: boolean;
  q: string;
}

const statusLabels: Record<number, string> = { 301: '301 Moved permanently', 302: '302 Moved for now', 410: '410 Gone' };
const statusChoices = redirectStatuses.map((s) => ({ value: String(s), label: statusLabels[s]! }));

/** The fields of a redirect, for adding and editing. */
function redirectFields(values: { fromPath: string; toPath: string; status: string }): SafeHtml {
  return html`${textField('fromPath', 'From (old path on this site)', values.fromPath, { required: true, hint: 'Starts with /, for example /old-section/story/' })}
${textField('toPath', 'To', values.toPath, { hint: 'A path on this site, or a full https:// address elsewhere. Empty for 410 Gone.' })}
${selectField('status', 'Answer', statusChoices, values.status)}`;
}

/** Redirects, searchable and paged, with a form to add one. */
export function renderRedirectsPage(frame: AdminFrame, view: RedirectsView, notice: Notice | null = null): string {
  const query = (page: number) => `?${new URLSearchParams({ q: view.q, page: String(page) }).toString()}`;
  return adminLayout({ ...frame, current: 'redirects' }, 'Redirects', html`<h1>Redirects</h1>
<p>Old addresses that send readers elsewhere. Renamed and merged terms add theirs here by themselves.</p>
<form method="get" action="/admin/redirects/" class="filters" role="search" aria-label="Search redirects">
  ${textField('q', 'Address contains', view.q, { type: 'search' })}
  <button type="submit">Search</button>
</form>
<p>${view.total} redirect${view.total === 1 ? '' : 's'}.</p>
${view.rows.length ? html`<table class="redirects">
<caption>Redirects by old address</caption>
<thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Answer</th><th scope="col">Why</th><th scope="col">Actions</th></tr></thead>
<tbody>
${view.rows.map(({ id, redirect }) => html`<tr>
  <td><code>${redirect.fromPath}</code></td>
  <td>${redirect.toPath ? html`<code>${redirect.toPath}</code>` : '—'}</td>
  <td>${statusOf(redirect)}</td>
  <td>${redirect.kind}</td>
  <td class="decide"><a href="/admin/redirects/${id}/edit" aria-label="Edit the redirect from ${redirect.fromPath}">Edit</a>
    <form method="post" action="/admin/redirects/${id}/delete">${csrfField(frame)}<button type="submit" aria-label="Delete the redirect from ${redirect.fromPath}">Delete</button></form></td>
</tr>`)}
</tbody>
</table>` : html`<p>No redirects match.</p>`}
${pager('Pages of redirects', view.page, view.hasNext, query)}
<section aria-labelledby="add-redirect-title"><h2 id="add-redirect-title">Add a redirect</h2>
<form method="post" action="/admin/redirects/" class="stack">
${csrfField(frame)}
${redirectFields({ fromPath: '', toPath: '', status: '301' })}
<button type="submit" class="primary">Add redirect</button>
</form></section>`, { notice });
}

/** One redirect's edit form. */
export function renderRedirectEditPage(frame: AdminFrame, row: RedirectRow, notice: Notice | null = null): string {
  const { redirect } = row;
  return adminLayout({ ...frame, current: 'redirects' }, 'Edit redirect', html`<h1>Edit redirect</h1>
<p><a href="/admin/redirects/">Back to redirects</a></p>
<form method="post" action="/admin/redirects/${row.id}" class="stack">
${csrfField(frame)}
${redirectFields({ fromPath: redirect.fromPath, toPath: redirect.toPath ?? '', status: String(statusOf(redirect)) })}
<button type="submit" class="primary">Save redirect</button>
</form>`, { notice });
}
