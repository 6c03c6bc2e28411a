/**
 * `npm run bench:analysis-path [-- --json] [--items N]`: what article analysis costs on the write
 * and read paths. Imports N Reuters-21578 stories as inbox items (wire copies from two agencies)
 * into a fresh SQLite site and reports:
 * - per-import time (the synchronous ingest path), and the analysis worker's time per article;
 * - the inbox page of 25 items as served, against the same 25 analysed on render (what the page
 *   did before the analysis queue), measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImportDraft } from '../src/app/import-service.js';
import { loadConfig } from '../src/config/config.js';
import { createDateline } from '../src/main.js';
import { MarkdownBodyRenderer } from '../src/render/markdown-body-renderer.js';
import { AdminClient, createStaff } from '../test/support/admin-client.js';
import { readReutersArticles } from './reuters-articles.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const itemsAt = args.indexOf('--items');
const items = itemsAt >= 0 ? Number(args[itemsAt + 1]) : 300;
const log = (line: string) => (json ? console.error(line) : console.log(line));
const WARM_UP = 20;
const REPEATS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const round = (n: number, places = 2) => Number(n.toFixed(places));
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const stories = readReutersArticles().filter((a) => a.title && a.body.length > 400).slice(0, items + WARM_UP);
const draftOf = (a: (typeof stories)[number], i: number): ImportDraft => ({
  title: a.title, authors: [], publishedAt: '1987-03-01', body: a.body.split(/\n\s{2,}/).join('\n\n'), bodyFormat: 'markdown', terms: [],
  original: { publisher: i % 2 ? 'Agency Two' : 'Reuters', url: null, publishedAt: null }, copyrightLine: null,
});

const dir = mkdtempSync(path.join(tmpdir(), 'dateline-bench-analysis-'));
const dateline = await createDateline(loadConfig({ DATA_DIR: dir, DEMO_CONTENT: '0', LOG_LEVEL: 'silent', SITE_URL: 'https://news.example.org' }));
try {
  await dateline.prepare({ demoContent: false });
  const { importer, analysis } = dateline.services;
  const worker = (dateline.services as { analysisWorker?: { drain(): Promise<{ analysed: unknown[] }> } }).analysisWorker;
  const importTimes: number[] = [];
  // On a shared, loaded machine wall time depends on the neighbours; CPU time is what the work cost.
  const importCpu: number[] = [];
  for (const [i, story] of stories.entries()) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    await importer.importDraft(draftOf(story, i), { publish: false, origin: 'feed' });
    if (i >= WARM_UP) {
      importTimes.push(ms(started));
      importCpu.push(cpuMs(cpu));
    }
  }
  // The near-duplicate part of the synchronous path: fingerprint the body and look its copies up.
  const bodies = new MarkdownBodyRenderer();
  const fingerprintTimes: number[] = [];
  for (const story of stories.slice(WARM_UP, WARM_UP + 100)) {
    const text = bodies.toPlainText(bodies.toSafeHtml(story.body, 'markdown'));
    const started = process.hrtime.bigint();
    await dateline.services.duplicates.findDuplicates({ text });
    fingerprintTimes.push(ms(started));
  }
  let workerMs: number | null = null;
  if (worker) {
    const started = process.hrtime.bigint();
    const drained = await worker.drain();
    workerMs = ms(started) / Math.max(1, drained.analysed.length);
  }

  const server = await dateline.buildServer();
  await server.ready();
  await createStaff(dateline, 'editor');
  const editor = new AdminClient(server);
  await editor.signIn('editor@news.example');
  await editor.get('/admin/inbox/');
  const pageTimes: number[] = [];
  const pageCpu: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const page = await editor.get('/admin/inbox/');
    pageTimes.push(ms(started));
    pageCpu.push(cpuMs(cpu));
    if (page.statusCode !== 200) throw new Error(`inbox answered ${page.statusCode}`);
  }
  // The baseline: the same 25 items analysed one by one, as the inbox did on every render.
  const inbox = await dateline.store.articles.listInbox('pending', { offset: 0, limit: 25 });
  const renderTimes: number[] = [];
  const renderCpu: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (const item of inbox) await analysis.analyseArticle(item.id);
    renderTimes.push(ms(started));
    renderCpu.push(cpuMs(cpu));
  }
  await server.close();

  const importMs = importTimes.reduce((a, b) => a + b, 0) / importTimes.length;
  const result = {
    imports: importTimes.length,
    import_ms_mean: round(importMs), import_ms_median: round(median(importTimes)), import_cpu_ms_mean: round(mean(importCpu)),
    fingerprint_and_lookup_ms_median: round(median(fingerprintTimes)),
    worker_ms_per_article: workerMs === null ? null : round(workerMs),
    inbox_25_ms: round(median(pageTimes)), inbox_25_cpu_ms: round(median(pageCpu)),
    inbox_25_analysed_on_render_ms: round(median(renderTimes)), inbox_25_analysed_on_render_cpu_ms: round(median(renderCpu)),
    inbox_ratio_to_analysing: round(median(pageTimes) / median(renderTimes), 4),
  };
  if (json) console.log(JSON.stringify(result));
  else {
    log(`import: ${result.import_cpu_ms_mean} ms CPU mean; ${result.import_ms_mean} ms mean, ${result.import_ms_median} ms median over ${result.imports} stories (of which fingerprint and copy look-up ${result.fingerprint_and_lookup_ms_median} ms median)`);
    if (workerMs !== null) log(`analysis worker: ${result.worker_ms_per_article} ms per article, off the request path`);
    log(`inbox of 25: ${result.inbox_25_ms} ms as served; analysing the 25 on render would take ${result.inbox_25_analysed_on_render_ms} ms (ratio ${result.inbox_ratio_to_analysing})`);
  }
} finally {
  await dateline.stop();
  rmSync(dir, { recursive: true, force: true });
}
