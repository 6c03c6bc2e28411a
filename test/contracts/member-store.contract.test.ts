import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../src/app/ports.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { isAppError } from '../../src/domain/errors.js';
import type { Member, MemberId } from '../../src/domain/member.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { testDatabases } from '../support/databases.js';
import { at, testId } from '../support/fixtures.js';

const member = (overrides: Partial<Member> = {}): Member => ({
  id: testId() as MemberId, email: 'Reader@Example.org', name: 'Rea Der', note: null, status: 'free', subscribed: true, labels: [],
  createdAt: at('2026-01-01T10:00:00Z'), updatedAt: at('2026-01-01T10:00:00Z'), originKey: null, ...overrides,
});

for (const testDb of testDatabases) {
  describe(`Members on ${testDb.dialect}`, () => {
    let db: Awaited<ReturnType<typeof testDb.open>>;
    let store: Store;

    before(async () => {
      db = await testDb.open();
      store = new KyselyStore(db.db, fixedClock(at('2026-06-01T12:00:00Z')));
    });
    after(async () => db?.dispose());

    it('stores a member with every field and finds them by id and by address in any case', async () => {
      const m = member({ email: 'Ann.Smith@Example.ORG', note: 'met at the fair', status: 'comped', subscribed: false, labels: ['VIP', 'Press'], originKey: 'ghost:member:1' });
      await store.members.insert(m);
      assert.deepEqual(await store.members.getById(m.id), m);
      assert.deepEqual(await store.members.getByEmail('  ann.smith@example.org '), m);
      assert.equal(await store.members.getByEmail('ann@example.org'), null);
    });

    it('refuses a second member with the same address in another case, inside a transaction too, and keeps the first', async () => {
      const first = member({ email: 'bo@example.org' });
      await store.members.insert(first);
      await assert.rejects(store.members.insert(member({ email: 'BO@example.org' })), (e) => isAppError(e) && e.code === 'MEMBER_EMAIL_TAKEN');
      await assert.rejects(store.transaction((tx) => tx.members.insert(member({ email: ' Bo@Example.org' }))), (e) => isAppError(e) && e.code === 'MEMBER_EMAIL_TAKEN');
      assert.deepEqual(await store.members.getByEmail('bo@example.org'), first);
    });

    it('updates a member, and refuses to move them onto another member\'s address', async () => {
      const c = member({ email: 'cy@example.org', createdAt: at('2026-02-01T00:00:00Z') });
      await store.members.insert(c);
      const changed: Member = { ...c, name: 'Cy', status: 'paid', labels: ['Founding'], updatedAt: at('2026-03-01T00:00:00Z'), email: 'CY@example.org' };
      await store.members.update(changed);
      assert.deepEqual(await store.members.getById(c.id), changed);
      await assert.rejects(store.members.update({ ...changed, email: 'bo@EXAMPLE.org' }), (e) => isAppError(e) && e.code === 'MEMBER_EMAIL_TAKEN');
    });

    it('lists members oldest first and counts them', async () => {
      const total = await store.members.count();
      assert.equal(total, 3);
      const listed = await store.members.list({ offset: 0, limit: 10 });
      assert.deepEqual(listed.map((m) => m.email), ['Ann.Smith@Example.ORG', 'bo@example.org', 'CY@example.org']);
      assert.deepEqual((await store.members.list({ offset: 1, limit: 1 })).map((m) => m.email), ['bo@example.org']);
    });
  });
}
