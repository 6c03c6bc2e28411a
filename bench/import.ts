/**
 * `npm run bench:import [-- --json] [--posts N] [--database postgres://…]`: generates a WordPress
 * export of N posts (default 100,000) with comments, streamed to a temp file, and imports it with
 * `dateline import` into a fresh database (SQLite in a temp dir, or a fresh PostgreSQL schema),
 * reporting posts per second and the process's peak memory.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config/config.js';
import { createDateline } from '../src/main.js';
import { importWxrFile } from '../src/cli/import-wxr.js';
import { writeWxr } from './wxr-generator.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const json = flag('--json');
const posts = Number(value('--posts') ?? 100_000);
const databaseUrl = value('--database') ?? process.env.BENCH_DATABASE_URL;
const log = (line: string) => { if (!json) console.log(line); else console.error(line); };

const dir = mkdtempSync(path.join(tmpdir(), 'dateline-bench-import-'));
const file = path.join(dir, 'export.xml');
let schema: string | null = null;
try {
  log(`Writing a WordPress export of ${posts} posts…`);
  const generated = await writeWxr(file, { posts, commentsPerPost: 2 });
  log(`  ${(statSync(file).size / 1048576).toFixed(0)} MB, ${generated.comments} comments`);
  if (databaseUrl) schema = `bench_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    DATA_DIR: dir, DEMO_CONTENT: '0', LOG_LEVEL: 'silent', SITE_URL: 'https://news.example.org',
    ...(databaseUrl && schema ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {}),
  });
  const dateline = await createDateline(config);
  try {
    await dateline.prepare({ demoContent: false });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    log(`Importing into ${databaseUrl ? `PostgreSQL (schema ${schema})` : 'SQLite'}…`);
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    const report = await importWxrFile(dateline, file, { quiet: true });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const imported = report?.counts.articles ?? 0;
    if (imported !== posts) throw new Error(`imported ${imported} of ${posts} posts (${JSON.stringify(report?.counts)})`);
    const result = {
      posts: imported, seconds: Number(seconds.toFixed(2)), posts_per_s: Math.round(imported / seconds),
      peak_rss_mb: Math.round(peak / 1048576), comments: report?.counts.comments ?? 0, database: databaseUrl ? 'postgres' : 'sqlite',
      // On a shared machine wall time depends on the neighbours; CPU seconds say what the import itself cost.
      cpu_seconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)), posts_per_cpu_s: Math.round(imported / ((cpu.user + cpu.system) / 1e6)),
    };
    if (json) console.log(JSON.stringify(result));
    else console.log(`${result.posts} posts in ${result.seconds} s: ${result.posts_per_s} posts/s, peak RSS ${result.peak_rss_mb} MB (${result.database})`);
  } finally {
    await dateline.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (databaseUrl && schema) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}
