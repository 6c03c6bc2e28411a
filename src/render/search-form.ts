import { searchInputLimits } from '../app/site-search.js';
import { html, type SafeHtml } from './html.js';

/** Where the search page lives. */
export const searchBasePath = '/search/';

/** The small search form for the site header (a search landmark of its own). */
export function headerSearchForm(query = ''): SafeHtml {
  return html`<form class="site-search search-form" role="search" aria-label="Site" action="${searchBasePath}" method="get">
      <label class="visually-hidden" for="site-search-q">Search articles</label>
      <input type="search" id="site-search-q" name="q" value="${query}" placeholder="Search" maxlength="${searchInputLimits.typed}">
      <button type="submit">Search</button>
    </form>`;
}
