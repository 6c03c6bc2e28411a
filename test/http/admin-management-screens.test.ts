import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { articlePath } from '../../src/domain/article.js';
import type { Role } from '../../src/domain/staff.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { signInStaff } from '../support/staff-sessions.js';

for (const { dialect } of testDatabases) {
  describe(`the taxonomy, redirect, settings and audit screens on ${dialect}`, () => {
    let t: TestApp;
    let staff: Awaited<ReturnType<typeof signInStaff>>;

    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      staff = await signInStaff(t, ['owner', 'editor', 'author']);
    });
    after(async () => t?.dispose());

    const page = (role: Role, url: string) => t.server.inject({ url, headers: { cookie: staff.cookie(role) } });
    const post = (role: Role, url: string, fields: Record<string, string>, csrf = true) => t.server.inject({
      method: 'POST', url, headers: { cookie: staff.cookie(role), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, ...(csrf ? { _csrf: staff.csrf(role) } : {}) }).toString(),
    });
    const termId = async (taxonomy: string, slug: string) => {
      const index = await t.dateline.services.taxonomies.index();
      return index.termBySlug(index.taxonomyBySlug(taxonomy)!.id, slug)?.id;
    };

    it('links the screens in the navigation by role', async () => {
      const owner = (await page('owner', '/admin/')).body;
      for (const href of ['/admin/taxonomies/', '/admin/redirects/', '/admin/settings/', '/admin/audit/']) assert.match(owner, new RegExp(`href="${href}"`), href);
      const author = (await page('author', '/admin/')).body;
      assert.match(author, /href="\/admin\/taxonomies\/"/);
      for (const href of ['/admin/redirects/', '/admin/settings/', '/admin/audit/']) assert.doesNotMatch(author, new RegExp(`href="${href}"`), href);
    });

    it('shows a taxonomy as a tree; an editor adds, renames, moves and merges terms by form', async () => {
      assert.equal((await page('editor', '/admin/taxonomies/')).headers.location, '/admin/taxonomies/region/');
      const tree = await page('editor', '/admin/taxonomies/theme/');
      assert.equal(tree.statusCode, 200);
      assert.match(tree.body, /Environment[\s\S]*Climate/);

      const added = await post('editor', '/admin/taxonomies/theme/terms', { name: 'Water', slug: '', parentId: (await termId('theme', 'environment'))! });
      assert.deepEqual([added.statusCode, added.headers.location], [303, '/admin/taxonomies/theme/?notice=term-added']);
      const water = (await termId('theme', 'water'))!;
      assert.equal((await page('editor', `/admin/taxonomies/theme/terms/${water}`)).statusCode, 200);

      const renamed = await post('editor', `/admin/taxonomies/theme/terms/${water}/rename`, { name: 'Water and Rivers', slug: 'water-and-rivers' });
      assert.equal(renamed.statusCode, 303, renamed.body);
      assert.equal((await t.server.inject('/theme/water/')).headers.location, '/theme/water-and-rivers/');

      const cycle = await post('editor', `/admin/taxonomies/theme/terms/${(await termId('theme', 'environment'))!}/move`, { parentId: water });
      assert.equal(cycle.statusCode, 400);
      assert.match(cycle.body, /role="alert">[^<]*cannot be moved under itself/, 'the refusal is shown on the term\'s own page');
      assert.match(cycle.body, /Merge into another term/);
      assert.equal((await post('editor', `/admin/taxonomies/theme/terms/${water}/move`, { parentId: '' })).statusCode, 303);

      const merged = await post('editor', `/admin/taxonomies/theme/terms/${(await termId('theme', 'climate'))!}/merge`, { intoId: water });
      assert.deepEqual([merged.statusCode, merged.headers.location], [303, '/admin/taxonomies/theme/?notice=term-merged']);
      assert.equal(await termId('theme', 'climate'), undefined);
      assert.equal((await t.server.inject('/theme/climate/')).headers.location, '/theme/water-and-rivers/');
    });

    it('refuses term changes from authors and without the CSRF token', async () => {
      const asia = (await termId('region', 'asia'))!;
      assert.equal((await page('author', `/admin/taxonomies/region/terms/${asia}`)).statusCode, 403);
      assert.equal((await post('author', `/admin/taxonomies/region/terms/${asia}/rename`, { name: 'Mine', slug: 'mine' })).statusCode, 403);
      assert.equal((await post('editor', `/admin/taxonomies/region/terms/${asia}/rename`, { name: 'Mine', slug: 'mine' }, false)).statusCode, 403);
      assert.ok(await termId('region', 'asia'));
    });

    it('lists, adds, edits and deletes redirects by form, refusing loops', async () => {
      const added = await post('editor', '/admin/redirects/', { fromPath: '/old/page/', toPath: '/region/', status: '302' });
      assert.equal(added.statusCode, 303, added.body);
      assert.equal((await t.server.inject('/old/page/')).statusCode, 302);
      const list = await page('editor', '/admin/redirects/?q=old%2Fpage');
      assert.match(list.body, /<code>\/old\/page\/<\/code>/);
      const id = Buffer.from('/old/page/').toString('base64url');
      assert.match((await page('editor', `/admin/redirects/${id}/edit`)).body, /value="\/old\/page\/"/);
      assert.equal((await post('editor', `/admin/redirects/${id}`, { fromPath: '/old/page/', toPath: '', status: '410' })).statusCode, 303);
      assert.equal((await t.server.inject('/old/page/')).statusCode, 410);
      assert.equal((await post('editor', '/admin/redirects/', { fromPath: '/region/', toPath: '/old/page/', status: '301' })).statusCode, 303);
      const loop = await post('editor', `/admin/redirects/${id}`, { fromPath: '/old/page/', toPath: '/region/', status: '301' });
      assert.equal(loop.statusCode, 400);
      assert.match(loop.body, /role="alert">[^<]*loop/);
      assert.match(loop.body, /Save redirect/, 'shown on the redirect\'s edit form');
      assert.equal((await post('editor', `/admin/redirects/${id}/delete`, {})).statusCode, 303);
      assert.equal((await t.server.inject('/old/page/')).statusCode, 404);
      assert.equal((await page('author', '/admin/redirects/')).statusCode, 403);
      assert.equal((await post('editor', '/admin/redirects/', { fromPath: '/csrf/', toPath: '/' }, false)).statusCode, 403);
    });

    it('lets the owner edit the standing notices and settings, shows them on article pages and records the change', async () => {
      const [article] = await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 1 });
      const path = articlePath(article!);
      await t.server.inject(path);
      const form = await page('owner', '/admin/settings/');
      assert.equal(form.statusCode, 200);
      const current = await t.dateline.services.settings.get();
      const saved = await post('owner', '/admin/settings/', {
        name: current.name, description: current.description, logoUrl: '', contactEmail: current.contactEmail ?? '', membershipUrl: '', feedContent: 'summary',
        'notices.disclaimer': 'Opinions on {site} are the writers\u2019 own.\r\nCheck the facts.', 'notices.crossPosting': current.notices.crossPosting,
        'notices.fairUse': current.notices.fairUse, 'notices.mediaInquiries': current.notices.mediaInquiries, 'notices.membershipCall': current.notices.membershipCall,
      });
      assert.deepEqual([saved.statusCode, saved.headers.location], [303, '/admin/settings/?notice=settings-saved'], saved.body);
      assert.match((await t.server.inject(path)).body, new RegExp(`Opinions on ${current.name} are the writers’ own\\. Check the facts\\.`));
      assert.equal((await t.dateline.services.settings.get()).feedContent, 'summary');

      const audit = await page('owner', '/admin/audit/');
      assert.equal(audit.statusCode, 200);
      assert.match(audit.body, /settings\.change/);
      assert.match(audit.body, /feedContent.*notices\.disclaimer|notices\.disclaimer.*feedContent/);
      assert.match(audit.body, /term\.merge/);

      assert.equal((await page('editor', '/admin/settings/')).statusCode, 403);
      assert.equal((await post('editor', '/admin/settings/', { name: 'Taken over' })).statusCode, 403);
      assert.equal((await page('editor', '/admin/audit/')).statusCode, 403);
      assert.equal((await post('owner', '/admin/settings/', { name: 'No token' }, false)).statusCode, 403);
      const invalid = await post('owner', '/admin/settings/', { name: current.name, logoUrl: 'javascript:alert(1)' });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /role="alert">logoUrl: /);
    });
  });
}
