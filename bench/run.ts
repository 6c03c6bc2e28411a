/**
 * `npm run bench`: seeds 10,000 articles into a fresh database, serves them in-process and
 * measures cached page throughput for an article page, the home page and a term archive page,
 * each against a bare node:http baseline serving the same bytes and headers from memory.
 *
 *   npm run bench                          # human-readable table
 *   npm run bench -- --json                # ... plus one JSON object as the last line
 *   npm run bench -- --duration 5          # seconds per load run (default 10)
 *   npm run bench -- --database postgres://user@127.0.0.1:5432/db   # or BENCH_DATABASE_URL
 *   npm run bench -- --help
 *
 * See measure.ts for the process layout and baseline-server.ts for how the baseline is run.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/config/config.js';
import { articlePath } from '../src/domain/article.js';
import type { Instant } from '../src/domain/ids.js';
import { createDateline, type Dateline } from '../src/main.js';
import { replayableHeaders, startBaselineChild, startBaselineInline, type CapturedPage } from './baseline-server.js';
import { assertCleanRun, httpGet, LoadGenerator, type LoadSummary } from './measure.js';
import { seedArticles, type SeedResult } from './seed-articles.js';
import { benchSearchQueries } from '../src/search/search-bench.js';

const usage = `Usage: npm run bench -- [options]

  --duration N        seconds of load per run (default 10)
  --connections N     concurrent connections (default 10)
  --pipelining N      requests in flight per connection (default 1)
  --warmup N          seconds of unrecorded load before each measured run, to get past JIT warm-up (default 1; 0 = none)
  --articles N        articles to seed (default 10000)
  --database URL      postgres://… to run on PostgreSQL in a fresh schema (default: BENCH_DATABASE_URL, else SQLite in a temp dir)
  --keep NAME         keep the database for the next run and reuse the articles already in it (only the missing ones are
                      seeded): SQLite in the folder NAME, or on PostgreSQL the schema NAME (seeding 100,000 takes many minutes)
  --scenario LIST     comma-separated subset of: article,home,archive,search
  --search-articles N articles in the database for the search scenario (default 100000; more are seeded after the page scenarios)
  --baseline MODE     inline (default: the baseline runs on this process's main thread, like Dateline) or child (a fresh process)
  --cpu-prof          write a V8 CPU profile of this process for each measured run, Dateline's and the inline baseline's (slows them)
  --cpu-prof-dir DIR  where to write the profiles (default: a new folder in the temp dir)
  --by-query          with the search scenario, each query's own p50 and p95 as well
  --json              print one JSON object with the results as the last line
  --help              show this help`;

const scenarioNames = ['article', 'home', 'archive', 'search'] as const;
/** Scenarios that measure a cached page against the bare node:http baseline. */
type PageScenarioName = Exclude<ScenarioName, 'search'>;
type ScenarioName = (typeof scenarioNames)[number];

interface Options {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  pipelining: number;
  articles: number;
  databaseUrl: string | null;
  keep: string | null;
  scenarios: ScenarioName[];
  searchArticles: number;
  baseline: 'inline' | 'child';
  cpuProfDir: string | null;
  byQuery: boolean;
  json: boolean;
}

