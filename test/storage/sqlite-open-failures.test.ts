import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { isAppError } from '../../src/domain/errors.js';
import { openDatabase } from '../../src/storage/database.js';

describe('opening a damaged or unusable SQLite database', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-open-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a corrupt file with DATABASE_CORRUPT, names the file and leaves it untouched', async () => {
    const file = path.join(dir, 'corrupt.sqlite');
    const garbage = Buffer.from('this is not an sqlite database '.repeat(200));
    writeFileSync(file, garbage);
    await assert.rejects(openDatabase({ url: null, sqlitePath: file }), (error: unknown) => {
      assert.ok(isAppError(error, 'DATABASE_CORRUPT'), String(error));
      assert.ok(error.message.includes(file));
      return true;
    });
    assert.deepEqual(readFileSync(file), garbage);
  });

  it('refuses a folder it cannot write with DATABASE_NOT_WRITABLE', { skip: process.getuid?.() === 0 ? 'root can write anywhere; the parent-is-a-file case covers unwritable paths' : false }, async () => {
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    await assert.rejects(openDatabase({ url: null, sqlitePath: path.join(locked, 'db.sqlite') }), (error: unknown) => isAppError(error, 'DATABASE_NOT_WRITABLE'));
  });

  it('refuses a path whose parent is a file with a message naming it', async () => {
    const blocker = path.join(dir, 'blocker');
    writeFileSync(blocker, 'x');
    const file = path.join(blocker, 'db.sqlite');
    await assert.rejects(openDatabase({ url: null, sqlitePath: file }), (error: unknown) => {
      assert.ok(isAppError(error, 'DATABASE_NOT_WRITABLE'), String(error));
      assert.ok(error.message.includes(file));
      return true;
    });
  });

  it('reports an unreachable PostgreSQL server as DATABASE_UNAVAILABLE without the password', async () => {
    await assert.rejects(openDatabase({ url: 'postgres://u:secret@127.0.0.1:1/none', sqlitePath: '' }), (error: unknown) => {
      assert.ok(isAppError(error, 'DATABASE_UNAVAILABLE'), String(error));
      assert.ok(!error.message.includes('secret'));
      return true;
    });
  });
});
