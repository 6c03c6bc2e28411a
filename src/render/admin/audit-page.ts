import type { AuditEntry } from '../../domain/audit.js';
import { html } from '../html.js';
import { adminLayout, type AdminFrame } from './admin-layout.js';
import { pager } from './form-fields.js';

/** What changed, in a line: the entry's details as compact JSON. */
const detailsOf = (entry: AuditEntry) => (entry.details ? JSON.stringify(entry.details) : '');

/** Who did what, when: the audit log, newest first, paged. */
export function renderAuditPage(frame: AdminFrame, view: { entries: AuditEntry[]; page: number; hasNext: boolean }): string {
  return adminLayout({ ...frame, current: 'audit' }, 'Audit log', html`<h1>Audit log</h1>
${view.entries.length ? html`<table class="audit">
<caption>Who did what, newest first</caption>
<thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Details</th></tr></thead>
<tbody>
${view.entries.map((e) => html`<tr>
  <td><time datetime="${e.at}">${e.at.slice(0, 19).replace('T', ' ')}</time></td>
  <td>${e.actor}</td>
  <td><code>${e.action}</code></td>
  <td>${e.subjectType ? html`${e.subjectType} <code>${e.subjectId ?? ''}</code>` : '—'}</td>
  <td class="details"><code>${detailsOf(e)}</code></td>
</tr>`)}
</tbody>
</table>` : html`<p>Nothing recorded yet.</p>`}
${pager('Pages of the audit log', view.page, view.hasNext, (page) => `?page=${page}`)}`);
}
