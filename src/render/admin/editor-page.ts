import type { Article, ArticleStatus } from '../../domain/article.js';
import type { Author } from '../../domain/author.js';
import type { UnpublishPolicy } from '../../domain/editorial.js';
import type { Source } from '../../domain/source.js';
import { searchPolicies } from '../../domain/syndication.js';
import type { Taxonomy, Term } from '../../domain/taxonomy.js';
import { html, type SafeHtml } from '../html.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';
import { statusLabels } from './article-list-page.js';
import { renderSuggestions, type Suggestions } from './suggestions-panel.js';

/** The editor's form values (the same flat names the Admin API uses). */
export interface EditorFields {
  title: string; slug: string; standfirst: string; excerpt: string; body: string;
  authorIds: string[]; termIds: string[];
  featureImageUrl: string; featureImageAlt: string; featureImageCaption: string; featureImageCredit: string;
  sourceId: string; originalPublisher: string; originalUrl: string; originalAuthor: string; originalPublishedAt: string;
  copyrightLine: string; licence: string; searchPolicy: string;
}

export interface EditorView {
  /** Null while writing a new article (the first save creates it). */
  article: Article | null;
  fields: EditorFields;
  version: number;
  /** Where readers find it (when published) and the preview. */
  publicPath: string | null;
  unpublished: UnpublishPolicy | null;
  canEdit: boolean;
  moves: ArticleStatus[];
  authors: Author[];
  sources: Source[];
  taxonomies: { taxonomy: Taxonomy; terms: { term: Term; depth: number }[] }[];
  /** After a refused save: who saved in between, with links to reload or compare. */
  conflict: { message: string } | null;
  /** Regions, themes and wire duplicates found in the stored article (absent for a new one or when analysis failed). */
  suggestions?: Suggestions | null;
}

const policyLabels: Record<string, string> = {
  noindex: 'Keep this copy out of search engines (noindex)',
  'canonical-original': 'Point search engines to the original (canonical to the original)',
  'canonical-self': 'This copy is canonical',
};

function input(name: keyof EditorFields | string, label: string, value: string, options: { type?: string; hint?: string; disabled?: boolean; extra?: SafeHtml } = {}): SafeHtml {
  const id = `f-${name}`;
  return html`<div class="field"><label for="${id}">${label}</label>${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}<input id="${id}" name="${name}" type="${options.type ?? 'text'}" value="${value}"${options.hint ? html` aria-describedby="${id}-hint"` : ''}${options.disabled ? html` disabled` : ''}${options.extra ?? ''}></div>`;
}

function textarea(name: string, label: string, value: string, rows: number, disabled: boolean): SafeHtml {
  return html`<div class="field"><label for="f-${name}">${label}</label><textarea id="f-${name}" name="${name}" rows="${rows}"${disabled ? html` disabled` : ''}>${value}</textarea></div>`;
}

function checkboxes(name: string, legend: string, items: { id: string; label: string; depth?: number }[], chosen: readonly string[], disabled: boolean): SafeHtml {
  return html`<fieldset class="checks"><legend>${legend}</legend>
${items.length ? items.map((item) => html`<div class="check" style="margin-inline-start:${(item.depth ?? 0) * 1.25}em"><input type="checkbox" id="${name}-${item.id}" name="${name}" value="${item.id}"${chosen.includes(item.id) ? html` checked` : ''}${disabled ? html` disabled` : ''}><label for="${name}-${item.id}">${item.label}</label></div>`) : html`<p>None yet.</p>`}
</fieldset>`;
}