function parseOptions(argv: string[]): Options | null {
  let parsed: ReturnType<typeof parseOptionValues>;
  try {
    parsed = parseOptionValues(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return null;
  const positive = (name: string, raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number, not "${raw}".`);
    return n;
  };
  const databaseUrl = values.database ?? process.env.BENCH_DATABASE_URL ?? null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError(`--database must be a postgres:// URL (SQLite is the default), not "${databaseUrl}".`);
  const scenarios = values.scenario ? values.scenario.split(',').map((s) => s.trim()) : [...scenarioNames];
  for (const s of scenarios) if (!(scenarioNames as readonly string[]).includes(s)) throw new UsageError(`Unknown scenario "${s}"; choose from ${scenarioNames.join(', ')}.`);
  if (values.baseline !== 'inline' && values.baseline !== 'child') throw new UsageError(`--baseline is inline or child, not "${values.baseline}".`);
  return {
    durationSeconds: positive('duration', values.duration),
    warmupSeconds: values.warmup === '0' ? 0 : positive('warmup', values.warmup),
    connections: positive('connections', values.connections),
    pipelining: positive('pipelining', values.pipelining),
    articles: positive('articles', values.articles),
    searchArticles: positive('search-articles', values['search-articles']),
    databaseUrl,
    keep: values.keep ?? null,
    scenarios: scenarios as ScenarioName[],
    baseline: values.baseline,
    cpuProfDir: values['cpu-prof'] || values['cpu-prof-dir'] ? (values['cpu-prof-dir'] ?? path.join(tmpdir(), `dateline-bench-profiles-${Date.now()}`)) : null,
    json: values.json,
    byQuery: values['by-query'],
  };
}

function parseOptionValues(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '1' },
      connections: { type: 'string', default: '10' },
      pipelining: { type: 'string', default: '1' },
      articles: { type: 'string', default: '10000' },
      'search-articles': { type: 'string', default: '100000' },
      database: { type: 'string' },
      keep: { type: 'string' },
      scenario: { type: 'string' },
      baseline: { type: 'string', default: 'inline' },
      'cpu-prof': { type: 'boolean', default: false },
      'cpu-prof-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      'by-query': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
}

class UsageError extends Error {}

interface ScenarioResult {
  name: ScenarioName;
  path: string;
  bodyBytes: number;
  dateline: LoadSummary;
  baseline: LoadSummary;
}

/** Fired by Ctrl-C / SIGTERM: the run unwinds at the next check, then cleans up in one place. */
const interrupted = new AbortController();

/** Resources to release, newest first, whatever happens. */
const cleanups: { label: string; run: () => Promise<void> | void }[] = [];
let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const { label, run } = cleanups.pop()!;
      try {
        await run();
      } catch (error) {
        console.error(`bench: cleanup (${label}) failed:`, error);
      }
    }
  })();
  return cleaning;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(usage);
    return;
  }
  const log = (line = '') => console.log(line);

  // ---- a fresh database, or the kept one ----
  const dataDir = options.keep && !options.databaseUrl ? path.resolve(options.keep) : mkdtempSync(path.join(tmpdir(), 'dateline-bench-'));
  if (dataDir === path.resolve(options.keep ?? '')) mkdirSync(dataDir, { recursive: true });
  else cleanups.push({ label: 'remove temp dir', run: () => rmSync(dataDir, { recursive: true, force: true }) });
  let databaseUrl: string | undefined;
  let databaseSchema: string | undefined;
  let where = `SQLite in ${dataDir}`;
  if (options.databaseUrl) {
    const schema = await postgresSchema(options.databaseUrl, options.keep);
    if (!options.keep) cleanups.push({ label: `drop ${schema.where}`, run: schema.dispose });
    databaseUrl = schema.url;
    databaseSchema = schema.schema;
    where = `PostgreSQL, ${schema.where}`;
  }
  const config = loadConfig({
    DATA_DIR: dataDir, DEMO_CONTENT: '0', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', SITE_URL: 'https://news.example.org',
    ...(databaseUrl && databaseSchema ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: databaseSchema } : {}),
    // To compare search on the main thread (0) with the reader threads (the default on SQLite).
    ...(process.env.SEARCH_THREADS ? { SEARCH_THREADS: process.env.SEARCH_THREADS } : {}),
  });
  const dateline = await createDateline(config);
  cleanups.push({ label: 'stop Dateline', run: () => dateline.stop() });
  await dateline.prepare({ demoContent: false });

  // ---- seed ----
  const kept = await dateline.store.articles.countVisible({ now: new Date().toISOString() as Instant });
  const toSeed = Math.max(0, options.articles - kept);
  log(`Seeding ${toSeed} articles (${where}${kept ? `, which holds ${kept} already` : ''})…`);
  const bar = process.stdout.isTTY && toSeed > 0
    ? new cliProgress.SingleBar({ stream: process.stdout, format: '  {bar} {value}/{total} articles | {rate} articles/s | {duration}s', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  const seedStarted = performance.now();
  bar?.start(toSeed, 0, { rate: 0 });
  let seed: SeedResult;
  try {
    seed = await seedArticles(dateline, {
      count: toSeed,
      // Another seed for a kept database's additions, so they do not repeat the first run's titles.
      ...(kept ? { seed: 20_240_601 + kept } : {}),
      onProgress: (done) => bar?.update(done, { rate: Math.round(done / ((performance.now() - seedStarted) / 1000)) }),
      signal: interrupted.signal,
    });
  } finally {
    bar?.stop();
  }
  if (seed.articles > 0) log(`Seeded ${seed.articles} articles (${seed.republished} republished, ${(seed.bodyBytes / seed.articles / 1024).toFixed(1)} KB of Markdown each on average) in ${seed.seconds.toFixed(1)} s: ${Math.round(seed.articles / seed.seconds)} articles/s.`);
  const stored = kept + seed.articles;

  // ---- serve ----
  const server = await dateline.buildServer();
  await server.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push({ label: 'close server', run: () => server.close() });
  const origin = serverOrigin(server);
  const paths = await scenarioPaths(dateline, stored);

  const loadGenerator = await LoadGenerator.start();
  cleanups.push({ label: 'stop load generator', run: () => loadGenerator.stop() });
  const load = (url: string, serverInThisProcess: boolean, durationSeconds = options.durationSeconds) =>
    loadGenerator.run({ url, connections: options.connections, pipelining: options.pipelining, durationSeconds }, serverInThisProcess, interrupted.signal);
  // The same unrecorded warm-up before every measured run, Dateline's and the baseline's alike, so
  // neither is measured with cold JIT code (the first scenario's Dateline run would be otherwise).
  const warmUp = async (label: string, url: string, bodyBytes: number) => {
    if (options.warmupSeconds > 0) assertCleanRun(`${label} warm-up`, await load(url, false, options.warmupSeconds), bodyBytes);
  };
  if (options.cpuProfDir) {
    mkdirSync(options.cpuProfDir, { recursive: true });
    log(`CPU profiles go to ${options.cpuProfDir} (profiling slows the measured runs: compare figures only from runs without --cpu-prof).`);
  }
  log(`Load: ${options.durationSeconds} s per run after ${options.warmupSeconds} s of warm-up, ${options.connections} connections, pipelining ${options.pipelining}; load generator in a child process, baseline ${options.baseline === 'inline' ? 'in this process' : 'in a child process'}.`);

  const results: ScenarioResult[] = [];
  for (const name of options.scenarios.filter((s): s is PageScenarioName => s !== 'search')) {
    interrupted.signal.throwIfAborted();
    const pagePath = paths[name];
    const url = `${origin}${pagePath}`;
    const page = await warmAndCheck(dateline, server, url, pagePath);
    log(`${name}: ${pagePath} (${(page.body.length / 1024).toFixed(1)} KB)…`);

    await warmUp(`${name} (Dateline)`, url, page.body.length);
    const datelineRun = await profiled(options.cpuProfDir, name, () => load(url, true));
    assertCleanRun(`${name} (Dateline)`, datelineRun, page.body.length);

    const baseline = await (options.baseline === 'inline' ? startBaselineInline(page) : startBaselineChild(page));
    let baselineRun: LoadSummary;
    try {
      await assertSameResponse(url, baseline.url);
      await warmUp(`${name} (baseline)`, baseline.url, page.body.length);
      const inline = options.baseline === 'inline';
      // Profiled too (when inline) so the two profiles can be compared function by function.
      baselineRun = await profiled(inline ? options.cpuProfDir : null, `${name}-baseline`, () => load(baseline.url, inline));
    } finally {
      await baseline.close();
    }
    assertCleanRun(`${name} (baseline)`, baselineRun, page.body.length);
    log(`  Dateline ${describeRun(datelineRun)}`);
    log(`  baseline ${describeRun(baselineRun)}`);
    results.push({ name, path: pagePath, bodyBytes: page.body.length, dateline: datelineRun, baseline: baselineRun });
  }

  let search: SearchFigures | null = null;
  if (options.scenarios.includes('search')) {
    search = await measureSearch(dateline, origin, options, stored, loadGenerator, interrupted.signal, log);
  }

  log();
  log(table(results));
  if (options.json) {
    const out: Record<string, unknown> = { seed: { articles: seed.articles, seconds: round(seed.seconds, 2), kept } };
    if (search) {
      const figures = (run: LoadSummary) => ({
        articles: search!.articles, queries: search!.queries, rps: round(run.rps, 1),
        p50_ms: round(run.p50Ms, 3), p95_ms: round(run.p95Ms, 3), p99_ms: round(run.p99Ms, 3),
        cpu_ms_per_request: round(cpuPerRequestUs(run) / 1000, 3), timeouts: run.timeouts,
      });
      out.search = { ...figures(search.cached), cache: 'warm search cache, no writes during the run' };
      out.search_uncached = { ...figures(search.uncached), cache: 'none: every request runs the query' };
    }
    for (const r of results) {
      out[r.name] = {
        rps: round(r.dateline.rps, 1),
        p50_ms: round(r.dateline.p50Ms, 3),
        p99_ms: round(r.dateline.p99Ms, 3),
        baseline_rps: round(r.baseline.rps, 1),
        ratio: round(r.dateline.rps / r.baseline.rps, 3),
      };
    }
    console.log(JSON.stringify(out));
  }
}

interface SearchFigures {
  articles: number;
  queries: number;
  /** With the search cache, as the site runs. */
  cached: LoadSummary;
  /** Without it: every request searches. */
  uncached: LoadSummary;
}

/**
 * The search scenario: tops the database up to `--search-articles`, then drives /search/ over HTTP
 * with a fixed mix of one-word, two-word, phrase, prefix and filtered queries, cycled in order by
 * every connection; measured twice, with the search cache as the site runs and without it.
 */
async function measureSearch(
  dateline: Dateline, origin: string, options: Options, seeded: number, loadGenerator: LoadGenerator, signal: AbortSignal, log: (line?: string) => void,
): Promise<SearchFigures> {
  const more = Math.max(0, options.searchArticles - seeded);
  if (more > 0) {
    log(`search: seeding ${more} more articles to reach ${options.searchArticles}…`);
    const topUp = await seedArticles(dateline, { count: more, batchSize: 1000, seed: 7_000_007, signal });
    log(`  ${topUp.articles} more in ${topUp.seconds.toFixed(1)} s (${Math.round(topUp.articles / topUp.seconds)} articles/s, search index written in the same transactions).`);
  }
  // A running site merges what its writes fragmented in the background (SearchMaintenance); the
  // seeding's thousands of commits left the index as a busy site's would be before that check.
  const compactStarted = performance.now();
  const compacted = await dateline.services.searchMaintenance.runOnce();
  if (compacted?.steps) log(`search: index compacted as the server does in the background, ${compacted.segmentsBefore} segments into ${compacted.segmentsAfter} in ${((performance.now() - compactStarted) / 1000).toFixed(1)} s.`);
  const index = await dateline.services.taxonomies.index();
  const region = index.terms.find((t) => t.slug === 'europe');
  const theme = index.terms.find((t) => t.slug === 'global-economy');
  const q = (text: string, extra = '') => `/search/?q=${encodeURIComponent(text)}${extra}`;
  const paths = [
    ...benchSearchQueries.map((text) => q(text)),
    q('grain', region ? '&region=europe' : ''),
    q('ministers', theme ? '&theme=global-economy' : ''),
    q('pipeline', '&from=2024-01-01&to=2025-12-31'),
  ];
  for (const path of paths) {
    const res = await httpGet(`${origin}${path}`);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}, expected 200.`);
  }
  const articles = await dateline.store.articles.countVisible({ now: new Date().toISOString() as Instant });
  const measure = async (label: string, at: string) => {
    log(`search (${label}): ${paths.length} queries over ${articles} articles…`);
    // The same unrecorded warm-up as the page scenarios: the uncached server's search threads
    // have answered only the checks above, so without it their JIT warm-up lands in the figures.
    if (options.warmupSeconds > 0) {
      const warm = await loadGenerator.run({ url: at, paths, connections: options.connections, pipelining: 1, durationSeconds: options.warmupSeconds }, true, signal);
      if (warm.non2xx > 0 || warm.errors > warm.timeouts) throw new Error(`search (${label}) warm-up: ${warm.non2xx} non-2xx responses and ${warm.errors} errors.`);
    }
    const run = await profiled(options.cpuProfDir, label === 'cached' ? 'search' : 'search-uncached', () =>
      loadGenerator.run({ url: at, paths, connections: options.connections, pipelining: 1, durationSeconds: options.durationSeconds }, true, signal));
    if (run.non2xx > 0 || run.errors > run.timeouts) throw new Error(`search (${label}): ${run.non2xx} non-2xx responses and ${run.errors} errors.`);
    // A timeout is a request slower than autocannon's limit: a figure to report (a busy machine), not a wrong answer.
    if (run.timeouts > 0) log(`  ${run.timeouts} requests timed out (left out of the percentiles)`);
    log(`  ${Math.round(run.rps)} rps, p50 ${run.p50Ms.toFixed(2)} ms, p95 ${run.p95Ms.toFixed(2)} ms, p99 ${run.p99Ms.toFixed(2)} ms; server ${run.serverCpu.toFixed(2)} cores, ${(cpuPerRequestUs(run) / 1000).toFixed(2)} ms CPU/request`);
    if (options.byQuery) for (const q of run.byPath ?? []) log(`    p50 ${q.p50Ms.toFixed(2).padStart(6)} ms, p95 ${q.p95Ms.toFixed(2).padStart(6)} ms  ${decodeURIComponent(q.path)}`);
    return run;
  };
  // As the site runs: the search cache is warm from the requests above and nothing is written
  // during the run, so a repeated query is served from the cache.
  const cached = await measure('cached', origin);
  // Every request runs the query, highlights and renders: a second server over the same services with the search cache off.
  const uncachedServer = await dateline.buildServer({ cacheSearches: false });
  await uncachedServer.listen({ host: '127.0.0.1', port: 0 });
  try {
    const uncached = await measure('uncached', serverOrigin(uncachedServer));
    return { articles, queries: paths.length, cached, uncached };
  } finally {
    await uncachedServer.close();
  }
}

/** Picks the measured paths: a republished article mid-archive, the home page, and page 2 of the biggest region archive. */
async function scenarioPaths(dateline: Dateline, stored: number): Promise<Record<PageScenarioName, string>> {
  const now = new Date().toISOString() as Instant;
  const total = await dateline.store.articles.countVisible({ now });
  if (total < stored) throw new Error(`Only ${total} of ${stored} seeded articles are visible.`);
  const middle = await dateline.store.articles.listVisible({ now }, { offset: Math.floor(total / 2), limit: 200 });
  const republished = middle.find((a) => a.syndication !== null);
  if (!republished) throw new Error('No republished article in the middle of the archive; the seed should have made about 30% republished.');

  const index = await dateline.services.taxonomies.index();
  const region = index.taxonomyBySlug('region');
  if (!region) throw new Error('The "region" taxonomy is missing.');
  const counted = await Promise.all(index.termsOf(region.id).filter((t) => t.parentId === null).map(async (term) => ({
    term,
    count: await dateline.store.articles.countVisible({ now, termIds: index.terms.filter((t) => t.id === term.id || t.parentId === term.id).map((t) => t.id) }),
  })));
  const biggest = counted.sort((a, b) => b.count - a.count)[0];
  const settings = await dateline.services.settings.get();
  if (!biggest || biggest.count <= settings.pageSize) throw new Error('No region archive has a second page; seed more articles (--articles).');
  return { article: articlePath(republished), home: '/', archive: `/${region.slug}/${biggest.term.slug}/?page=2` };
}

/**
 * Warms the page cache with one request and checks what will be measured: a 200 with the full
 * page, now stored in the page cache, and a validator that really does produce a 304 — so the
 * 200s of the load run (which sends no If-None-Match) are full responses, not the 304 path.
 */
async function warmAndCheck(dateline: Dateline, server: FastifyInstance, url: string, pagePath: string): Promise<CapturedPage> {
  const first = await httpGet(url);
  if (first.status !== 200) throw new Error(`GET ${pagePath} answered ${first.status}, expected 200.`);
  if (!dateline.cache.get(pagePath)) throw new Error(`GET ${pagePath} did not leave the page in the page cache; the benchmark would measure rendering, not cached serving.`);
  const etag = first.headers.etag;
  for (const name of ['content-type', 'etag', 'last-modified', 'cache-control']) {
    if (!first.headers[name]) throw new Error(`GET ${pagePath} has no ${name} header.`);
  }
  const again = await httpGet(url);
  if (again.status !== 200 || !again.body.equals(first.body) || again.headers.etag !== etag) {
    throw new Error(`A second GET ${pagePath} differs from the first (status ${again.status}); the cached page is not stable.`);
  }
  const conditional = await httpGet(url, { 'if-none-match': etag! });
  if (conditional.status !== 304) throw new Error(`GET ${pagePath} with If-None-Match answered ${conditional.status}, expected 304.`);
  return { path: pagePath, headers: replayableHeaders(first.headers), body: first.body, keepAliveTimeoutMs: server.server.keepAliveTimeout };
}

/** The baseline must send what Dateline sends: same status, same body bytes, same headers (Date aside). */
async function assertSameResponse(datelineUrl: string, baselineUrl: string): Promise<void> {
  const [a, b] = await Promise.all([httpGet(datelineUrl), httpGet(baselineUrl)]);
  const strip = (h: Record<string, string | string[] | undefined>) => JSON.stringify(Object.entries(h).filter(([k]) => k !== 'date').sort(([x], [y]) => x.localeCompare(y)));
  if (a.status !== b.status || !a.body.equals(b.body) || strip(a.headers) !== strip(b.headers)) {
    throw new Error(`The baseline's response differs from Dateline's:\n  Dateline ${a.status} ${strip(a.headers)} (${a.body.length} bytes)\n  baseline ${b.status} ${strip(b.headers)} (${b.body.length} bytes)`);
  }
}

/** Runs `work`, profiling this process (the server) with the inspector when a profile folder is given. */
async function profiled<T>(dir: string | null, name: string, work: () => Promise<T>): Promise<T> {
  if (!dir) return work();
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    const file = path.join(dir, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`  profile: ${file}`);
    return result;
  } finally {
    session.disconnect();
  }
}

/** One run in a line, with where the CPU went: a load generator near one full core means the client, not the server, set the pace. */
function describeRun(run: LoadSummary): string {
  const server = Number.isNaN(run.serverCpu) ? '' : `server ${run.serverCpu.toFixed(2)} cores (${cpuPerRequestUs(run).toFixed(1)} µs CPU/request), `;
  const warning = run.generatorCpu > 0.9 ? '  (load generator near saturation: this figure may be client-bound)' : '';
  return `${run.rps.toFixed(0)} rps, p50 ${run.p50Ms.toFixed(3)} ms, p99 ${run.p99Ms.toFixed(3)} ms; ${server}load generator ${run.generatorCpu.toFixed(2)} cores${warning}`;
}

function serverOrigin(server: FastifyInstance): string {
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('The server is not listening on a TCP port.');
  return `http://127.0.0.1:${address.port}`;
}

/** A PostgreSQL schema for the run (DATABASE_SCHEMA): a fresh one dropped afterwards, or the kept one named `keep`. */
async function postgresSchema(url: string, keep: string | null): Promise<{ url: string; schema: string; where: string; dispose: () => Promise<void> }> {
  if (keep && !/^[a-z_][a-z0-9_]{0,62}$/.test(keep)) throw new UsageError(`--keep on PostgreSQL names a schema: lower-case letters, digits and _, not "${keep}".`);
  const schema = keep ?? `bench_${randomBytes(6).toString('hex')}`;
  try {
    await withClient(url, (c) => c.query('SELECT 1'));
  } catch (error) {
    throw new Error(`Cannot connect to PostgreSQL at ${redact(url)}: ${(error as Error).message}`, { cause: error });
  }
  return { url, schema, where: `schema ${schema}`, dispose: () => withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)) };
}

