import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ArticleId } from '../../src/domain/ids.js';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { AdminClient, createStaff } from '../support/admin-client.js';

const editorLocation = /^\/admin\/articles\/([^/]+)\/edit\?notice=created$/;

for (const { dialect } of testDatabases) {
  describe(`the back office over HTTP on ${dialect}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect, { demo: true });
    });
    after(async () => t?.dispose());

    /** Creates an article through the editor form and returns its id. */
    async function createArticle(client: AdminClient, fields: Record<string, string | string[]>): Promise<ArticleId> {
      await client.get('/admin/articles/new');
      const res = await client.post('/admin/articles/', fields);
      assert.equal(res.statusCode, 303, res.body);
      return editorLocation.exec(String(res.headers.location))![1] as ArticleId;
    }

    it('creates the owner from the one-time setup link, once', async () => {
      const token = (await t.dateline.services.auth.setupToken())!;
      const owner = new AdminClient(t.server);
      const page = await owner.get(`/admin/setup?token=${token}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<form method="post" action="\/admin\/setup">/);
      const created = await owner.post('/admin/setup', { token, name: 'Olga Owner', email: 'owner@news.example', password: 'correct horse battery staple' });
      assert.equal(created.statusCode, 303);
      assert.equal(created.headers.location, '/admin/?notice=welcome');
      assert.ok(owner.hasCookie('dateline_session'), 'the owner is signed in');
      assert.equal((await owner.get('/admin/')).statusCode, 200);

      const again = new AdminClient(t.server);
      assert.equal((await again.get(`/admin/setup?token=${token}`)).statusCode, 410);
      const reuse = await again.post('/admin/setup', { token, name: 'Mallory', email: 'm@news.example', password: 'correct horse battery staple' });
      assert.equal(reuse.statusCode, 409);
      assert.equal(await t.dateline.store.users.getByEmail('m@news.example'), null);
    });

    it('sets HttpOnly, SameSite=Lax session cookies, Secure behind a TLS proxy', async () => {
      await createStaff(t.dateline, 'editor');
      const plain = new AdminClient(t.server);
      const res = await plain.signIn('editor@news.example');
      const cookie = res.cookies.find((c) => c.name === 'dateline_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.notEqual(cookie.secure, true, 'not Secure over plain HTTP');
      const tls = new AdminClient(t.server, { 'x-forwarded-proto': 'https' });
      const secure = (await tls.signIn('editor@news.example')).cookies.find((c) => c.name === 'dateline_session')!;
      assert.equal(secure.secure, true);
      assert.equal(secure.httpOnly, true);
    });

    it('refuses state-changing requests without the CSRF token, forms and JSON alike, with 403', async () => {
      const editor = new AdminClient(t.server);
      await editor.signIn('editor@news.example');
      const form = await editor.post('/admin/articles/', { title: 'No token' }, { csrf: false });
      assert.equal(form.statusCode, 403);
      assert.match(form.body, /CSRF/);
      const json = await editor.api('POST', '/admin/api/articles', { title: 'No token' }, { csrf: false });
      assert.equal(json.statusCode, 403);
      assert.equal(json.json().error.code, 'CSRF_REJECTED');
      const forged = await editor.api('POST', '/admin/api/articles', { title: 'Forged' }, { csrf: false });
      assert.equal(forged.statusCode, 403);
      const anonymous = new AdminClient(t.server);
      assert.equal((await anonymous.post('/admin/sign-in', { email: 'editor@news.example', password: 'x' }, { csrf: false })).statusCode, 403, 'the sign-in form is protected too');
      const withToken = await editor.api('POST', '/admin/api/articles', { title: 'With token' });
      assert.equal(withToken.statusCode, 201);
    });

    it('keeps a contributor to drafts, in the UI and through the API', async () => {
      await createStaff(t.dateline, 'contributor');
      const contributor = new AdminClient(t.server);
      await contributor.signIn('contributor@news.example');
      const id = await createArticle(contributor, { title: 'A contributor draft', body: '<p>Words.</p>' });
      const editorPage = await contributor.get(`/admin/articles/${id}/edit`);
      assert.doesNotMatch(editorPage.body, /value="published"/, 'no publish button');
      const version = Number(/name="version" value="(\d+)"/.exec(editorPage.body)![1]);
      const byForm = await contributor.post(`/admin/articles/${id}`, { title: 'A contributor draft', body: '<p>Words.</p>', version: String(version), action: 'published' });
      assert.equal(byForm.statusCode, 403);
      const byApi = await contributor.api('POST', `/admin/api/articles/${id}/status`, { to: 'published' });
      assert.equal(byApi.statusCode, 403);
      assert.equal(byApi.json().error.code, 'NOT_ALLOWED');
      assert.equal((await t.dateline.store.articles.getById(id))!.status, 'draft');
      const demo = (await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 1 }))[0]!;
      assert.equal((await contributor.api('GET', `/admin/api/articles/${demo.id}`)).statusCode, 403, 'others\' articles are closed');
    });

    it('lets an editor write, publish, unpublish with 410 or a redirect, and sees it on the public site', async () => {
      const editor = new AdminClient(t.server);
      await editor.signIn('editor@news.example');
      const index = await t.dateline.services.taxonomies.index();
      const region = index.terms.find((term) => term.slug === 'europe')!;
      const id = await createArticle(editor, { title: 'Harbour reopens', body: '<p>The harbour reopened today.</p><figure><img src="https://images.example/harbour.jpg" alt="Harbour"><figcaption>The quay <small>Photo: Ana</small></figcaption></figure>', termIds: [region.id] });
      let page = await editor.get(`/admin/articles/${id}/edit`);
      const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
      const published = await editor.post(`/admin/articles/${id}`, { title: 'Harbour reopens', body: '<p>The harbour reopened today.</p>', termIds: [region.id], version, action: 'published' });
      assert.equal(published.statusCode, 303, published.body);
      const article = (await t.dateline.store.articles.getById(id))!;
      assert.equal(article.status, 'published');
      const path = `/${article.publishedAt!.slice(0, 4)}/${article.publishedAt!.slice(5, 7)}/${article.slug}/`;
      assert.equal((await t.server.inject({ method: 'GET', url: path })).statusCode, 200);

      page = await editor.get(`/admin/articles/${id}/edit`);
      let current = /name="version" value="(\d+)"/.exec(page.body)![1]!;
      const gone = await editor.post(`/admin/articles/${id}`, { title: 'Harbour reopens', body: '<p>The harbour reopened today.</p>', version: current, action: 'draft', unpublishPolicy: 'gone' });
      assert.equal(gone.statusCode, 303, gone.body);
      assert.equal((await t.server.inject({ method: 'GET', url: path })).statusCode, 410);

      const again = await editor.api('POST', `/admin/api/articles/${id}/status`, { to: 'published' });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().article.path, path, 'a withdrawn article that comes back keeps its URL');
      assert.equal((await t.server.inject({ method: 'GET', url: path })).statusCode, 200);
      current = String(again.json().article.version);
      const moved = await editor.api('POST', `/admin/api/articles/${id}/status`, { to: 'archived', unpublish: { kind: 'redirect', to: '/region/europe/' }, version: Number(current) });
      assert.equal(moved.statusCode, 200, moved.body);
      const redirect = await t.server.inject({ method: 'GET', url: path });
      assert.equal(redirect.statusCode, 301);
      assert.equal(redirect.headers.location, '/region/europe/');
      const log = await t.dateline.store.audit.list({ offset: 0, limit: 50 });
      assert.ok(log.some((e) => e.action === 'article.unpublish' && e.subjectId === id));
      assert.ok(log.some((e) => e.action === 'article.archive' && e.subjectId === id));
    });

    it('refuses a stale save with 409 naming who saved, and restores a revision', async () => {
      await createStaff(t.dateline, 'editor', 'second@news.example', 'Second Editor');
      const first = new AdminClient(t.server);
      const second = new AdminClient(t.server);
      await first.signIn('editor@news.example');
      await second.signIn('second@news.example');
      const created = await first.api('POST', '/admin/api/articles', { title: 'Shared piece', body: '<p>Version one.</p>' });
      const id = created.json().article.id as string;
      const base = created.json().article.version as number;
      const theirs = await second.api('PUT', `/admin/api/articles/${id}`, { version: base, title: 'Shared piece', body: '<p>Version two by the second editor.</p>' });
      assert.equal(theirs.statusCode, 200, theirs.body);
      const stale = await first.api('PUT', `/admin/api/articles/${id}`, { version: base, title: 'Shared piece', body: '<p>My stale text.</p>' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'EDIT_CONFLICT');
      assert.equal(stale.json().error.details.savedBy, 'Second Editor');
      assert.match((await t.dateline.store.articles.getById(id as ArticleId))!.bodySource, /Version two/, 'nothing was overwritten');

      const form = await first.get(`/admin/articles/${id}/edit`);
      const staleForm = await first.post(`/admin/articles/${id}`, { title: 'Shared piece', body: '<p>Form text.</p>', version: String(base), action: 'save' });
      assert.equal(staleForm.statusCode, 409);
      assert.match(staleForm.body, /Second Editor/);
      assert.match(staleForm.body, /Form text/, 'the refused text is kept in the form');
      assert.ok(form.statusCode === 200);

      const revisions = (await first.api('GET', `/admin/api/articles/${id}/revisions`)).json().revisions as { id: string; version: number; snapshot: { body: string } }[];
      assert.deepEqual(revisions.map((r) => r.version), [base + 1, base]);
      const page = await first.get(`/admin/articles/${id}/revisions`);
      assert.match(page.body, /<ins><span class="visually-hidden">\[added: <\/span>two by the second editor/);
      const oldest = revisions.at(-1)!;
      const restored = await first.post(`/admin/articles/${id}/revisions/${oldest.id}/restore`, { version: String(base + 1) });
      assert.equal(restored.statusCode, 303, restored.body);
      assert.match((await t.dateline.store.articles.getById(id as ArticleId))!.bodySource, /Version one/);
      const after = (await first.api('GET', `/admin/api/articles/${id}/revisions`)).json().revisions as { version: number; note: string }[];
      assert.equal(after[0]!.version, base + 2);
      assert.match(after[0]!.note, /Restored version/);
    });

    it('tells an editor who else has the article open', async () => {
      const first = new AdminClient(t.server);
      const second = new AdminClient(t.server);
      await first.signIn('editor@news.example');
      await second.signIn('second@news.example');
      const id = (await first.api('POST', '/admin/api/articles', { title: 'Presence' })).json().article.id as string;
      assert.deepEqual((await first.api('POST', `/admin/api/articles/${id}/presence`)).json().others, []);
      assert.deepEqual((await second.api('POST', `/admin/api/articles/${id}/presence`)).json().others, [{ name: 'Editor Person' }]);
    });

    it('answers admin API keys without a CSRF token, and nothing without credentials', async () => {
      const key = await t.dateline.services.apiKeys.create('admin', 'newsroom robot');
      const created = await t.server.inject({ method: 'POST', url: '/admin/api/articles', headers: { authorization: `Bearer ${key.secret}` }, payload: { title: 'From a script' } });
      assert.equal(created.statusCode, 201, created.body);
      const content = await t.dateline.services.apiKeys.create('content', 'site');
      assert.equal((await t.server.inject({ method: 'GET', url: '/admin/api/articles', headers: { authorization: `Bearer ${content.secret}` } })).statusCode, 401, 'content keys do not open the Admin API');
      assert.equal((await t.server.inject({ method: 'GET', url: '/admin/api/articles' })).statusCode, 401);
      const redirect = await t.server.inject({ method: 'GET', url: '/admin/articles/' });
      assert.equal(redirect.statusCode, 303);
      assert.match(String(redirect.headers.location), /^\/admin\/sign-in\?/);
      const stored = await t.dateline.store.apiKeys.list();
      assert.ok(!stored.some((k) => k.secret === key.secret), 'admin secrets are stored hashed');
    });

    it('describes the Admin API in OpenAPI generated from the route schemas', async () => {
      const res = await t.server.inject({ method: 'GET', url: '/admin/api/openapi.json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.match(doc.openapi, /^3\./);
      const put = doc.paths['/admin/api/articles/{id}'].put;
      assert.ok(put.requestBody.content['application/json'].schema.properties.version, 'the save body documents version');
      assert.ok(doc.paths['/admin/api/inbox/{id}/reject']);
      for (const path of ['/admin/api/media/', '/admin/api/media/{id}', '/admin/api/sources/{id}', '/admin/api/settings/', '/admin/api/authors/{id}', '/admin/api/staff/{id}/deactivate']) {
        assert.ok(doc.paths[path], `${path} is documented`);
      }
      assert.ok(doc.paths['/admin/api/sources/'].post.requestBody.content['application/json'].schema.properties.defaultLicence, 'a source body documents its licence');
      assert.ok(doc.paths['/admin/api/staff/'].post.requestBody.content['application/json'].schema.properties.role, 'an invitation documents the role');
      const key = await t.dateline.services.apiKeys.create('admin', 'cache check');
      for (const url of ['/admin/api/sources/', '/admin/api/settings/', '/admin/api/authors/', '/admin/api/taxonomies', '/admin/api/redirects', '/admin/api/media/']) {
        const answer = await t.server.inject({ url, headers: { authorization: `Bearer ${key.secret}` } });
        assert.equal(answer.headers['cache-control'], 'no-store', `${url} is never cached`);
      }
    });
  });
}
