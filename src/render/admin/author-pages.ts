import { formatAuthorLinks, type Author } from '../../domain/author.js';
import { html } from '../html.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';
import { field } from './auth-pages.js';
import { textareaField } from './form-controls.js';

/** What the author form shows: the stored author, or the values sent back after a refused save. */
export interface AuthorFormValues {
  name: string; slug: string; bio: string; url: string; avatarUrl: string; links: string;
}

export function authorFormValues(author: Author | null): AuthorFormValues {
  return {
    name: author?.name ?? '', slug: author?.slug ?? '', bio: author?.bio ?? '', url: author?.url ?? '',
    avatarUrl: author?.avatarUrl ?? '', links: formatAuthorLinks(author?.links ?? []),
  };
}

/** Every author, with a link to their public archive and to edit them. */
export function renderAuthorListPage(frame: AdminFrame, authors: readonly Author[], notice: Notice | null): string {
  return adminLayout({ ...frame, current: 'authors' }, 'Authors', html`<h1>Authors</h1>
<p><a class="button primary" href="/admin/authors/new">Add an author</a></p>
${authors.length ? html`<table class="authors">
<caption>Authors credited in bylines, by name</caption>
<thead><tr><th scope="col">Portrait</th><th scope="col">Name</th><th scope="col">Public page</th><th scope="col">Links</th></tr></thead>
<tbody>
${authors.map((a) => html`<tr>
  <td>${a.avatarUrl ? html`<img class="avatar" src="${a.avatarUrl}" alt="" width="48" height="48">` : '—'}</td>
  <td><a href="/admin/authors/${a.id}/edit">${a.name}</a></td>
  <td><a href="/author/${a.slug}/">/author/${a.slug}/</a></td>
  <td>${a.links.length || '—'}</td>
</tr>`)}
</tbody>
</table>` : html`<p>No authors yet.</p>`}`, { notice });
}

/** Adding (author null) or editing an author's profile. */
export function renderAuthorFormPage(frame: AdminFrame, author: Author | null, values: AuthorFormValues, notice: Notice | null): string {
  const title = author ? `Edit ${author.name}` : 'Add an author';
  const action = author ? `/admin/authors/${author.id}` : '/admin/authors/';
  return adminLayout({ ...frame, current: 'authors' }, title, html`<h1>${title}</h1>
<p><a href="/admin/authors/">All authors</a>${author ? html` · <a href="/author/${author.slug}/">Public page</a>` : ''}</p>
<form method="post" action="${action}" class="management-form">
  ${csrfField(frame)}
  ${field({ name: 'name', label: 'Name', value: values.name, required: true })}
  ${field({ name: 'slug', label: 'Slug', value: values.slug, hint: author ? 'Part of the public address /author/slug/. Changing it moves the page; links to the old address stop working.' : 'Optional: made from the name when empty.' })}
  ${textareaField({ name: 'bio', label: 'Biography', value: values.bio, rows: 5, hint: 'Shown at the top of the author\'s public page.' })}
  ${field({ name: 'url', label: 'Website', type: 'url', value: values.url })}
  <div class="field media-choice" data-media-choice="avatar">
    <label for="f-avatarUrl">Portrait</label>
    <p class="hint" id="f-avatarUrl-hint">An image from the media library (its address, /media/…), or a web address.</p>
    ${values.avatarUrl ? html`<img class="avatar" src="${values.avatarUrl}" alt="Current portrait" width="96" height="96">` : ''}
    <input id="f-avatarUrl" name="avatarUrl" type="text" value="${values.avatarUrl}" aria-describedby="f-avatarUrl-hint">
  </div>
  ${textareaField({ name: 'links', label: 'Links', value: values.links, rows: 4, hint: 'One a line: a label, then the address, such as "Mastodon https://example.social/@name".' })}
  <div class="actions"><button type="submit" class="primary">${author ? 'Save' : 'Add the author'}</button></div>
</form>`, { notice, ...(frame.assets.editorScript ? { scripts: html`<script type="module" src="${frame.assets.editorScript}"></script>` } : {}) });
}
