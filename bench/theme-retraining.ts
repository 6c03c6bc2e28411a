/**
 * `npm run bench:theme-retraining [-- --json] [--articles N]`: retrains the theme model of a site
 * with N tagged articles (Reuters-21578 stories, their ten most frequent topics mapped onto the
 * default Theme terms; default 3,000) while a client keeps requesting `/health` over HTTP, and
 * reports the training time and the requests answered during it: in a worker thread (how the
 * server retrains) against the baseline of training on the event loop, in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { inlineThemeTrainer, ThemeSuggestionService, type ThemeTrainer } from '../src/app/theme-suggestion-service.js';
import { loadConfig } from '../src/config/config.js';
import { createDateline } from '../src/main.js';
import { MarkdownBodyRenderer } from '../src/render/markdown-body-renderer.js';
import { workerThreadThemeTrainer } from '../src/workers/worker-thread-theme-trainer.js';
import { readReutersArticles } from './reuters-articles.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const at = args.indexOf('--articles');
const articles = at >= 0 ? Number(args[at + 1]) : 3000;
const log = (line: string) => (json ? console.error(line) : console.log(line));
const round = (n: number, places = 1) => Number(n.toFixed(places));
const PACE_MS = 10;

const dir = mkdtempSync(path.join(tmpdir(), 'dateline-bench-retrain-'));
const dateline = await createDateline(loadConfig({ DATA_DIR: dir, DEMO_CONTENT: '0', LOG_LEVEL: 'silent', SITE_URL: 'https://news.example.org' }));
try {
  await dateline.prepare({ demoContent: false });
  const { taxonomies, articles: articleService } = dateline.services;
  const index = await taxonomies.index();
  const themeTerms = index.termsOf(index.taxonomyBySlug('theme')!.id);
  const stories = readReutersArticles().filter((a) => a.body && a.topics.length);
  const counts = new Map<string, number>();
  for (const s of stories) for (const t of s.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  const topics = [...counts].sort((a, b) => b[1] - a[1]).slice(0, Math.min(10, themeTerms.length)).map(([t]) => t);
  const tagged = stories.filter((s) => s.topics.some((t) => topics.includes(t)));
  log(`Seeding ${articles} tagged articles…`);
  for (let i = 0; i < articles; i++) {
    const s = tagged[i % tagged.length]!;
    const termIds = s.topics.filter((t) => topics.includes(t)).map((t) => themeTerms[topics.indexOf(t)]!.id);
    await articleService.create({ title: `${s.title} (${i})`, body: s.body, bodyFormat: 'markdown', authorIds: [], termIds, status: 'published' });
  }

  const server = await dateline.buildServer();
  await server.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/health`;

  /**
   * Requests /health every few milliseconds (a steady trickle, not a flood that would compete for
   * the CPU itself) until `done` settles; the latency of each request started meanwhile, in ms.
   */
  const probe = async (done: Promise<unknown>) => {
    let finished = false;
    void done.finally(() => { finished = true; });
    const latencies: number[] = [];
    // A stall can fall between two requests (while the client waits to send the next): the
    // longest gap between answers catches it wherever it falls.
    let last = performance.now();
    let longestGap = 0;
    while (!finished) {
      const started = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      const now = performance.now();
      latencies.push(now - started);
      longestGap = Math.max(longestGap, now - last);
      last = now;
      await new Promise((resolve) => setTimeout(resolve, PACE_MS));
    }
    return { latencies, longestGap: Math.max(longestGap, performance.now() - last) };
  };
  const retrainWith = async (trainer: ThemeTrainer) => {
    const themes = new ThemeSuggestionService({ store: dateline.store, clock: dateline.clock, bodies: new MarkdownBodyRenderer(), taxonomies, trainer });
    const started = performance.now();
    const training = themes.retrain('theme');
    // The first probe starts before the training's first await: an inline training can hold the loop from there on.
    const { latencies, longestGap } = await probe(training);
    const report = await training;
    const ms = performance.now() - started;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      training_ms: Math.round(ms), examples: report.examples, requests: latencies.length,
      served_per_s: round(latencies.length / (ms / 1000)),
      p50_ms: round(sorted[Math.floor(sorted.length / 2)] ?? 0, 2), max_ms: round(sorted.at(-1) ?? 0),
      longest_gap_ms: round(longestGap),
    };
  };
  log('Retraining on the event loop (baseline)…');
  const inline = await retrainWith(inlineThemeTrainer);
  log('Retraining in a worker thread…');
  const threaded = await retrainWith(workerThreadThemeTrainer);
  await server.close();
  const result = { articles, worker_thread: threaded, event_loop: inline, longest_gap_ratio: round(threaded.longest_gap_ms / Math.max(1, inline.longest_gap_ms), 4) };
  if (json) console.log(JSON.stringify(result));
  else {
    for (const [name, r] of [['worker thread', threaded], ['event loop (baseline)', inline]] as const) {
      log(`${name}: trained on ${r.examples} articles in ${r.training_ms} ms; ${r.requests} requests meanwhile (${r.served_per_s}/s), p50 ${r.p50_ms} ms, slowest ${r.max_ms} ms, longest wait between answers ${r.longest_gap_ms} ms`);
    }
  }
} finally {
  await dateline.stop();
  rmSync(dir, { recursive: true, force: true });
}
