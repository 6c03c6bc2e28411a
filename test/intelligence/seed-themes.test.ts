import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultTaxonomies } from '../../src/domain/default-taxonomies.js';
import { compileLexicon, defaultThemeLexicon, suggestThemes } from '../../src/intelligence/themes/index.js';
import { flattenedToDraft } from '../../src/ingest/text/flattened-to-draft.js';
import { parseFlattenedArticle } from '../../src/ingest/text/parse-flattened-article.js';

const seedUrl = new URL('../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url);

describe('theme suggestions for the seed article on a new site', () => {
  it('puts Militarization and WMD first from the starting lexicon alone, with its evidence', () => {
    // The page's own "Theme:" line is taken out by the reader: only the headline and body are judged.
    const draft = flattenedToDraft(parseFlattenedArticle(readFileSync(seedUrl, 'utf8'), { taxonomyLabels: ['Region', 'Theme'] }));
    const text = `${draft.title}\n\n${draft.body}`;
    assert.doesNotMatch(text, /Militarization/);
    const themes = defaultTaxonomies.find((t) => t.slug === 'theme')!.terms.flatMap((t) => [t, ...(t.children ?? [])]);
    const terms = themes.map((t) => ({ id: t.slug, slug: t.slug, name: t.name }));
    const suggestions = suggestThemes(text, { terms, lexicon: compileLexicon(defaultThemeLexicon) });
    assert.equal(suggestions[0]?.name, 'Militarization and WMD');
    assert.ok((suggestions[1]?.score ?? 0) < suggestions[0]!.score);
    const evidence = suggestions[0]!.evidence.map((e) => e.text.toLowerCase());
    assert.ok(evidence.some((e) => e.includes('missile')), `evidence: ${evidence.join(', ')}`);
    assert.ok(evidence.some((e) => /strategic|arms/.test(e)), `evidence: ${evidence.join(', ')}`);
  });
});
