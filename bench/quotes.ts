// Spot check of the quote and people recognisers on Reuters-21578 (../shared/corpus/reuters-21578/).
// There is no ground truth for quotes, so this prints what was found for a person to read; for people
// it measures recall against the collection's PEOPLE labels (surnames found among the people recognised).
// Usage: npx tsx bench/quotes.ts [--stories 50] [--show 30] [--json]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findEntities } from '../src/intelligence/entities/index.js';
import { findQuotes } from '../src/intelligence/quotes/index.js';

const dir = fileURLToPath(new URL('../../shared/corpus/reuters-21578/', import.meta.url));
const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1] ?? fallback) || fallback;
const json = process.argv.includes('--json');

interface Story { id: string; people: string[]; body: string }
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const stories: Story[] = [];
for (const file of ['reut2-000.xml', 'reut2-001.xml', 'reut2-002.xml']) {
  for (const m of readFileSync(dir + file, 'utf8').matchAll(/<REUTERS[^>]*NEWID="(\d+)"[\s\S]*?<\/REUTERS>/g)) {
    const body = m[0].match(/<BODY>([\s\S]*?)<\/BODY>/)?.[1];
    if (!body) continue;
    const people = [...(m[0].match(/<PEOPLE>([\s\S]*?)<\/PEOPLE>/)?.[1] ?? '').matchAll(/<D>(.*?)<\/D>/g)].map((d) => d[1]!);
    stories.push({ id: m[1]!, people, body: decode(body).replace(/\s*Reuter\s*$/i, '') });
  }
}

// People: recall of labelled people whose surname appears in the body.
const labelled = stories.filter((s) => s.people.length > 0);
let present = 0, found = 0, recognised = 0;
const t0 = performance.now();
for (const s of labelled) {
  const names = findEntities(s.body).people.map((p) => p.name.toLowerCase());
  recognised += names.length;
  for (const label of s.people) {
    const surname = label.split('-').pop()!;
    if (!s.body.toLowerCase().includes(surname)) continue;
    present += 1;
    if (names.some((n) => n.split(/\s+/).includes(surname))) found += 1;
  }
}
const entityMs = (performance.now() - t0) / labelled.length;

// Quotes: the first N stories long enough to quote someone.
const sample = stories.filter((s) => s.body.length > 1200).slice(0, arg('--stories', 50));
const t1 = performance.now();
const quotes = sample.flatMap((s) => findQuotes(s.body).map((q) => ({ story: s.id, body: s.body, ...q })));
const quoteMs = (performance.now() - t1) / sample.length;
const summary = {
  people_labelled_stories: labelled.length, people_labels_in_body: present, people_recall: +(found / present).toFixed(3),
  people_recognised: recognised, entity_ms_per_article: +entityMs.toFixed(2),
  quote_stories: sample.length, quotes: quotes.length, direct: quotes.filter((q) => q.kind === 'direct').length,
  anonymous: quotes.filter((q) => q.speaker.anonymous).length, quote_ms_per_article: +quoteMs.toFixed(2),
};
if (json) console.log(JSON.stringify(summary));
else {
  console.log(summary);
  const show = arg('--show', 30);
  const step = Math.max(1, Math.floor(quotes.length / show));
  quotes.filter((_, i) => i % step === 0).slice(0, show).forEach((q, i) => {
    console.log(`\n#${i + 1} story ${q.story} ${q.kind} — ${q.speaker.name}${q.speaker.anonymous ? ' (unnamed)' : ''}\n   ${q.text.slice(0, 240)}`);
    // The text around the quote, so a reader can judge the attribution.
    if (process.argv.includes('--context')) console.log(`   [${q.body.slice(Math.max(0, q.span.start - 250), q.span.end + 120).replace(/\s+/g, ' ')}]`);
  });
}
