/**
 * `npm run bench:tagging`: the place tagger and the default region table against the PLACES labels
 * of the Reuters-21578 slice in ../shared/corpus/reuters-21578/ (see its README and
 * test/support/reuters-corpus.ts for how Reuters' place names map to ISO codes).
 *
 * Predicted countries are those the tagger marks `main` (see mainPlaceRule in
 * src/intelligence/places/tag-places.ts); expected are the article's labels. Regions compare the
 * regions suggestRegions gives under the default table with the regions of the labelled countries.
 * Scores are micro-averaged over articles with at least one PLACES label. Time per article
 * excludes building the gazetteer, which happens once per process and is reported on its own.
 *
 * The slice is all Lewis TRAIN. The weights were tuned on NEWID 1-2000 (reut2-000, reut2-001);
 * NEWID 2001-3000 (reut2-002) is reported apart as the check part. A held-out slice dropped into
 * the folder is read and counted like the rest.
 *
 *   npm run bench:tagging              # table
 *   npm run bench:tagging -- --json    # ... plus one JSON object as the last line
 */
import { parseArgs } from 'node:util';
import { gazetteerFor, tagPlaces } from '../src/intelligence/places/index.js';
import { defaultRegionTable, suggestRegions } from '../src/intelligence/regions/index.js';
import { loadReutersArticles, microScores, type ReutersArticle } from '../test/support/reuters-corpus.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

const articles = loadReutersArticles();
let started = performance.now();
gazetteerFor('en');
const table = defaultRegionTable();
const buildMs = performance.now() - started;

started = performance.now();
const results = articles.map((article) => {
  const tags = tagPlaces({ headline: article.headline, dateline: article.dateline, body: article.body, language: 'en' });
  return { article, tags, regions: suggestRegions(tags, table).map((r) => r.slug) };
});
const msPerArticle = (performance.now() - started) / Math.max(1, articles.length);

const regionsOf = (codes: string[]) => [...new Set(codes.flatMap((c) => table.countries[c] ?? []))];
function measure(part: typeof results) {
  const countries = microScores(part.map((r) => ({ predicted: r.tags.filter((t) => t.main).map((t) => t.code), expected: r.article.codes })));
  const regions = microScores(part.map((r) => ({ predicted: r.regions, expected: regionsOf(r.article.codes) })));
  return { countries, regions, articles: part.length };
}
const inPart = (from: number, to: number) => results.filter(({ article }: { article: ReutersArticle }) => article.id >= from && article.id <= to);
const parts = { all: measure(results), tune: measure(inPart(1, 2000)), check: measure(inPart(2001, 3000)), other: measure(inPart(3001, Infinity)) };

const round = (n: number) => Math.round(n * 1000) / 1000;
console.log('part    articles  country P / R / F1        region P / R / F1');
for (const [name, m] of Object.entries(parts)) {
  if (m.articles === 0) continue;
  const c = m.countries, r = m.regions;
  console.log(`${name.padEnd(8)}${String(m.articles).padStart(8)}  ${[c.precision, c.recall, c.f1].map(round).join(' / ').padEnd(24)}  ${[r.precision, r.recall, r.f1].map(round).join(' / ')}`);
}
console.log(`splits: ${[...new Set(articles.map((a) => a.split))].join(', ')}; ${round(msPerArticle)} ms per article; gazetteer built in ${Math.round(buildMs)} ms`);

if (values.json) {
  const all = parts.all;
  console.log(JSON.stringify({
    country_micro_f1: round(all.countries.f1), country_precision: round(all.countries.precision), country_recall: round(all.countries.recall),
    articles: all.articles, ms_per_article: round(msPerArticle),
    region_micro_f1: round(all.regions.f1), region_precision: round(all.regions.precision), region_recall: round(all.regions.recall),
    check_country_micro_f1: round(parts.check.countries.f1), check_region_micro_f1: round(parts.check.regions.f1), check_articles: parts.check.articles,
    splits: [...new Set(articles.map((a) => a.split))], gazetteer_build_ms: Math.round(buildMs),
  }));
}
