import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.js';
import { dropSchema, testDatabases } from '../support/databases.js';
import { signInStaff } from '../support/staff-sessions.js';

// Two app nodes share only the database (sessions included), like stateless nodes behind a load balancer.
for (const { dialect } of testDatabases) {
  describe(`editor presence across two app nodes on one ${dialect} database`, () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    let a: TestApp;
    let b: TestApp;

    before(async () => {
      a = await createTestApp(dialect, { demo: false, ...(dialect === 'postgres' ? { pgSchema: schema } : {}) });
      b = await createTestApp(dialect, { demo: false, ...(dialect === 'postgres' ? { pgSchema: schema } : { env: { DATA_DIR: a.dateline.config.dataDir } }) });
    });
    after(async () => {
      await b?.dispose();
      await a?.dispose();
      if (dialect === 'postgres') await dropSchema(schema);
    });

    it('an editor on node B is told that an editor on node A has the article open', async () => {
      const staff = await signInStaff(a, ['editor', 'administrator']);
      const article = await a.dateline.services.articles.create({ title: 'Shared draft', body: 'Text', bodyFormat: 'markdown', authorIds: [], termIds: [], status: 'draft' });
      const beat = (node: TestApp, role: 'editor' | 'administrator') => node.server.inject({ method: 'POST', url: `/admin/api/articles/${article.id}/presence`, headers: staff.headers(role) });

      const first = await beat(a, 'editor');
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), { others: [] });
      assert.deepEqual((await beat(b, 'administrator')).json(), { others: [{ name: 'An editor' }] });
      assert.deepEqual((await beat(a, 'editor')).json(), { others: [{ name: 'An administrator' }] });

      a.clock.set('2026-11-27T10:01:00Z');
      b.clock.set('2026-11-27T10:01:00Z');
      assert.deepEqual((await beat(b, 'administrator')).json(), { others: [] }, 'a minute without heartbeats means the editor left');
    });
  });
}
