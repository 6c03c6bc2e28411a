import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAppError } from '../../src/domain/errors.js';
import type { User } from '../../src/domain/staff.js';
import { createStaff } from '../support/admin-client.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

for (const { dialect } of testDatabases) {
  describe(`staff management on ${dialect}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect, { demo: false });
    });
    after(async () => t?.dispose());

    const activeOwners = async () => (await t.dateline.store.users.list()).filter((u) => u.role === 'owner' && !u.disabledAt).length;

    it('keeps one owner when two owners remove each other at the same moment', async () => {
      for (let round = 0; round < 5; round++) {
        const a = await createStaff(t.dateline, 'owner', `a${round}@news.example`);
        const b = await createStaff(t.dateline, 'owner', `b${round}@news.example`);
        for (const u of await t.dateline.store.users.list()) {
          if (u.role === 'owner' && u.id !== a.id && u.id !== b.id) await t.dateline.store.users.update({ ...u, role: 'editor' });
        }
        const { staff } = t.dateline.services;
        const outcomes = await Promise.allSettled(round % 2
          ? [staff.deactivate(a.id, b), staff.deactivate(b.id, a)]
          : [staff.update(a.id, { role: 'editor', authorId: null }, b), staff.update(b.id, { role: 'editor', authorId: null }, a)]);
        assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1, `round ${round}`);
        const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
        assert.ok(isAppError(refused.reason, 'LAST_OWNER'), String(refused.reason));
        assert.equal(await activeOwners(), 1);
        // Back to one owner per round, so the next round starts from two.
        const survivor = (await t.dateline.store.users.list()).find((u) => u.role === 'owner' && !u.disabledAt) as User;
        assert.ok([a.id, b.id].includes(survivor.id));
      }
    });
  });
}
