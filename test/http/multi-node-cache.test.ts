import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { dropSchema, testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe('two app nodes on one PostgreSQL database', { skip: testDatabases.some((d) => d.dialect === 'postgres') ? false : 'PostgreSQL is off' }, () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let a: TestApp;
  let b: TestApp;

  before(async () => {
    a = await createTestApp('postgres', { pgSchema: schema });
    b = await createTestApp('postgres', { pgSchema: schema });
  });
  after(async () => {
    await a?.dispose();
    await b?.dispose();
    await dropSchema(schema);
  });

  /** Waits until `check` holds; NOTIFY is asynchronous. Bounded by attempts, not asserted on time. */
  async function eventually(check: () => Promise<boolean>): Promise<boolean> {
    for (let i = 0; i < 100; i++) {
      if (await check()) return true;
      await delay(50);
    }
    return false;
  }

  it('drops a page on node B when node A publishes into it', async () => {
    // Changes from both nodes' start-up still arrive over NOTIFY for a moment; a render that
    // overlaps one is rightly not cached, so wait until B holds the page.
    assert.ok(await eventually(async () => {
      assert.equal((await b.server.inject('/region/europe/')).statusCode, 200);
      return !!b.dateline.cache.get('/region/europe/');
    }), 'B has the archive cached');
    const europe = (await a.dateline.services.taxonomies.index()).terms.find((t) => t.slug === 'europe')!;
    await a.dateline.services.articles.create({ title: 'Published on node A', body: 'Text', bodyFormat: 'markdown', authorIds: [], termIds: [europe.id], status: 'published' });
    assert.ok(await eventually(async () => b.dateline.cache.get('/region/europe/') === undefined), 'B dropped its copy');
    assert.match((await b.server.inject('/region/europe/')).body, /Published on node A/);
  });

  it('gives node B the new settings after node A changes them', async () => {
    await b.server.inject('/author/');
    await a.dateline.services.settings.update({ name: 'Shared Name' });
    assert.ok(await eventually(async () => /Shared Name/.test((await b.server.inject('/author/')).body)));
  });
});
