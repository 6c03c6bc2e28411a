import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { writeWxr } from '../../bench/wxr-generator.js';
import { runCli } from '../support/server.js';

/** `dateline search compact` and `dateline search rebuild` on a site an import wrote in many small commits. */
describe('dateline search', () => {
  let dir: string;
  let env: Record<string, string>;
  const count = (sql: string) => {
    const db = new BetterSqlite3(path.join(dir, 'data', 'dateline.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(sql).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dateline-search-cli-'));
    env = { DATA_DIR: path.join(dir, 'data'), DEMO_CONTENT: '0' };
    const file = path.join(dir, 'site.xml');
    await writeWxr(file, { posts: 40, commentsPerPost: 0 });
    // Batches of 4: ten commits, each adding a segment to every search table.
    const imported = await runCli(['import', file, '--batch', '4'], env);
    assert.equal(imported.code, 0, imported.stderr);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('merges the fragments an import left, and then finds nothing left to merge', async () => {
    const before = count('SELECT count(DISTINCT segid) AS n FROM article_search_fts_idx');
    assert.ok(before >= 8, `the import left ${before} segments in the main table`);
    const merged = await runCli(['search', 'compact'], env);
    assert.equal(merged.code, 0, merged.stderr);
    assert.match(merged.stdout, /^Merged \d+ segments into \d+ in \d+\.\d s\.$/m);
    assert.equal(count('SELECT count(DISTINCT segid) AS n FROM article_search_fts_idx'), 1, 'the main table had many: merged into one');

    const all = await runCli(['search', 'compact', '--all'], env);
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /^(Merged \d+ segments into 5 in \d+\.\d s|Nothing to merge: 5 segments)\.$/m);
    assert.match((await runCli(['search', 'compact', '--all'], env)).stdout, /^Nothing to merge: 5 segments\.$/m);
    assert.match((await runCli(['search', 'compact'], env)).stdout, /^Nothing to merge: 5 segments \(too few to be worth it; --all merges them anyway\)\.$/m);
  });

  it('rebuilds the index from the articles', async () => {
    const articles = count('SELECT count(*) AS n FROM articles');
    assert.equal(articles, 40);
    const db = new BetterSqlite3(path.join(dir, 'data', 'dateline.sqlite'));
    db.prepare('DELETE FROM article_search_docs WHERE doc_id IN (SELECT doc_id FROM article_search_docs LIMIT 5)').run();
    db.close();
    const rebuilt = await runCli(['search', 'rebuild'], env);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stdout, /^Indexed 40 articles in \d+\.\d s\.$/m);
    assert.equal(count('SELECT count(*) AS n FROM article_search_docs'), 40);
  });
});