async function withClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given URL';
  }
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Server CPU time per request in microseconds (NaN when the server ran in another process). */
function cpuPerRequestUs(run: LoadSummary): number {
  return (run.serverCpu * 1e6) / run.rps;
}

function table(results: ScenarioResult[]): string {
  const header = ['scenario', 'path', 'KB', 'rps', 'p50 ms', 'p99 ms', 'baseline rps', 'base p50', 'base p99', 'ratio', 'cpu µs/req', 'base cpu µs/req', 'cpu ratio'];
  const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
  const rows = results.map((r) => {
    const cpu = cpuPerRequestUs(r.dateline);
    const baseCpu = cpuPerRequestUs(r.baseline);
    return [
      r.name, r.path.length > 40 ? `${r.path.slice(0, 37)}…` : r.path, (r.bodyBytes / 1024).toFixed(1),
      r.dateline.rps.toFixed(0), r.dateline.p50Ms.toFixed(3), r.dateline.p99Ms.toFixed(3),
      r.baseline.rps.toFixed(0), r.baseline.p50Ms.toFixed(3), r.baseline.p99Ms.toFixed(3),
      (r.dateline.rps / r.baseline.rps).toFixed(3),
      fixed(cpu, 1), fixed(baseCpu, 1), fixed(baseCpu / cpu, 3),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '',
    'ratio = rps / baseline rps. cpu ratio = baseline CPU per request / Dateline CPU per request (server process, user+system):',
    'it depends far less on what else the machine is doing than the rps ratio; when the two disagree, the machine was busy.',
  ].join('\n');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // Only flag it here: tearing down the database under a batch in flight would be worse than waiting
  // for the batch to roll back. (tsx kills this process unless a handler runs within ~30 ms, so
  // long synchronous stretches must yield; see seed-articles.ts.) A second signal exits at once.
  process.on(signal, () => {
    if (interrupted.signal.aborted) process.exit(130);
    console.error(`\nbench: ${signal}: stopping and cleaning up (again to quit at once)…`);
    interrupted.abort(new Error(`interrupted by ${signal}`));
  });
}

main().then(
  async () => {
    await cleanup();
    process.exit(0);
  },
  async (error: unknown) => {
    if (interrupted.signal.aborted) {
      await cleanup();
      console.error('bench: interrupted; cleaned up.');
      process.exit(130);
    }
    if (error instanceof UsageError) console.error(`bench: ${error.message}\n\n${usage}`);
    else console.error('bench: FAILED:', error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanup();
    process.exit(error instanceof UsageError ? 64 : 1);
  },
);
