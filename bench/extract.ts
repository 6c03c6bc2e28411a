/**
 * `npm run bench:extract`: article extraction quality and speed, on two public corpora.
 *
 * 1. The Zyte article-extraction benchmark (../shared/corpus/article-extraction-benchmark): our
 *    `bodyText` against the ground truth with the benchmark's own metric (\w+ tokens, multisets of
 *    4-token shingles, per-page TP/FP/FN normalised to sum 1, precision and recall averaged over
 *    pages, F1 the harmonic mean of the two averages; accuracy = token sequence equal). The stored
 *    outputs of Readability.js and trafilatura are scored by the same code in the same run, and
 *    bare Readability on linkedom is run live as the baseline for both quality and time.
 * 2. The trafilatura evaluation set (../shared/corpus/trafilatura-eval): must-contain and
 *    must-not-contain snippets, and title / author / date against the annotations.
 *
 *   npm run bench:extract                      # tables
 *   npm run bench:extract -- --json            # ... plus one JSON object as the last line
 *   npm run bench:extract -- --eval-sample 200 # trafilatura-eval pages to run (default: all)
 *   npm run bench:extract -- --worst 15        # list the benchmark pages with the lowest F1
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { splitByline } from '../src/ingest/extract/authors.js';
import { extractArticle, ExtractionError } from '../src/ingest/extract/extract-article.js';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/corpus');
const benchmarkDir = path.join(corpus, 'article-extraction-benchmark');
const evalDir = path.join(corpus, 'trafilatura-eval');
const STORED = ['readability_js', 'trafilatura'] as const;

// --- The benchmark's metric ------------------------------------------------------------------

/** Python's `\w+` with re.UNICODE: letters, digits and underscore (combining marks are not word characters). */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN_RE) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - 3); i++) {
    const shingle = tokens.slice(i, i + 4);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

type TpFpFn = [number, number, number];

function shingleMatch(truth: string, prediction: string): TpFpFn {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [tp, fp, fn];
}

function precisionOf([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
}

function recallOf([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
}

const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

interface Score { f1: number; precision: number; recall: number; accuracy: number }

function score(truths: string[], predictions: string[]): Score {
  const counts = truths.map((truth, i) => shingleMatch(truth, predictions[i] ?? ''));
  const precision = mean(counts.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(counts.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  const same = truths.filter((truth, i) => (truth.match(TOKEN_RE) ?? []).join(' ') === ((predictions[i] ?? '').match(TOKEN_RE) ?? []).join(' '));
  return { f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), precision, recall, accuracy: same.length / truths.length };
}

// --- Section 1: the article-extraction benchmark ---------------------------------------------

function readGzipJson(file: string): unknown {
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
}

function extractText(html: string, url: string | null): string {
  try {
    return extractArticle(html, { url }).bodyText;
  } catch (error) {
    if (error instanceof ExtractionError) return '';
    throw error;
  }
}

/** The baseline measured in the same run: plain Readability on a linkedom document, its textContent as the body. */
function readabilityText(html: string): string {
  try {
    const { document } = parseHTML(html);
    return new Readability(document as never).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

interface BenchmarkResult { ours: Score; baseline: Score; baselineMsPerPage: number; stored: Record<string, Score>; pages: number; msPerPage: number; worst: { id: string; url: string; f1: number; precision: number; recall: number }[] }

function runBenchmark(): BenchmarkResult {
  const truth = JSON.parse(readFileSync(path.join(benchmarkDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const ids = Object.keys(truth).sort();
  const truths = ids.map((id) => truth[id]?.articleBody ?? '');
  const predictions: string[] = [];
  const baseline: string[] = [];
  let elapsed = 0;
  let baselineElapsed = 0;
  for (const id of ids) {
    const html = gunzipSync(readFileSync(path.join(benchmarkDir, 'html', `${id}.html.gz`))).toString('utf8');
    let start = process.hrtime.bigint();
    baseline.push(readabilityText(html));
    baselineElapsed += Number(process.hrtime.bigint() - start) / 1e6;
    start = process.hrtime.bigint();
    predictions.push(extractText(html, truth[id]?.url ?? null));
    elapsed += Number(process.hrtime.bigint() - start) / 1e6;
  }
  const stored: Record<string, Score> = {};
  for (const name of STORED) {
    const output = (readGzipJson(path.join(benchmarkDir, 'extractor-output', `${name}.json.gz`)) as { output: Record<string, { articleBody?: string }> }).output;
    stored[name] = score(truths, ids.map((id) => output[id]?.articleBody ?? ''));
  }
  const worst = ids
    .map((id, i) => {
      const counts = shingleMatch(truths[i] ?? '', predictions[i] ?? '');
      const p = precisionOf(counts);
      const r = recallOf(counts);
      return { id: id.slice(0, 12), url: truth[id]?.url ?? '', f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), precision: p, recall: r };
    })
    .sort((a, b) => a.f1 - b.f1);
  return {
    ours: score(truths, predictions), baseline: score(truths, baseline), baselineMsPerPage: baselineElapsed / ids.length,
    stored, pages: ids.length, msPerPage: elapsed / ids.length, worst,
  };
}

// --- Section 2: the trafilatura evaluation set ------------------------------------------------

/** Bytes to text the way a browser would: BOM, then a declared charset, then UTF-8, else windows-1252. */
function decodePage(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared !== undefined && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to the guesses.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

interface EvalEntry { file: string; with?: string[]; without?: string[]; title?: string | null; author?: string | string[] | null; date?: string | null }
interface EvalResult {
  pages: number; failures: number; msPerPage: number;
  snippets: { precision: number; recall: number; accuracy: number; f1: number; withFound: number; withTotal: number; withoutFound: number; withoutTotal: number };
  title: { matched: number; total: number }; author: { matched: number; total: number }; date: { matched: number; total: number };
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
const nameKey = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function runEval(sample: number | null): EvalResult {
  const data = JSON.parse(readFileSync(path.join(evalDir, 'evaldata.json'), 'utf8')) as Record<string, EvalEntry>;
  let entries = Object.entries(data).sort(([a], [b]) => a.localeCompare(b));
  if (sample !== null && sample < entries.length) {
    const step = entries.length / sample;
    entries = Array.from({ length: sample }, (_, i) => entries[Math.floor(i * step)]).filter((e): e is [string, EvalEntry] => e !== undefined);
  }
  const r: EvalResult = {
    pages: entries.length, failures: 0, msPerPage: 0,
    snippets: { precision: 0, recall: 0, accuracy: 0, f1: 0, withFound: 0, withTotal: 0, withoutFound: 0, withoutTotal: 0 },
    title: { matched: 0, total: 0 }, author: { matched: 0, total: 0 }, date: { matched: 0, total: 0 },
  };
  let elapsed = 0;
  for (const [url, entry] of entries) {
    const html = decodePage(gunzipSync(readFileSync(path.join(evalDir, entry.file))));
    const start = process.hrtime.bigint();
    let article: ReturnType<typeof extractArticle> | null = null;
    try {
      article = extractArticle(html, { url });
    } catch (error) {
      if (!(error instanceof ExtractionError)) throw error;
      r.failures++;
    }
    elapsed += Number(process.hrtime.bigint() - start) / 1e6;
    const text = squash(article?.bodyText ?? '');
    for (const snippet of entry.with ?? []) {
      r.snippets.withTotal++;
      if (text.includes(squash(snippet))) r.snippets.withFound++;
    }
    for (const snippet of entry.without ?? []) {
      r.snippets.withoutTotal++;
      if (text.includes(squash(snippet))) r.snippets.withoutFound++;
    }
    if (entry.title) {
      r.title.total++;
      if (article?.title != null && nameKey(article.title) === nameKey(entry.title)) r.title.matched++;
    }
    if (entry.author) {
      r.author.total++;
      const names = Array.isArray(entry.author) ? entry.author.flatMap((name) => splitByline(name)) : splitByline(entry.author);
      const expected = new Set(names.map(nameKey));
      const got = new Set((article?.authors ?? []).map(nameKey));
      if (expected.size > 0 && expected.size === got.size && [...expected].every((name) => got.has(name))) r.author.matched++;
    }
    if (entry.date) {
      r.date.total++;
      if (article?.published?.slice(0, 10) === entry.date.slice(0, 10)) r.date.matched++;
    }
  }
  const s = r.snippets;
  const tp = s.withFound;
  const fn = s.withTotal - s.withFound;
  const fp = s.withoutFound;
  const tn = s.withoutTotal - s.withoutFound;
  s.precision = tp / Math.max(1, tp + fp);
  s.recall = tp / Math.max(1, tp + fn);
  s.accuracy = (tp + tn) / Math.max(1, tp + fn + fp + tn);
  s.f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
  r.msPerPage = elapsed / Math.max(1, entries.length);
  return r;
}

// --- Report ------------------------------------------------------------------------------------

const f3 = (n: number): string => n.toFixed(3);
const pct = (a: number, b: number): string => `${a}/${b} (${((100 * a) / Math.max(1, b)).toFixed(1)}%)`;

function main(): void {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, 'eval-sample': { type: 'string' }, 'no-eval': { type: 'boolean', default: false }, worst: { type: 'string' } },
  });
  const bench = runBenchmark();
  console.log(`Article extraction benchmark: ${bench.pages} pages (scored by this script, same run)\n`);
  console.log(`${'extractor'.padEnd(34)}F1     precision  recall  accuracy`);
  const row = (name: string, s: Score): void => console.log(`${name.padEnd(34)}${f3(s.f1)}  ${f3(s.precision)}      ${f3(s.recall)}   ${f3(s.accuracy)}`);
  row('dateline extractArticle', bench.ours);
  row('readability.js + linkedom (live)', bench.baseline);
  for (const [name, s] of Object.entries(bench.stored)) row(`${name} (stored output)`, s);
  console.log(`\ntime per page: extractArticle ${bench.msPerPage.toFixed(1)} ms, bare Readability ${bench.baselineMsPerPage.toFixed(1)} ms (x${(bench.msPerPage / bench.baselineMsPerPage).toFixed(2)}, same run)`);
  const worst = Number(values.worst ?? 0);
  for (const page of bench.worst.slice(0, worst)) console.log(`  ${f3(page.f1)} p=${f3(page.precision)} r=${f3(page.recall)} ${page.id} ${page.url}`);

  let evalResult: EvalResult | null = null;
  if (values['no-eval'] !== true) {
    evalResult = runEval(values['eval-sample'] !== undefined ? Number(values['eval-sample']) : null);
    const e = evalResult;
    console.log(`\nTrafilatura evaluation set: ${e.pages} pages, ${e.failures} without an article, ${e.msPerPage.toFixed(1)} ms per page`);
    console.log(`  snippets: precision ${f3(e.snippets.precision)}  recall ${f3(e.snippets.recall)}  accuracy ${f3(e.snippets.accuracy)}  F1 ${f3(e.snippets.f1)}`);
    console.log(`  must-contain found ${pct(e.snippets.withFound, e.snippets.withTotal)}, must-not-contain found ${pct(e.snippets.withoutFound, e.snippets.withoutTotal)}`);
    console.log(`  title ${pct(e.title.matched, e.title.total)}, author ${pct(e.author.matched, e.author.total)}, date ${pct(e.date.matched, e.date.total)}`);
  }

  if (values.json === true) {
    const out: Record<string, number> = {
      f1: bench.ours.f1, precision: bench.ours.precision, recall: bench.ours.recall, accuracy: bench.ours.accuracy, pages: bench.pages, ms_per_page: bench.msPerPage,
    };
    out['readability_live_f1'] = bench.baseline.f1;
    out['readability_live_ms_per_page'] = bench.baselineMsPerPage;
    for (const [name, s] of Object.entries(bench.stored)) out[`${name}_f1`] = s.f1;
    if (evalResult !== null) {
      out['eval_snippet_f1'] = evalResult.snippets.f1;
      out['eval_title'] = evalResult.title.matched / Math.max(1, evalResult.title.total);
      out['eval_author'] = evalResult.author.matched / Math.max(1, evalResult.author.total);
      out['eval_date'] = evalResult.date.matched / Math.max(1, evalResult.date.total);
    }
    console.log(JSON.stringify(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v * 10000) / 10000]))));
  }
}

main();
