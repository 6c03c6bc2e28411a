import type { Article } from '../../domain/article.js';
import type { ArticleRevision } from '../../domain/editorial.js';
import { html } from '../html.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';
import type { FieldDiff } from './revision-diff.js';

export interface RevisionsView {
  article: Article;
  /** The article's current version (restoring saves over it). */
  version: number;
  revisions: ArticleRevision[];
  diff: { from: ArticleRevision; to: ArticleRevision; parts: FieldDiff[] } | null;
  canRestore: boolean;
}

const stamp = (r: ArticleRevision) => `version ${r.version}, ${r.savedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.savedByName}`;

/** Every revision of an article, a word-by-word comparison of two of them, and restore. */
export function renderRevisionsPage(frame: AdminFrame, view: RevisionsView, notice: Notice | null = null): string {
  const { article, diff } = view;
  return adminLayout({ ...frame, current: 'articles' }, `Revisions of “${article.title}”`, html`<h1>Revisions of “${article.title}”</h1>
<p><a href="/admin/articles/${article.id}/edit">Back to the editor</a></p>
${diff ? html`<section aria-labelledby="diff-title" class="diff">
  <h2 id="diff-title">Changes from ${stamp(diff.from)} to ${stamp(diff.to)}</h2>
  <p class="hint">Removed words are struck through and marked “removed”; added words are underlined and marked “added”.</p>
  ${diff.parts.length ? diff.parts.map((part) => html`<h3>${part.label}</h3><p class="diff-text">${part.changes.map((c) => c.added
    ? html`<ins><span class="visually-hidden">[added: </span>${c.value}<span class="visually-hidden">]</span></ins>`
    : c.removed ? html`<del><span class="visually-hidden">[removed: </span>${c.value}<span class="visually-hidden">]</span></del>` : c.value)}</p>`) : html`<p>No differences.</p>`}
</section>` : ''}
<form method="get" action="/admin/articles/${article.id}/revisions" class="compare">
<table class="revisions">
<caption>Revisions, newest first. Choose two to compare.</caption>
<thead><tr><th scope="col">Version</th><th scope="col">Saved</th><th scope="col">By</th><th scope="col">Note</th><th scope="col">Compare from</th><th scope="col">to</th><th scope="col">Restore</th></tr></thead>
<tbody>
${view.revisions.map((r) => html`<tr>
  <td>${r.version}</td>
  <td><time datetime="${r.savedAt}">${r.savedAt.slice(0, 16).replace('T', ' ')}</time></td>
  <td>${r.savedByName}</td>
  <td>${r.note ?? ''}</td>
  <td><input type="radio" name="from" value="${r.id}" aria-label="Compare from version ${r.version}"${diff?.from.id === r.id ? html` checked` : ''}></td>
  <td><input type="radio" name="to" value="${r.id}" aria-label="Compare to version ${r.version}"${diff?.to.id === r.id ? html` checked` : ''}></td>
  <td>${view.canRestore && r.version !== view.version ? html`<button type="submit" form="restore-${r.id}">Restore version ${r.version}</button>` : ''}</td>
</tr>`)}
</tbody>
</table>
<button type="submit">Compare</button>
</form>
${view.canRestore ? view.revisions.map((r) => html`<form method="post" id="restore-${r.id}" action="/admin/articles/${article.id}/revisions/${r.id}/restore">${csrfField(frame)}<input type="hidden" name="version" value="${view.version}"></form>`) : ''}`, { notice });
}
