import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { writeWxr } from '../../bench/wxr-generator.js';

const bin = fileURLToPath(new URL('../../bin/dateline', import.meta.url));

/**
 * Runs `dateline import FILE` on the SQLite database in `dataDir`; `killAt` SIGKILLs it once that
 * many items are checkpointed. `batch` sets the items per transaction: the interrupted runs use
 * small batches so kills land between and inside them; the reference uses the default.
 */
function runImport(file: string, dataDir: string, killAt?: number, batch?: number, env: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'import', file, ...(batch ? ['--batch', String(batch)] : [])], {
      env: { ...process.env, DATA_DIR: dataDir, DATELINE_FROM_SOURCE: '1', DEMO_CONTENT: '0', ...env }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    let timer: NodeJS.Timeout | null = null;
    if (killAt !== undefined) {
      timer = setInterval(() => {
        if (checkpointed(dataDir) >= killAt) {
          child.kill('SIGKILL');
          clearInterval(timer!);
        }
      }, 15);
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, stderr });
    });
  });
}

function checkpointed(dataDir: string): number {
  try {
    const db = new BetterSqlite3(path.join(dataDir, 'dateline.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM import_items').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

/** Whether an import run in `dataDir` is still marked running: the work a resume has to finish. */
function unfinished(dataDir: string): boolean {
  const db = new BetterSqlite3(path.join(dataDir, 'dateline.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM import_runs WHERE state <> 'finished'").get() as { n: number }).n > 0;
  } finally {
    db.close();
  }
}

/** Items per transaction in the interrupted runs: small, and not a divisor of anything in the export. */
const KILLED_BATCH = 7;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Every table as sorted rows, leaving out what differs between runs by nature: run ids, clock
 * times, FTS row numbers, and the random ids a new site gives its starting taxonomies (named by slug instead).
 */
function dump(dataDir: string): Record<string, unknown[]> {
  const db = new BetterSqlite3(path.join(dataDir, 'dateline.sqlite'), { readonly: true });
  try {
    // FTS5 tables and their shadow tables hold segments laid out by transaction boundaries; what
    // they index is compared through queries below.
    const fts = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'").all() as { name: string }[]).map((t) => t.name);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
      .map((t) => t.name).filter((name) => !fts.some((f) => name === f || name.startsWith(`${f}_`)));
    const volatile: Record<string, string[]> = {
      import_items: ['run_id', 'at'], import_runs: ['id', 'started_at', 'finished_at'], article_search_docs: ['doc_id'], settings: ['updated_at'],
      // The author repository stamps its own rows with the wall clock.
      authors: ['created_at', 'updated_at'],
      // Each batch queues its articles for analysis stamped with the wall clock of its commit; which articles, and in what state, still count.
      analysis_queue: ['enqueued_at', 'available_at'],
    };
    const labels = new Map<string, string>();
    for (const t of db.prepare('SELECT id, slug FROM taxonomies').all() as { id: string; slug: string }[]) labels.set(t.id, `taxonomy:${t.slug}`);
    for (const t of db.prepare('SELECT t.id, t.slug, x.slug AS tax FROM terms t JOIN taxonomies x ON x.id = t.taxonomy_id').all() as { id: string; slug: string; tax: string }[]) {
      labels.set(t.id, `term:${t.tax}/${t.slug}`);
    }
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      out[table] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !(volatile[table] ?? []).includes(k))))
        .replace(UUID, (id) => labels.get(id) ?? id)).sort();
    }
    out.search = ['council', 'harbour', 'writer', 'topic'].map((word) => (db.prepare('SELECT count(*) AS n FROM article_search_fts WHERE article_search_fts MATCH ?').get(word) as { n: number }).n);
    out.headSearch = ['council', 'harbour', 'writer', 'topic'].map((word) => (db.prepare('SELECT count(*) AS n FROM article_search_head_fts WHERE article_search_head_fts MATCH ?').get(word) as { n: number }).n);
    return out;
  } finally {
    db.close();
  }
}

describe('A WordPress import killed at random points', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-resume-'));
  const file = path.join(dir, 'export.xml');
  const reference = path.join(dir, 'reference');
  const killed = path.join(dir, 'killed');
  let totalItems = 0;

  before(async () => {
    const generated = await writeWxr(file, { posts: 80, commentsPerPost: 2, seed: 7 });
    totalItems = generated.authors + generated.categories + generated.tags + generated.posts;
    // The reference: an uninterrupted import, reading the export and preparing text on threads of its own.
    const clean = await runImport(file, reference);
    assert.equal(clean.code, 0, clean.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same database with no threads (IMPORT_THREADS=0: reading and text on the writing thread)', async () => {
    const inline = path.join(dir, 'inline');
    const outcome = await runImport(file, inline, undefined, undefined, { IMPORT_THREADS: '0' });
    assert.equal(outcome.code, 0, outcome.stderr);
    const expected = dump(reference);
    const actual = dump(inline);
    delete expected.import_runs;
    delete actual.import_runs;
    assert.equal(actual.articles?.length, 80);
    assert.deepEqual(actual, expected);
  });

  it('resumes to exactly the database of an uninterrupted import (whatever the batch size), and a re-run changes nothing', async () => {
    // Five kill points, spread over the first four fifths of the items and random within their
    // stretch. The kill lands when the poll sees the point passed, a few batches later on a fast
    // machine, so the last fifth is slack that keeps the last kill from arriving after the end.
    const points = Array.from({ length: 5 }, (_, i) => Math.floor(((i + Math.random()) / 5) * totalItems * 0.8) + 1);
    let kills = 0;
    for (const point of points) {
      const outcome = await runImport(file, killed, point, KILLED_BATCH);
      if (outcome.signal === 'SIGKILL') kills++;
      else assert.equal(outcome.code, 0, outcome.stderr);
    }
    assert.ok(kills >= 5, `the import was killed ${kills} times`);
    assert.ok(unfinished(killed), `the last kill left work to do (${checkpointed(killed)} of ${totalItems} items checkpointed)`);
    const resumed = await runImport(file, killed);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, /resumed/);

    const expected = dump(reference);
    const actual = dump(killed);
    delete expected.import_runs;
    delete actual.import_runs;
    assert.ok((expected.articles?.length ?? 0) === 80);
    assert.deepEqual(actual, expected);

    const again = await runImport(file, killed);
    assert.equal(again.code, 0, again.stderr);
    const afterAgain = dump(killed);
    delete afterAgain.import_runs;
    assert.deepEqual(afterAgain, expected);
  });
});
