import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TermId } from '../../src/domain/ids.js';
import { regionMappingSettingKey } from '../../src/domain/site-settings.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { signInStaff } from '../support/staff-sessions.js';

type Staff = Awaited<ReturnType<typeof signInStaff>>;
interface TermJson { id: string; slug: string; name: string; parentId: string | null; path: string; depth: number }

for (const { dialect } of testDatabases) {
  describe(`taxonomy management over the admin API on ${dialect}`, () => {
    let t: TestApp;
    let staff: Staff;

    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      staff = await signInStaff(t, ['editor', 'author']);
    });
    after(async () => t?.dispose());

    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, headers = staff.headers('editor')) => t.server.inject({
      method, url, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const termsOf = async (taxonomy: string) => {
      const { taxonomies } = (await call('GET', '/admin/api/taxonomies')).json() as { taxonomies: { slug: string; terms: TermJson[] }[] };
      return taxonomies.find((x) => x.slug === taxonomy)!.terms;
    };
    const term = async (taxonomy: string, slug: string) => (await termsOf(taxonomy)).find((x) => x.slug === slug)!;
    const articlesOf = async (id: string) => t.dateline.store.articles.countVisible({ now: t.clock.now(), termIds: [id as TermId] });

    it('lists every taxonomy as a tree and adds terms under a parent', async () => {
      const asia = await term('region', 'asia');
      assert.equal((await term('region', 'east-asia')).parentId, asia.id);
      assert.equal((await term('region', 'east-asia')).depth, 1);
      const added = await call('POST', '/admin/api/taxonomies/region/terms', { name: 'Central Asia', parentId: asia.id });
      assert.equal(added.statusCode, 201, added.body);
      assert.deepEqual([(added.json() as { term: TermJson }).term.path, (added.json() as { term: TermJson }).term.parentId], ['/region/central-asia/', asia.id]);
      assert.equal((await t.server.inject('/region/central-asia/')).statusCode, 200);
    });

    it('renames with a new slug and leaves redirects from the old page and feeds', async () => {
      const europe = await term('region', 'europe');
      const before = await articlesOf(europe.id);
      assert.ok(before > 0, 'the demo has articles in Europe');
      assert.equal((await t.server.inject('/region/europe/')).statusCode, 200, 'warm the page cache');
      const renamed = await call('PATCH', `/admin/api/taxonomies/terms/${europe.id}`, { name: 'Europe and the EU', slug: 'europe-and-eu' });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.equal((renamed.json() as { redirects: unknown[] }).redirects.length, 4);
      const old = await t.server.inject('/region/europe/');
      assert.deepEqual([old.statusCode, old.headers.location], [301, '/region/europe-and-eu/']);
      assert.equal((await t.server.inject('/region/europe/rss.xml')).headers.location, '/region/europe-and-eu/rss.xml');
      const fresh = await t.server.inject('/region/europe-and-eu/');
      assert.equal(fresh.statusCode, 200);
      assert.match(fresh.body, /Europe and the EU/);

      // Renaming back makes the old address live again: no loop, no chain.
      assert.equal((await call('PATCH', `/admin/api/taxonomies/terms/${europe.id}`, { slug: 'europe' })).statusCode, 200);
      assert.equal((await t.server.inject('/region/europe/')).statusCode, 200);
      assert.equal((await t.server.inject('/region/europe-and-eu/')).headers.location, '/region/europe/');
      assert.equal(await articlesOf(europe.id), before);
    });

    it('moves a term, refusing cycles; the URL stays', async () => {
      const asia = await term('region', 'asia');
      const eastAsia = await term('region', 'east-asia');
      const cycle = await call('POST', `/admin/api/taxonomies/terms/${asia.id}/move`, { parentId: eastAsia.id });
      assert.deepEqual([cycle.statusCode, (cycle.json() as { error: { code: string } }).error.code], [400, 'INVALID_INPUT']);
      const moved = await call('POST', `/admin/api/taxonomies/terms/${eastAsia.id}/move`, { parentId: null });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal((await term('region', 'east-asia')).parentId, null);
      assert.equal((await t.server.inject('/region/east-asia/')).statusCode, 200);
    });

    it('merges A into B: articles move, A is deleted, A\'s addresses redirect to B', async () => {
      const from = await term('region', 'canada');
      const into = await term('region', 'usa');
      const [fromCount, intoCount] = [await articlesOf(from.id), await articlesOf(into.id)];
      const merged = await call('POST', `/admin/api/taxonomies/terms/${from.id}/merge`, { intoId: into.id });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.equal((merged.json() as { articlesMoved: number }).articlesMoved, fromCount);
      assert.equal(await term('region', 'canada'), undefined);
      assert.ok(await articlesOf(into.id) >= intoCount && await articlesOf(into.id) <= intoCount + fromCount);
      assert.equal(await articlesOf(from.id), 0);
      const old = await t.server.inject('/region/canada/');
      assert.deepEqual([old.statusCode, old.headers.location], [301, '/region/usa/']);
      const log = await t.dateline.store.audit.list({ offset: 0, limit: 10 });
      assert.ok(log.some((e) => e.action === 'term.merge' && e.subjectId === into.id));
      const table = await t.dateline.store.settings.get(regionMappingSettingKey) as { countries: Record<string, string[]> };
      assert.deepEqual(table.countries.CA, ['usa'], 'the country table follows the merge, so Canadian stories suggest the surviving term');
      assert.ok(!Object.values(table.countries).flat().includes('canada'));
    });

    it('a restart does not bring back the seed terms that were renamed or merged away', async () => {
      await t.dateline.prepare({ demoContent: false });
      assert.equal(await term('region', 'canada'), undefined);
      assert.equal((await t.server.inject('/region/canada/')).headers.location, '/region/usa/');
      assert.ok(await term('region', 'asia'), 'terms still in place are kept');
    });

    it('refuses merging into itself or a sub-term, and unknown terms', async () => {
      const asia = await term('region', 'asia');
      const southAsia = await term('region', 'south-asia');
      for (const intoId of [asia.id, southAsia.id]) {
        assert.equal((await call('POST', `/admin/api/taxonomies/terms/${asia.id}/merge`, { intoId })).statusCode, 400);
      }
      assert.equal((await call('POST', '/admin/api/taxonomies/terms/nope/merge', { intoId: asia.id })).statusCode, 404);
      const taken = await call('PATCH', `/admin/api/taxonomies/terms/${asia.id}`, { slug: 'global' });
      assert.deepEqual([taken.statusCode, (taken.json() as { error: { code: string } }).error.code], [409, 'SLUG_TAKEN']);
    });

    it('refuses authors (403), callers without a session (401) and requests without the CSRF token (403)', async () => {
      const asia = await term('region', 'asia');
      const author = await call('PATCH', `/admin/api/taxonomies/terms/${asia.id}`, { name: 'Taken' }, staff.headers('author'));
      assert.deepEqual([author.statusCode, (author.json() as { error: { code: string } }).error.code], [403, 'NOT_ALLOWED']);
      assert.equal((await call('POST', '/admin/api/taxonomies/region/terms', { name: 'X' }, staff.headers('author'))).statusCode, 403);
      assert.equal((await call('GET', '/admin/api/taxonomies', undefined, {})).statusCode, 401);
      const noCsrf = await call('POST', `/admin/api/taxonomies/terms/${asia.id}/move`, { parentId: null }, { cookie: staff.cookie('editor') });
      assert.deepEqual([noCsrf.statusCode, (noCsrf.json() as { error: { code: string } }).error.code], [403, 'CSRF_REJECTED']);
      assert.equal((await term('region', 'asia')).name, 'Asia');
    });

    it('documents the endpoints in the OpenAPI description', async () => {
      const doc = (await t.server.inject('/admin/api/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
      for (const path of ['/admin/api/taxonomies/', '/admin/api/taxonomies/{taxonomy}/terms', '/admin/api/taxonomies/terms/{id}', '/admin/api/taxonomies/terms/{id}/move', '/admin/api/taxonomies/terms/{id}/merge', '/admin/api/redirects/', '/admin/api/redirects/{id}', '/admin/api/audit/']) {
        assert.ok(doc.paths[path], `${path} in ${Object.keys(doc.paths).join(', ')}`);
      }
      assert.ok(doc.paths['/admin/api/taxonomies/terms/{id}/merge']!.post!.requestBody);
    });
  });
}
