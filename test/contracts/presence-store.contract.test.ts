import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PresenceBoard } from '../../src/app/presence.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { openDatabase, type OpenDatabase } from '../../src/storage/database.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { testDatabases } from '../support/databases.js';

// Two app nodes are two processes with their own connections to one database: each board here
// has its own connection (pool), so what one sees must have come through the database.
for (const testDb of testDatabases) {
  describe(`editor presence shared through the database on ${testDb.dialect}`, () => {
    let first: Awaited<ReturnType<typeof testDb.open>>;
    let second: OpenDatabase;
    const clock = fixedClock('2026-11-27T10:00:00Z');
    let nodeA: PresenceBoard;
    let nodeB: PresenceBoard;
    let storeB: KyselyStore;

    before(async () => {
      first = await testDb.open();
      second = await openDatabase({ url: first.url, sqlitePath: first.sqlitePath, ...(first.pgSchema ? { pgSchema: first.pgSchema } : {}), poolSize: 2 });
      storeB = new KyselyStore(second.db, clock);
      nodeA = new PresenceBoard({ presence: new KyselyStore(first.db, clock).presence, clock });
      nodeB = new PresenceBoard({ presence: storeB.presence, clock });
    });
    after(async () => {
      await second?.close();
      await first?.dispose();
    });

    it('an editor on one node sees an editor served by the other', async () => {
      assert.deepEqual(await nodeA.heartbeat('article-1', { userId: 'ana', name: 'Ana' }), []);
      assert.deepEqual(await nodeB.heartbeat('article-1', { userId: 'bo', name: 'Bo' }), [{ userId: 'ana', name: 'Ana' }]);
      assert.deepEqual(await nodeA.heartbeat('article-1', { userId: 'ana', name: 'Ana' }), [{ userId: 'bo', name: 'Bo' }]);
      assert.deepEqual(await nodeA.heartbeat('article-2', { userId: 'ana', name: 'Ana' }), [], 'presence is per article');
    });

    it('a repeated heartbeat refreshes the row instead of adding one', async () => {
      await nodeB.heartbeat('article-3', { userId: 'bo', name: 'Bo' });
      await nodeB.heartbeat('article-3', { userId: 'bo', name: 'Bo B.' });
      assert.deepEqual(await storeB.presence.listPresent('article-3', clock.now()), [{ userId: 'bo', name: 'Bo B.' }]);
    });

    it('an editor who leaves, or stops beating, is no longer present, and expired rows are pruned', async () => {
      await nodeA.heartbeat('article-4', { userId: 'ana', name: 'Ana' });
      await nodeB.heartbeat('article-4', { userId: 'bo', name: 'Bo' });
      await nodeB.leave('article-4', 'bo');
      assert.deepEqual(await nodeA.heartbeat('article-4', { userId: 'ana', name: 'Ana' }), []);

      await nodeB.heartbeat('article-5', { userId: 'bo', name: 'Bo' });
      clock.set('2026-11-27T10:00:41Z');
      assert.deepEqual(await nodeA.heartbeat('article-5', { userId: 'ana', name: 'Ana' }), [], 'two missed beats mean gone');
      clock.set('2026-11-27T10:05:00Z');
      const pruned = await storeB.presence.prune(clock.now());
      assert.ok(pruned >= 1, `expired rows are deleted (${pruned})`);
      const left = await second.db.selectFrom('editor_presence').select('user_id').where('expires_at', '<=', clock.now()).execute();
      assert.deepEqual(left, []);
    });
  });
}
