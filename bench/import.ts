/**
 * `npm run bench:import [-- --json] [--posts N] [--database postgres://…] [--from-source]`:
 * generates a WordPress export of N posts (default 100,000) with comments, streamed to a temp
 * file, builds the code (`npm run build`, as `npm start` does) and imports the export into a fresh
 * database (SQLite in a temp dir, or a fresh PostgreSQL schema) in a process of its own running
 * the built code, reporting posts per second and that process's peak memory. --from-source skips
 * the build and runs the sources under tsx instead (its loader threads add some 100 MB).
 * --heap-mb N runs the importing process with `--max-old-space-size=N` as well, as a user can with
 * NODE_OPTIONS on a small machine (the import already keeps V8's heap within 30% of what is live:
 * src/cli/import-heap.ts). As a baseline measured in the same
 * run, the first posts (at most 2,000) are also imported one item per transaction (`--batch 1`,
 * the method before batching), and the ratio is printed.
 * With --json the last line is exactly `{"posts":n,"seconds":n,"posts_per_s":n,"peak_rss_mb":n}`;
 * the details (CPU seconds, load average, baseline) come on the line before it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { writeWxr } from './wxr-generator.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const json = flag('--json');
const posts = Number(value('--posts') ?? 100_000);
const baselinePosts = Math.min(posts, 2_000);
const databaseUrl = value('--database') ?? process.env.BENCH_DATABASE_URL;
const log = (line: string) => { if (!json) console.log(line); else console.error(line); };
const fromSource = flag('--from-source');
const heapMb = value('--heap-mb');
const child = fileURLToPath(new URL('./import-child.mjs', import.meta.url));
const load = () => loadavg().map((n) => Number(n.toFixed(2)));

interface ChildResult { articles: number; comments: number; failed: number; seconds: number; cpuSeconds: number; peakRssMb: number }

const dir = mkdtempSync(path.join(tmpdir(), 'dateline-bench-import-'));
const schemas: string[] = [];

/** Imports `file` in a fresh database, in a child process (running dist/, or the sources with tsx's loader flags passed on). */
async function importInChild(file: string, name: string, batch?: number): Promise<ChildResult> {
  const dataDir = path.join(dir, name);
  mkdirSync(dataDir);
  const extra: string[] = [];
  if (databaseUrl) {
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    extra.push('--database', databaseUrl, '--schema', schema);
  }
  if (batch) extra.push('--batch', String(batch));
  const heap = heapMb ? [`--max-old-space-size=${Number(heapMb)}`] : [];
  const argv = fromSource ? [...heap, ...process.execArgv, child, file, dataDir, ...extra, '--from-source'] : [...heap, child, file, dataDir, ...extra];
  const { stdout } = await promisify(execFile)(process.execPath, argv, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult;
}

try {
  const file = path.join(dir, 'export.xml');
  const baselineFile = path.join(dir, 'baseline.xml');
  log(`Writing a WordPress export of ${posts} posts…`);
  const generated = await writeWxr(file, { posts, commentsPerPost: 2 });
  await writeWxr(baselineFile, { posts: baselinePosts, commentsPerPost: 2 });
  log(`  ${(statSync(file).size / 1048576).toFixed(0)} MB, ${generated.comments} comments`);
  if (!fromSource) {
    log('Building (npm run build)…');
    execFileSync('npm', ['run', 'build'], { cwd: fileURLToPath(new URL('../', import.meta.url)), stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const database = databaseUrl ? 'postgres' : 'sqlite';
  log(`Baseline: ${baselinePosts} posts one item per transaction into ${database}…`);
  const baseline = await importInChild(baselineFile, 'baseline', 1);
  log(`Importing ${posts} posts into ${database}…`);
  const loadBefore = load();
  const run = await importInChild(file, 'run');
  const loadAfter = load();
  if (run.articles !== posts) throw new Error(`imported ${run.articles} of ${posts} posts (${JSON.stringify(run)})`);
  const result = { posts: run.articles, seconds: Number(run.seconds.toFixed(2)), posts_per_s: Math.round(run.articles / run.seconds), peak_rss_mb: Math.round(run.peakRssMb) };
  const baselineRate = baseline.articles / baseline.seconds;
  const details = {
    database, ...(heapMb ? { heap_mb: Number(heapMb) } : {}), comments: run.comments, cpu_seconds: Number(run.cpuSeconds.toFixed(2)), posts_per_cpu_s: Math.round(run.articles / run.cpuSeconds),
    load_average_before: loadBefore, load_average_after: loadAfter,
    baseline_per_item_posts: baseline.articles, baseline_per_item_posts_per_s: Math.round(baselineRate),
    ratio_to_per_item: Number((result.posts_per_s / baselineRate).toFixed(2)),
  };
  if (json) {
    console.log(JSON.stringify(details));
    console.log(JSON.stringify(result));
  } else {
    console.log(`${result.posts} posts in ${result.seconds} s: ${result.posts_per_s} posts/s, peak RSS ${result.peak_rss_mb} MB (${database}); ` +
      `${details.ratio_to_per_item}× one-item-per-transaction (${details.baseline_per_item_posts_per_s} posts/s); load average ${loadBefore.join(' ')} → ${loadAfter.join(' ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (databaseUrl && schemas.length) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}
