import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Slug, TaxonomyId, TermId } from '../../domain/ids.js';
import type { Taxonomy, Term } from '../../domain/taxonomy.js';
import type { AdminFrame } from './admin-layout.js';
import { renderTaxonomyPage, renderTermEditPage } from './taxonomy-pages.js';

const frame: AdminFrame = { siteName: 'Site', user: { name: 'Ed', role: 'editor', email: 'ed@x' }, csrf: 'token', assets: { stylesheet: '/a.css', editorScript: null } };
const taxonomy: Taxonomy = { id: 'tx' as TaxonomyId, slug: 'region' as Slug, name: 'Region', pluralName: 'Regions', description: null, position: 0 };
const term = (id: string, parentId: string | null, name = id): Term => ({ id: id as TermId, taxonomyId: taxonomy.id, parentId: parentId as TermId | null, slug: id as Slug, name, description: null, position: 0 });
const terms = [term('europe', null), term('baltics', 'europe'), term('asia', null, 'Asia <b>&</b>')];

/** The option values of the select named `name`. */
function options(page: string, name: string): string[] {
  const select = new RegExp(`<select id="f-${name}" name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(page)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]!);
}

describe('taxonomy screens', () => {
  it('offer only parents and merge targets that make no cycle', () => {
    const page = renderTermEditPage(frame, { taxonomy, term: terms[0]!, terms });
    assert.deepEqual(options(page, 'parentId'), ['', 'asia']);
    assert.deepEqual(options(page, 'intoId'), ['asia']);
    const child = renderTermEditPage(frame, { taxonomy, term: terms[1]!, terms });
    assert.deepEqual(options(child, 'intoId'), ['asia', 'europe'], 'tree order: by position, then name');
  });

  it('escape term names and hide editing from those who cannot manage', () => {
    const page = renderTaxonomyPage(frame, { taxonomies: [taxonomy], taxonomy, terms, canManage: false });
    assert.match(page, /Asia &lt;b&gt;&amp;&lt;\/b&gt;/);
    assert.doesNotMatch(page, /Add a term|>edit</);
    assert.match(renderTaxonomyPage(frame, { taxonomies: [taxonomy], taxonomy, terms, canManage: true }), /Add a term/);
  });
});
