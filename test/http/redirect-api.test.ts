import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { signInStaff } from '../support/staff-sessions.js';

interface RedirectJson { id: string; fromPath: string; toPath: string | null; status: number }
const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

for (const { dialect } of testDatabases) {
  describe(`URL redirects and the audit log over the admin API on ${dialect}`, () => {
    let t: TestApp;
    let staff: Awaited<ReturnType<typeof signInStaff>>;

    before(async () => {
      t = await createTestApp(dialect, { demo: false });
      staff = await signInStaff(t, ['administrator', 'editor', 'author']);
    });
    after(async () => t?.dispose());

    const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers = staff.headers('editor')) => t.server.inject({
      method, url, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const create = async (body: unknown) => {
      const response = await call('POST', '/admin/api/redirects', body);
      assert.equal(response.statusCode, 201, response.body);
      return (response.json() as { redirect: RedirectJson }).redirect;
    };

    it('adds 301, 302 and 410 redirects the public site answers', async () => {
      await create({ fromPath: '/old/story/', toPath: '/region/', status: 301 });
      const temporary = await create({ fromPath: '/campaign/', toPath: 'https://partner.example/donate', status: 302 });
      await create({ fromPath: '/withdrawn/', toPath: null, status: 410 });
      assert.equal(temporary.fromPath, '/campaign/');
      const moved = await t.server.inject('/old/story/');
      assert.deepEqual([moved.statusCode, moved.headers.location], [301, '/region/']);
      const campaign = await t.server.inject('/campaign/');
      assert.deepEqual([campaign.statusCode, campaign.headers.location, campaign.headers['cache-control']], [302, 'https://partner.example/donate', 'no-store']);
      assert.equal((await t.server.inject('/withdrawn/')).statusCode, 410);
    });

    it('lists page by page and searches old and new addresses', async () => {
      for (let i = 0; i < 55; i += 1) await create({ fromPath: `/bulk/${String(i).padStart(2, '0')}/`, toPath: '/', status: 301 });
      const first = (await call('GET', '/admin/api/redirects?q=bulk')).json() as { redirects: RedirectJson[]; total: number };
      assert.deepEqual([first.total, first.redirects.length, first.redirects[0]!.fromPath], [55, 50, '/bulk/00/']);
      const second = (await call('GET', '/admin/api/redirects?q=bulk&page=2')).json() as { redirects: RedirectJson[] };
      assert.equal(second.redirects.length, 5);
      const partner = (await call('GET', '/admin/api/redirects?q=PARTNER.example')).json() as { redirects: RedirectJson[] };
      assert.deepEqual(partner.redirects.map((r) => r.fromPath), ['/campaign/']);
      const literal = (await call('GET', '/admin/api/redirects?q=%25')).json() as { total: number };
      assert.equal(literal.total, 0, '% is searched for literally');
    });

    it('edits (the old path too) and deletes', async () => {
      const made = await create({ fromPath: '/a-old/', toPath: '/x/', status: 301 });
      const edited = await call('PUT', `/admin/api/redirects/${made.id}`, { fromPath: '/a-older/', toPath: '/y/', status: 302 });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal((await t.server.inject('/a-old/')).statusCode, 404);
      assert.deepEqual([(await t.server.inject('/a-older/')).statusCode, (await t.server.inject('/a-older/')).headers.location], [302, '/y/']);
      const id = (edited.json() as { redirect: RedirectJson }).redirect.id;
      assert.equal((await call('DELETE', `/admin/api/redirects/${id}`)).statusCode, 204);
      assert.equal((await t.server.inject('/a-older/')).statusCode, 404);
      assert.equal(codeOf((await call('DELETE', `/admin/api/redirects/${id}`)).body), 'REDIRECT_NOT_FOUND');
    });

    it('refuses loops, open redirects, duplicates and status mismatches', async () => {
      await create({ fromPath: '/loop-a/', toPath: '/loop-b/', status: 301 });
      await create({ fromPath: '/loop-b/', toPath: '/loop-c/', status: 301 });
      for (const body of [
        { fromPath: '/loop-c/', toPath: '/loop-a/' },
        { fromPath: '/loop-c/', toPath: 'https://news.example/loop-a/' },
        { fromPath: '/self/', toPath: '/self/' },
        { fromPath: '/open/', toPath: '//evil.example/' },
        { fromPath: '/open/', toPath: '/\\evil.example' },
        { fromPath: '/open/', toPath: 'javascript:alert(1)' },
        { fromPath: '//evil.example/', toPath: '/' },
        { fromPath: '/admin/', toPath: '/' },
        { fromPath: '/gone/', toPath: '/x/', status: 410 },
        { fromPath: '/nowhere/', toPath: null, status: 301 },
        { fromPath: '/bad-status/', toPath: '/', status: 307 },
      ]) {
        const response = await call('POST', '/admin/api/redirects', body);
        assert.deepEqual([response.statusCode, codeOf(response.body)], [400, 'INVALID_INPUT'], JSON.stringify(body));
      }
      const duplicate = await call('POST', '/admin/api/redirects', { fromPath: '/loop-a/', toPath: '/z/' });
      assert.deepEqual([duplicate.statusCode, codeOf(duplicate.body)], [409, 'REDIRECT_EXISTS']);
      const loopByEdit = await call('PUT', `/admin/api/redirects/${Buffer.from('/loop-b/').toString('base64url')}`, { fromPath: '/loop-b/', toPath: '/loop-a/' });
      assert.equal(loopByEdit.statusCode, 400);
    });

    it('refuses authors, anonymous callers and requests without the CSRF token', async () => {
      assert.equal((await call('GET', '/admin/api/redirects', undefined, staff.headers('author'))).statusCode, 403);
      assert.equal((await call('POST', '/admin/api/redirects', { fromPath: '/q/', toPath: '/' }, staff.headers('author'))).statusCode, 403);
      assert.equal((await call('GET', '/admin/api/redirects', undefined, {})).statusCode, 401);
      const noCsrf = await call('POST', '/admin/api/redirects', { fromPath: '/q/', toPath: '/' }, { cookie: staff.cookie('editor') });
      assert.deepEqual([noCsrf.statusCode, codeOf(noCsrf.body)], [403, 'CSRF_REJECTED']);
    });

    it('records redirect changes in the audit log, which only owners and administrators read', async () => {
      type Page = { entries: { action: string; subjectId: string; actor: string }[]; hasMore: boolean };
      const log = await call('GET', '/admin/api/audit', undefined, staff.headers('administrator'));
      assert.equal(log.statusCode, 200, log.body);
      assert.equal((log.json() as Page).hasMore, true, 'more than one page of entries');
      const entries = [...(log.json() as Page).entries, ...((await call('GET', '/admin/api/audit?page=2', undefined, staff.headers('administrator'))).json() as Page).entries];
      assert.ok(entries.some((e) => e.action === 'redirect.create' && e.subjectId === '/campaign/' && /editor/.test(e.actor)));
      assert.ok(entries.some((e) => e.action === 'redirect.delete' && e.subjectId === '/a-older/'));
      assert.equal(codeOf((await call('GET', '/admin/api/audit', undefined, staff.headers('editor'))).body), 'NOT_ALLOWED');
    });
  });
}