function workflow(view: EditorView): SafeHtml {
  const status = view.article?.status ?? 'draft';
  const move = (to: ArticleStatus, label: string, cls = '') => view.moves.includes(to) ? html`<button type="submit" name="action" value="${to}" class="${cls}">${label}</button>` : '';
  const leavesReaders = (status === 'published' || status === 'scheduled') && (view.moves.includes('draft') || view.moves.includes('archived'));
  return html`<fieldset class="workflow"><legend>Publishing</legend>
<p>Status: <strong class="status status-${status}">${statusLabels[status]}</strong>${view.article?.publishedAt ? html` · ${status === 'scheduled' ? 'goes out' : 'dated'} <time datetime="${view.article.publishedAt}">${view.article.publishedAt.slice(0, 16).replace('T', ' ')} UTC</time>` : ''}</p>
${view.publicPath && status === 'published' ? html`<p><a href="${view.publicPath}">View on the site</a></p>` : ''}
${view.article ? html`<p><a href="/admin/articles/${view.article.id}/preview" target="_blank" rel="noopener" id="preview-link">Preview (opens in a new tab)</a> · <a href="/admin/articles/${view.article.id}/revisions">Revisions</a></p>` : ''}
<div class="actions">
  ${view.canEdit ? html`<button type="submit" name="action" value="save" class="primary">${view.article ? 'Save' : 'Create draft'}</button>` : ''}
  ${view.article ? html`${move('review', 'Submit for review')}${status === 'review' ? move('draft', 'Back to draft') : ''}${move('published', status === 'published' ? '' : 'Publish now', 'primary')}` : ''}
</div>
${view.article && view.moves.includes('scheduled') ? html`<div class="schedule">
  ${input('publishAt', 'Publish at (UTC)', '', { type: 'datetime-local', hint: 'Scheduled articles go out at this time, also after a restart.' })}
  <button type="submit" name="action" value="scheduled">Schedule</button>
</div>` : ''}
${view.article && leavesReaders ? html`<fieldset class="unpublish"><legend>Take it off the site</legend>
  <p class="hint">What the article's address answers afterwards:</p>
  <div class="check"><input type="radio" id="unpublish-gone" name="unpublishPolicy" value="gone" checked><label for="unpublish-gone">410 Gone: the article was withdrawn</label></div>
  <div class="check"><input type="radio" id="unpublish-redirect" name="unpublishPolicy" value="redirect"><label for="unpublish-redirect">Redirect to another address</label></div>
  ${input('redirectTo', 'Redirect to', '', { hint: 'A path on this site (/2026/11/other-article/) or a full address.' })}
  ${view.moves.includes('draft') ? html`<button type="submit" name="action" value="draft">Unpublish (back to draft)</button>` : ''}
  ${move('archived', 'Archive')}
</fieldset>` : view.article && status !== 'archived' && status !== 'published' && status !== 'scheduled' ? move('archived', 'Archive') : ''}
${view.unpublished && status !== 'published' ? html`<p class="hint">Its former address answers ${view.unpublished.kind === 'gone' ? '410 Gone' : html`with a redirect to <code>${view.unpublished.to}</code>`}.</p>` : ''}
</fieldset>`;
}

function attribution(view: EditorView, disabled: boolean): SafeHtml {
  const f = view.fields;
  return html`<fieldset class="attribution"><legend>Attribution (republished articles)</legend>
<div class="field"><label for="f-sourceId">Source</label><select id="f-sourceId" name="sourceId"${disabled ? html` disabled` : ''}>
  <option value="">Not republished / no source</option>
  ${view.sources.map((s) => html`<option value="${s.id}" data-publisher="${s.name}" data-copyright="${s.defaultCopyrightLine ?? ''}" data-licence="${s.defaultLicence ?? ''}" data-policy="${s.defaultSearchPolicy}"${f.sourceId === s.id ? html` selected` : ''}>${s.name}</option>`)}
</select></div>
${input('originalPublisher', 'Original publisher', f.originalPublisher, { disabled })}
${input('originalUrl', 'Original URL', f.originalUrl, { type: 'url', disabled })}
${input('originalAuthor', 'Original author', f.originalAuthor, { disabled })}
${input('originalPublishedAt', 'Original publication date', f.originalPublishedAt, { type: 'date', disabled })}
${input('copyrightLine', 'Copyright line', f.copyrightLine, { disabled, hint: 'Left empty, the source\'s default is used.' })}
${textarea('licence', 'Licence', f.licence, 2, disabled)}
<div class="field"><label for="f-searchPolicy">Search engines</label><select id="f-searchPolicy" name="searchPolicy"${disabled ? html` disabled` : ''}>
  <option value="">The source's default</option>
  ${searchPolicies.map((p) => html`<option value="${p}"${f.searchPolicy === p ? html` selected` : ''}>${policyLabels[p]}</option>`)}
</select></div>
</fieldset>`;
}

