// The place tagger and the default region table over the Reuters-21578 slice: a floor a little
// under what bench:tagging measures (on this sample: country F1 0.929, P 0.940, R 0.919; region F1 0.940),
// so a change that makes tagging worse fails here. Every third article keeps the run short.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagPlaces } from '../../src/intelligence/places/index.js';
import { defaultRegionTable, suggestRegions } from '../../src/intelligence/regions/index.js';
import { loadReutersArticles, microScores } from '../support/reuters-corpus.js';

describe('place tagging on Reuters-21578', () => {
  const sample = loadReutersArticles().filter((a) => a.id % 3 === 0);
  const table = defaultRegionTable();
  const results = sample.map((article) => {
    const tags = tagPlaces({ headline: article.headline, dateline: article.dateline, body: article.body });
    return { article, tags, regions: suggestRegions(tags, table).map((r) => r.slug) };
  });

  it('reads a sample large enough to mean something', () => {
    assert.ok(sample.length > 800, `${sample.length} articles`);
  });

  it('finds the labelled countries', () => {
    const scores = microScores(results.map((r) => ({ predicted: r.tags.filter((t) => t.main).map((t) => t.code), expected: r.article.codes })));
    assert.ok(scores.f1 >= 0.91, `country micro-F1 ${scores.f1.toFixed(3)}`);
    assert.ok(scores.precision >= 0.92 && scores.recall >= 0.9, `P ${scores.precision.toFixed(3)} R ${scores.recall.toFixed(3)}`);
  });

  it('finds the regions of the labelled countries', () => {
    const regionsOf = (codes: string[]) => [...new Set(codes.flatMap((c) => table.countries[c] ?? []))];
    const scores = microScores(results.map((r) => ({ predicted: r.regions, expected: regionsOf(r.article.codes) })));
    assert.ok(scores.f1 >= 0.92, `region micro-F1 ${scores.f1.toFixed(3)}`);
  });
});
