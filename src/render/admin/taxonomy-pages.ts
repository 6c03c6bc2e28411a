import { descendantIds, flattenTree, type Taxonomy, type Term } from '../../domain/taxonomy.js';
import { html } from '../html.js';
import { paths } from '../paths.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';
import { selectField, textField } from './form-fields.js';

export interface TaxonomyTreeView {
  taxonomies: Taxonomy[];
  taxonomy: Taxonomy;
  terms: Term[];
  canManage: boolean;
}

/** Every taxonomy, and the chosen one as an indented tree with an "add term" form. */
export function renderTaxonomyPage(frame: AdminFrame, view: TaxonomyTreeView, notice: Notice | null = null): string {
  const { taxonomy } = view;
  const tree = flattenTree(view.terms);
  const title = `Taxonomies: ${taxonomy.pluralName}`;
  return adminLayout({ ...frame, current: 'taxonomies' }, title, html`<h1>${title}</h1>
<nav aria-label="Taxonomies" class="tabs"><ul>
${view.taxonomies.map((t) => html`<li><a href="/admin/taxonomies/${t.slug}/"${t.id === taxonomy.id ? html` aria-current="page"` : ''}>${t.pluralName}</a></li>`)}
</ul></nav>
<p>Public index: <a href="${paths.taxonomyIndex(taxonomy)}">${paths.taxonomyIndex(taxonomy)}</a>. A term's address is <code>/${taxonomy.slug}/term-slug/</code>: moving a term keeps it; changing its slug or merging it leaves redirects from the old addresses.</p>
${tree.length ? html`<ul class="term-tree" aria-label="${taxonomy.pluralName} as a tree">
${tree.map(({ term, depth }) => html`<li style="margin-inline-start:${depth * 1.5}em"><span class="term-name">${term.name}</span> <code>${term.slug}</code>
  · <a href="${paths.term(taxonomy, term)}">view</a>${view.canManage ? html` · <a href="/admin/taxonomies/${taxonomy.slug}/terms/${term.id}" aria-label="Edit ${term.name}">edit</a>` : ''}</li>`)}
</ul>` : html`<p>No terms yet.</p>`}
${view.canManage ? html`<section aria-labelledby="add-term-title"><h2 id="add-term-title">Add a term</h2>
<form method="post" action="/admin/taxonomies/${taxonomy.slug}/terms" class="stack">
${csrfField(frame)}
${textField('name', 'Name', '', { required: true })}
${textField('slug', 'Slug', '', { hint: 'Left empty, it is made from the name.' })}
${selectField('parentId', 'Parent', [{ value: '', label: '— top level —' }, ...tree.map(({ term, depth }) => ({ value: term.id, label: `${'– '.repeat(depth)}${term.name}` }))], '')}
<button type="submit" class="primary">Add term</button>
</form></section>` : ''}`, { notice });
}

export interface TermEditView {
  taxonomy: Taxonomy;
  term: Term;
  terms: Term[];
}

/** One term: rename (name and slug), move under another parent, merge into another term. */
export function renderTermEditPage(frame: AdminFrame, view: TermEditView, notice: Notice | null = null): string {
  const { taxonomy, term } = view;
  const tree = flattenTree(view.terms);
  const own = new Set<string>(descendantIds(view.terms, term.id));
  const label = ({ term: t, depth }: { term: Term; depth: number }) => ({ value: t.id, label: `${'– '.repeat(depth)}${t.name}` });
  const base = `/admin/taxonomies/${taxonomy.slug}/terms/${term.id}`;
  const title = `${taxonomy.name}: ${term.name}`;
  return adminLayout({ ...frame, current: 'taxonomies' }, title, html`<h1>${title}</h1>
<p><a href="/admin/taxonomies/${taxonomy.slug}/">Back to ${taxonomy.pluralName}</a> · Public page: <a href="${paths.term(taxonomy, term)}">${paths.term(taxonomy, term)}</a></p>
<section aria-labelledby="rename-title"><h2 id="rename-title">Rename</h2>
<form method="post" action="${base}/rename" class="stack">
${csrfField(frame)}
${textField('name', 'Name', term.name, { required: true })}
${textField('slug', 'Slug', term.slug, { required: true, hint: `Changing it moves the page to /${taxonomy.slug}/new-slug/; the old address and its feeds redirect there.` })}
<button type="submit" class="primary">Save name and slug</button>
</form></section>
<section aria-labelledby="move-title"><h2 id="move-title">Move</h2>
<form method="post" action="${base}/move" class="stack">
${csrfField(frame)}
${selectField('parentId', 'New parent', [{ value: '', label: '— top level —' }, ...tree.filter(({ term: t }) => !own.has(t.id)).map(label)], term.parentId ?? '', { hint: 'A term cannot go under itself or its own sub-terms. Its address stays the same.' })}
<button type="submit">Move</button>
</form></section>
<section aria-labelledby="merge-title"><h2 id="merge-title">Merge into another term</h2>
<form method="post" action="${base}/merge" class="stack">
${csrfField(frame)}
${selectField('intoId', `Merge “${term.name}” into`, tree.filter(({ term: t }) => !own.has(t.id)).map(label), '', { hint: `Its articles and sub-terms move to the chosen term, “${term.name}” is deleted, and its addresses redirect to the chosen term's.` })}
<button type="submit" class="danger">Merge and delete “${term.name}”</button>
</form></section>`, { notice });
}
