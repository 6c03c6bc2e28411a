import type { Source } from '../../domain/source.js';
import { searchPolicies } from '../../domain/syndication.js';
import { html } from '../html.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';
import { field } from './auth-pages.js';
import { selectField, textareaField } from './form-controls.js';

export interface SourceFormValues {
  name: string; slug: string; url: string; defaultCopyrightLine: string; defaultLicence: string; defaultSearchPolicy: string;
}

export function sourceFormValues(source: Source | null): SourceFormValues {
  return {
    name: source?.name ?? '', slug: source?.slug ?? '', url: source?.url ?? '', defaultCopyrightLine: source?.defaultCopyrightLine ?? '',
    defaultLicence: source?.defaultLicence ?? '', defaultSearchPolicy: source?.defaultSearchPolicy ?? 'noindex',
  };
}

const policyLabels: Record<string, string> = {
  noindex: 'Keep copies out of search engines (noindex)',
  'canonical-original': 'Point search engines to the original (canonical)',
  'canonical-self': 'Our copy is canonical',
};

/** Every source with its licence terms. */
export function renderSourceListPage(frame: AdminFrame, sources: readonly Source[], notice: Notice | null): string {
  return adminLayout({ ...frame, current: 'sources' }, 'Sources', html`<h1>Sources</h1>
<p>A source's terms fill in the attribution of every story republished from it afterwards; articles keep the terms they were published with.</p>
<p><a class="button primary" href="/admin/sources/new">Add a source</a></p>
${sources.length ? html`<table class="sources">
<caption>Sources and their licence terms, by name</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Copyright line</th><th scope="col">Licence</th><th scope="col">Search engines</th></tr></thead>
<tbody>
${sources.map((s) => html`<tr>
  <td><a href="/admin/sources/${s.id}/edit">${s.name}</a>${s.url ? html`<br><span class="hint">${s.url}</span>` : ''}</td>
  <td>${s.defaultCopyrightLine ?? '—'}</td>
  <td>${s.defaultLicence ?? '—'}</td>
  <td>${policyLabels[s.defaultSearchPolicy] ?? s.defaultSearchPolicy}</td>
</tr>`)}
</tbody>
</table>` : html`<p>No sources yet.</p>`}`, { notice });
}

/** Adding (source null) or editing a source's terms. */
export function renderSourceFormPage(frame: AdminFrame, source: Source | null, values: SourceFormValues, notice: Notice | null): string {
  const title = source ? `Edit ${source.name}` : 'Add a source';
  return adminLayout({ ...frame, current: 'sources' }, title, html`<h1>${title}</h1>
<p><a href="/admin/sources/">All sources</a>${source ? html` · <a href="/source/${source.slug}/">Public page</a>` : ''}</p>
<form method="post" action="${source ? `/admin/sources/${source.id}` : '/admin/sources/'}" class="management-form">
  ${csrfField(frame)}
  ${field({ name: 'name', label: 'Name', value: values.name, required: true })}
  ${source
    ? html`<p>Public address: <code>/source/${source.slug}/</code> (it does not change).</p>`
    : field({ name: 'slug', label: 'Slug', value: values.slug, hint: 'Optional: made from the name when empty. It is part of the public address and never changes.' })}
  ${field({ name: 'url', label: 'Website', type: 'url', value: values.url })}
  ${field({ name: 'defaultCopyrightLine', label: 'Copyright line', value: values.defaultCopyrightLine, hint: 'Such as "© Northern Wire"; copied into the attribution of each story republished from this source, where the editor can change it.' })}
  ${textareaField({ name: 'defaultLicence', label: 'Licence terms', value: values.defaultLicence, rows: 3 })}
  ${selectField({ name: 'defaultSearchPolicy', label: 'Search engines', value: values.defaultSearchPolicy, choices: searchPolicies.map((p) => ({ value: p, label: policyLabels[p] ?? p })) })}
  <div class="actions"><button type="submit" class="primary">${source ? 'Save' : 'Add the source'}</button></div>
</form>`, { notice });
}
