import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type OpenDatabase } from '../../src/storage/database.js';

describe('bulk writes on SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-bulk-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const settings = async (opened: OpenDatabase) => {
    const read = async (name: string) => Number(Object.values((await sql.raw<Record<string, number>>(`PRAGMA ${name}`).execute(opened.db)).rows[0] ?? {})[0]);
    return { mmap: await read('mmap_size'), checkpoint: await read('wal_autocheckpoint'), cache: await read('cache_size') };
  };

  it('checkpoint the WAL rarely, map nothing and keep a small page cache while they run, then put the settings back, also after a failure', async () => {
    const opened = await openDatabase({ url: null, sqlitePath: path.join(dir, 'site.sqlite') });
    try {
      const normal = await settings(opened);
      assert.ok(normal.mmap > 0, 'reads are mapped normally');
      assert.equal(normal.cache, -32_768, 'a 32 MB page cache normally');
      const during = await opened.bulkWrites(() => settings(opened));
      assert.deepEqual(during, { mmap: 0, checkpoint: 65_536, cache: -8_192 });
      assert.deepEqual(await settings(opened), normal);
      await assert.rejects(opened.bulkWrites(async () => {
        throw new Error('the import stopped');
      }), /the import stopped/);
      assert.deepEqual(await settings(opened), normal);
    } finally {
      await opened.close();
    }
  });
});
