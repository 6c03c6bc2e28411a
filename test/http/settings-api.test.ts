import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { articlePath } from '../../src/domain/article.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { signInStaff } from '../support/staff-sessions.js';

for (const { dialect } of testDatabases) {
  describe(`site settings and standing notices over the admin API on ${dialect}`, () => {
    let t: TestApp;
    let staff: Awaited<ReturnType<typeof signInStaff>>;

    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      staff = await signInStaff(t, ['administrator', 'editor']);
    });
    after(async () => t?.dispose());

    const patch = (role: 'administrator' | 'editor', body: unknown) => t.server.inject({
      method: 'PATCH', url: '/admin/api/settings', headers: { ...staff.headers(role), 'content-type': 'application/json' }, payload: JSON.stringify(body),
    });

    it('changes notices and settings, shows them on the next page view and records who did it', async () => {
      const [article] = await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 1 });
      assert.ok(article);
      const path = articlePath(article);
      assert.doesNotMatch((await t.server.inject({ url: path })).body, /Views here are the authors/);

      const response = await patch('administrator', { name: 'Harbour Times', notices: { disclaimer: 'Views here are the authors\u2019 own, not {site}\u2019s.' }, pageSize: 12 });
      assert.equal(response.statusCode, 200, response.body);
      const { settings } = response.json() as { settings: { name: string; pageSize: number; notices: Record<string, string> } };
      assert.equal(settings.name, 'Harbour Times');
      assert.equal(settings.pageSize, 12);
      assert.match(settings.notices.fairUse!, /Fair use/, 'notices not sent are kept');

      const page = (await t.server.inject({ url: path })).body;
      assert.match(page, /Views here are the authors’ own, not Harbour Times’s\./, 'the cached page was dropped and the placeholder filled');

      const log = await t.dateline.store.audit.list({ offset: 0, limit: 5 });
      const entry = log.find((e) => e.action === 'settings.change');
      assert.ok(entry);
      assert.deepEqual(entry.details, { fields: ['name', 'notices.disclaimer', 'pageSize'] });
      assert.match(entry.actor, /administrator/);

      const read = await t.server.inject({ url: '/admin/api/settings', headers: staff.headers('editor') });
      assert.equal((read.json() as { settings: { name: string } }).settings.name, 'Harbour Times');
    });

    it('refuses values the site could not use, and editors', async () => {
      for (const body of [
        { timeZone: 'Mars/Olympus' }, { language: 'not a language' }, { commentUrl: 'javascript:alert(1)' }, { logoUrl: '//evil.example/x.png' },
        { pageSize: 0 }, { notices: { unknown: 'x' } }, { colour: 'red' }, { contactEmail: 'nobody' },
      ]) {
        const response = await patch('administrator', body);
        assert.deepEqual([response.statusCode, (response.json() as { error: { code: string } }).error.code], [400, 'INVALID_INPUT'], JSON.stringify(body));
      }
      assert.equal((await patch('administrator', { timeZone: 'Europe/Berlin', commentUrl: 'mailto:letters@news.example', logoUrl: '/assets/logo.png' })).statusCode, 200);
      const editor = await patch('editor', { name: 'Taken over' });
      assert.deepEqual([editor.statusCode, (editor.json() as { error: { code: string } }).error.code], [403, 'NOT_ALLOWED']);
      assert.equal((await t.server.inject({ url: '/admin/api/settings' })).statusCode, 401);
      const noCsrf = await t.server.inject({ method: 'PATCH', url: '/admin/api/settings', headers: { cookie: staff.cookie('administrator'), 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'No token' }) });
      assert.deepEqual([noCsrf.statusCode, (noCsrf.json() as { error: { code: string } }).error.code], [403, 'CSRF_REJECTED']);
    });
  });
}