/** The article editor: body (TipTap when scripts run, a text area otherwise) and the side panel. */
export function renderEditorPage(frame: AdminFrame, view: EditorView, notice: Notice | null = null): string {
  const f = view.fields;
  const disabled = !view.canEdit;
  const title = view.article ? `Edit “${view.article.title}”` : 'New article';
  const action = view.article ? `/admin/articles/${view.article.id}` : '/admin/articles/';
  const main = html`<h1>${title}</h1>
${view.conflict ? html`<div class="notice notice-error" role="alert" id="conflict">
  <p>${view.conflict.message}</p>
  <p>Your text is below and is <strong>not saved</strong>. <a href="/admin/articles/${view.article?.id ?? ''}/edit">Reload their version</a> (your changes are lost), <a href="/admin/articles/${view.article?.id ?? ''}/revisions">compare the revisions</a>, or save again to replace their version with yours.</p>
</div>` : ''}
<p id="presence" class="presence" role="status" aria-live="polite"></p>
<form method="post" action="${action}" id="article-form" class="editor-form"${view.article ? html` data-article-id="${view.article.id}"` : ''}>
${csrfField(frame)}
<input type="hidden" name="version" value="${view.version}">
<div class="editor-main">
  ${input('title', 'Title', f.title, { disabled, extra: html` required` })}
  <div class="field body-field">
    <label for="f-body" id="body-label">Body</label>
    <p class="hint" id="f-body-hint">HTML. With scripts on, a rich-text editor replaces this box.</p>
    <textarea id="f-body" name="body" rows="24" aria-describedby="f-body-hint"${disabled ? html` disabled` : ''}>${f.body}</textarea>
  </div>
  <p id="save-status" class="save-status" role="status" aria-live="polite"></p>
</div>
<div class="editor-side" role="region" aria-label="Article settings">
  ${workflow(view)}
  ${view.suggestions ? renderSuggestions(view.suggestions, view.canEdit) : ''}
  ${!view.article && view.canEdit ? html`<div id="live-suggestions" aria-live="polite"></div>` : ''}
  ${checkboxes('authorIds', 'Authors', view.authors.map((a) => ({ id: a.id, label: a.name })), f.authorIds, disabled)}
  ${input('slug', 'Slug', f.slug, { disabled, hint: 'The last part of the address. Left empty, it is made from the title.' })}
  ${textarea('standfirst', 'Standfirst', f.standfirst, 3, disabled)}
  ${textarea('excerpt', 'Excerpt', f.excerpt, 3, disabled)}
  <fieldset><legend>Feature image</legend>
    ${input('featureImageUrl', 'Image URL', f.featureImageUrl, { type: 'url', disabled })}
    ${input('featureImageAlt', 'Alternative text', f.featureImageAlt, { disabled })}
    ${input('featureImageCaption', 'Caption', f.featureImageCaption, { disabled })}
    ${input('featureImageCredit', 'Credit', f.featureImageCredit, { disabled })}
  </fieldset>
  ${view.taxonomies.map(({ taxonomy, terms }) => checkboxes('termIds', taxonomy.pluralName, terms.map(({ term, depth }) => ({ id: term.id, label: term.name, depth })), f.termIds, disabled))}
  ${attribution(view, disabled)}
</div>
</form>`;
  const scripts = frame.assets.editorScript && view.canEdit ? html`<script type="module" src="${frame.assets.editorScript}"></script>` : undefined;
  return adminLayout({ ...frame, current: view.article ? 'articles' : 'new' }, title, main, { notice, ...(scripts ? { scripts } : {}) });
}
