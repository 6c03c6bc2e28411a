import type { PageData } from '../app/public-site.js';
import type { Author } from '../domain/author.js';
import type { Source } from '../domain/source.js';
import { flattenTree, type Taxonomy, type Term } from '../domain/taxonomy.js';
import { html, type SafeHtml } from './html.js';
import { layout, type LayoutAssets } from './layout.js';
import { absoluteUrl, paths } from './paths.js';

function directoryPage(data: PageData<unknown>, assets: LayoutAssets, title: string, intro: string, path: string, list: SafeHtml): string {
  const { settings } = data.frame;
  const main = html`<section class="listing-directory" aria-labelledby="directory-title">
  <h1 id="directory-title">${title}</h1>
  <p class="listing-intro">${intro}</p>
  ${list}
</section>`;
  return layout(data.frame, assets, { title, description: intro, canonicalUrl: absoluteUrl(settings.url, path), robots: 'index, follow' }, main);
}

/** Renders terms as nested lists, following the tree. */
function termTree(taxonomy: Taxonomy, terms: Term[]): SafeHtml {
  const flat = flattenTree(terms);
  const build = (start: number, depth: number): [SafeHtml[], number] => {
    const items: SafeHtml[] = [];
    let i = start;
    while (i < flat.length && flat[i]!.depth === depth) {
      const { term } = flat[i]!;
      i++;
      let children: SafeHtml[] = [];
      if (i < flat.length && flat[i]!.depth > depth) [children, i] = build(i, depth + 1);
      items.push(html`<li><a href="${paths.term(taxonomy, term)}">${term.name}</a>${term.description ? html` — <span>${term.description}</span>` : ''}${children.length ? html`<ul>${children}</ul>` : ''}</li>`);
    }
    return [items, i];
  };
  return html`<ul class="term-tree">${build(0, 0)[0]}</ul>`;
}

/** All terms of a taxonomy, as a tree. */
export function renderTaxonomyIndexPage(data: PageData<{ taxonomy: Taxonomy; terms: Term[] }>, assets: LayoutAssets): string {
  const { taxonomy, terms } = data.content;
  return directoryPage(data, assets, taxonomy.pluralName, taxonomy.description ?? `Every ${taxonomy.name.toLowerCase()} on ${data.frame.settings.name}.`, paths.taxonomyIndex(taxonomy), termTree(taxonomy, terms));
}

/** All authors. */
export function renderAuthorIndexPage(data: PageData<Author[]>, assets: LayoutAssets): string {
  const list = html`<ul class="term-tree">${data.content.map((a) => html`<li><a href="${paths.author(a)}">${a.name}</a>${a.bio ? html` — <span>${a.bio}</span>` : ''}</li>`)}</ul>`;
  return directoryPage(data, assets, 'Authors', `Everyone who writes for ${data.frame.settings.name}.`, paths.authorIndex, list);
}

/** All sources (syndication partners). */
export function renderSourceIndexPage(data: PageData<Source[]>, assets: LayoutAssets): string {
  const list = html`<ul class="term-tree">${data.content.map((s) => html`<li><a href="${paths.source(s)}">${s.name}</a>${s.defaultLicence ? html` — <span>${s.defaultLicence}</span>` : ''}</li>`)}</ul>`;
  return directoryPage(data, assets, 'Sources', `News agencies and partner outlets whose reporting ${data.frame.settings.name} republishes.`, paths.sourceIndex, list);
}
