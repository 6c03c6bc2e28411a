import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SiteSearchRequest } from '../app/site-search.js';
import { headerSearchForm } from './search-form.js';
import { searchPath } from './search-page.js';

const request = (overrides: Partial<SiteSearchRequest> = {}): SiteSearchRequest =>
  ({ q: '', page: 1, terms: {}, author: null, source: null, from: null, to: null, ...overrides });

describe('search page pieces', () => {
  it('builds result URLs that keep every filter and drop empty ones', () => {
    assert.equal(searchPath(request()), '/search/');
    assert.equal(searchPath(request({ q: 'grain "reserves" & more', terms: { region: 'europe', theme: '' }, author: 'ana', from: '2026-01-01' }), 3),
      '/search/?q=grain+%22reserves%22+%26+more&region=europe&author=ana&from=2026-01-01&page=3');
    assert.equal(searchPath(request({ q: 'école' }), 1), '/search/?q=%C3%A9cole');
  });

  it('renders a labelled header form that escapes what was typed', () => {
    const form = headerSearchForm('"><script>x</script>').toString();
    assert.match(form, /<form class="site-search search-form" role="search" aria-label="Site" action="\/search\/" method="get">/);
    assert.match(form, /<label class="visually-hidden" for="site-search-q">/);
    assert.match(form, /value="&quot;&gt;&lt;script&gt;x&lt;\/script&gt;"/);
  });
});
