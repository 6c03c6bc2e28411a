import type { SearchPageContent, SearchResultItem, SiteSearchRequest } from '../app/site-search.js';
import { searchInputLimits } from '../app/site-search.js';
import type { SiteFrame } from '../app/public-site.js';
import { formatDate } from './dates.js';
import { html, trusted, type SafeHtml } from './html.js';
import { layout, type LayoutAssets } from './layout.js';
import { articlePath, paths } from './paths.js';
import { searchBasePath } from './search-form.js';

/** The search page URL for `request` at `page`, keeping every filter; empty values are left out. */
export function searchPath(request: SiteSearchRequest, page = 1): string {
  const params = new URLSearchParams();
  if (request.q) params.set('q', request.q);
  for (const [taxonomy, term] of Object.entries(request.terms)) if (term) params.set(taxonomy, term);
  if (request.author) params.set('author', request.author);
  if (request.source) params.set('source', request.source);
  if (request.from) params.set('from', request.from);
  if (request.to) params.set('to', request.to);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${searchBasePath}?${query}` : searchBasePath;
}

/** The search page: the form with its filters, then the results, best first, with matches marked. */
export function renderSearchPage(data: { frame: SiteFrame; content: SearchPageContent }, assets: LayoutAssets): string {
  const { frame, content } = data;
  const { request, results } = content;
  const title = request.q ? `Search results for “${request.q}”` : 'Search';
  const main = html`<section class="search-page" aria-labelledby="search-title">
  <h1 id="search-title">${title}${results && results.page.page > 1 ? html` <small>(page ${results.page.page})</small>` : ''}</h1>
  ${form(content)}
  ${results ? resultList(frame, content) : ''}
</section>`;
  return layout(frame, assets, {
    title: results && results.page.page > 1 ? `${title} (page ${results.page.page})` : title,
    description: `Search the articles of ${frame.settings.name}.`,
    canonicalUrl: null,
    robots: 'noindex, follow',
  }, main);
}

/**
 * A filter's options as rendered, by the list they come from. The lists (a taxonomy's tree, the
 * authors, the sources) are kept as they are until one changes, so the options are rendered once,
 * not on every search: they are a third of the page (89 options on the benchmark's site).
 */
const renderedOptions = new WeakMap<object, string>();

/** The options of `list` with `selected` marked (values are unique within a list). */
function optionsOf<T extends object>(list: readonly T[], option: (item: T) => { value: string; label: string }, selected: string | null): SafeHtml {
  let rendered = renderedOptions.get(list);
  if (rendered === undefined) {
    rendered = list.map((item) => { const o = option(item); return html`<option value="${o.value}">${o.label}</option>`.value; }).join('');
    renderedOptions.set(list, rendered);
  }
  if (!selected) return trusted(rendered);
  const plain = html`<option value="${selected}">`.value;
  return trusted(rendered.replace(plain, () => `${plain.slice(0, -1)} selected>`));
}

function form(content: SearchPageContent): SafeHtml {
  const { request, filters } = content;
  const select = (id: string, name: string, label: string, any: string, options: SafeHtml) => html`<p class="search-filter">
      <label for="${id}">${label}</label>
      <select id="${id}" name="${name}">
        <option value="">${any}</option>
        ${options}
      </select>
    </p>`;
  return html`<form class="search-page-form" role="search" aria-labelledby="search-title" action="${searchBasePath}" method="get">
  <p class="search-form">
    <label for="search-q">Search for</label>
    <input type="search" id="search-q" name="q" value="${request.q}" maxlength="${searchInputLimits.typed}" aria-describedby="search-tips">
    <button type="submit">Search</button>
  </p>
  <p id="search-tips" class="search-tips">Every word must appear, in any form (<i>missile</i> also finds <i>missiles</i>). Put “exact words” in quotes; end a word with * to find every word that begins with it.</p>
  <fieldset class="search-filters">
    <legend>Narrow the results</legend>
    ${filters.taxonomies.map(({ taxonomy, terms, selected }) => select(`search-in-${taxonomy.slug}`, taxonomy.slug, taxonomy.name, `Any ${taxonomy.name.toLowerCase()}`,
      optionsOf(terms, ({ term, depth }) => ({ value: term.slug, label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${term.name}` }), selected)))}
    ${filters.authors.length ? select('search-author', 'author', 'Author', 'Any author', optionsOf(filters.authors, (a) => ({ value: a.slug, label: a.name }), request.author)) : ''}
    ${filters.sources.length ? select('search-source', 'source', 'Source', 'Any source', optionsOf(filters.sources, (s) => ({ value: s.slug, label: s.name }), request.source)) : ''}
    <p class="search-filter">
      <label for="search-from">Published from</label>
      <input type="date" id="search-from" name="from" value="${request.from ?? ''}">
    </p>
    <p class="search-filter">
      <label for="search-to">Published until</label>
      <input type="date" id="search-to" name="to" value="${request.to ?? ''}">
    </p>
  </fieldset>
</form>`;
}

function resultList(frame: SiteFrame, content: SearchPageContent): SafeHtml {
  const { request } = content;
  const { items, page, moreThanTotal } = content.results!;
  if (page.total === 0) {
    return html`<div class="search-summary" role="status">
  <p>No articles match <q>${request.q}</q>${hasFilters(request) ? ' with these filters' : ''}.</p>
  <ul>
    <li>Check the spelling, or try fewer or more general words.</li>
    ${hasFilters(request) ? html`<li><a href="${searchPath({ ...request, terms: {}, author: null, source: null, from: null, to: null })}">Search without the filters</a>.</li>` : ''}
  </ul>
</div>`;
  }
  const first = page.offset + 1;
  const last = page.offset + items.length;
  return html`<p class="search-summary" role="status">${moreThanTotal ? `More than ${page.total.toLocaleString('en')} articles match` : page.total === 1 ? '1 article matches' : `${page.total} articles match`} <q>${request.q}</q>${page.pageCount > 1 ? ` — showing ${first} to ${last}` : ''}.</p>
  <ol class="cards search-results" start="${first}">${items.map((item) => result(frame, item))}</ol>
  ${pagination(request, page.page, page.pageCount, moreThanTotal)}`;
}

function result(frame: SiteFrame, { hit, view }: SearchResultItem): SafeHtml {
  const { article, authors } = view;
  const when = article.publishedAt ?? article.createdAt;
  const publisher = article.syndication?.originalPublisher ?? view.source?.name;
  const lang = article.language && article.language !== frame.settings.language ? article.language : null;
  // titleHtml and snippetHtml come from the search index fully escaped, with <mark> as the only markup.
  return html`<li class="card search-result"${lang ? html` lang="${lang}"` : ''}>
  <h2><a href="${articlePath(article)}">${trusted(hit.titleHtml)}</a></h2>
  <p class="meta">${publisher ? html`<span class="badge">via ${publisher}</span>` : ''}${authors.length ? html`By ${authors.map((a, i) => html`${i ? ', ' : ''}<a href="${paths.author(a)}">${a.name}</a>`)} · ` : ''}<time datetime="${when}">${formatDate(when, frame.settings.language, frame.settings.timeZone)}</time></p>
  ${hit.snippetHtml ? html`<p class="excerpt">${trusted(hit.snippetHtml)}</p>` : ''}
</li>`;
}

/** `more`: matches were counted only so far; more pages follow the last one counted. */
function pagination(request: SiteSearchRequest, page: number, pageCount: number, more: boolean): SafeHtml {
  if (pageCount <= 1) return html``;
  return html`<nav class="pagination" aria-label="Result pages">
  ${page > 1 ? html`<a href="${searchPath(request, page - 1)}" rel="prev">← Previous</a>` : html`<span aria-disabled="true">← Previous</span>`}
  <span>Page ${page} of ${more ? `more than ${pageCount}` : pageCount}</span>
  ${page < pageCount ? html`<a href="${searchPath(request, page + 1)}" rel="next">Next →</a>` : html`<span aria-disabled="true">Next →</span>`}
</nav>`;
}

function hasFilters(request: SiteSearchRequest): boolean {
  return Object.values(request.terms).some(Boolean) || !!(request.author || request.source || request.from || request.to);
}
