// The management screens over HTTP on both databases: staff (invitations by mail, roles, the
// last-owner rule, deactivation), authors, sources and the media library, with role and CSRF refusals.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { canonicalUrlOf, type MediaId } from '../../src/domain/media.js';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { AdminClient, createStaff, staffPassword } from '../support/admin-client.js';
import { makeArticle } from '../support/fixtures.js';
import { png } from '../support/images.js';
import { startSmtp } from '../support/smtp.js';

const locationId = (location: unknown, pattern: RegExp) => pattern.exec(String(location))?.[1];

for (const { dialect } of testDatabases) {
  describe(`management screens over HTTP on ${dialect}`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let owner: AdminClient;
    let editor: AdminClient;
    let author: AdminClient;

    before(async () => {
      smtp = await startSmtp();
      t = await createTestApp(dialect, { demo: true, env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Dateline <no-reply@news.example>', MEDIA_MAX_BYTES: String(256 * 1024) } });
      for (const role of ['owner', 'editor', 'author'] as const) await createStaff(t.dateline, role);
      [owner, editor, author] = [new AdminClient(t.server), new AdminClient(t.server), new AdminClient(t.server)];
      for (const [client, email] of [[owner, 'owner@news.example'], [editor, 'editor@news.example'], [author, 'author@news.example']] as const) {
        assert.equal((await client.signIn(email)).statusCode, 303);
      }
    });
    after(async () => {
      await t?.dispose();
      await smtp?.close();
    });

    const audit = async () => t.dateline.store.audit.list({ offset: 0, limit: 100 });

    it('shows each role only the management screens it may use, and refuses the others on the server', async () => {
      const nav = (body: string) => [...body.matchAll(/<li><a href="(\/admin\/(?:media|authors|sources|staff)\/)"/g)].map((m) => m[1]);
      assert.deepEqual(nav((await owner.get('/admin/')).body), ['/admin/media/', '/admin/authors/', '/admin/sources/', '/admin/staff/']);
      assert.deepEqual(nav((await editor.get('/admin/')).body), ['/admin/media/', '/admin/authors/', '/admin/sources/']);
      assert.deepEqual(nav((await author.get('/admin/')).body), ['/admin/media/']);
      for (const url of ['/admin/staff/', '/admin/authors/', '/admin/sources/new']) assert.equal((await author.get(url)).statusCode, 403, url);
      const invite = await author.post('/admin/staff/', { name: 'Mallory', email: 'mallory@news.example', role: 'owner' });
      assert.equal(invite.statusCode, 403, 'an author cannot manage staff');
      assert.equal(await t.dateline.store.users.getByEmail('mallory@news.example'), null);
      assert.equal((await editor.post('/admin/staff/', { name: 'Mallory', email: 'mallory@news.example', role: 'author' })).statusCode, 403, 'nor can an editor');
      assert.equal((await new AdminClient(t.server).get('/admin/staff/')).statusCode, 303, 'signed-out visitors go to sign-in');
    });

    it('refuses management forms without the CSRF token', async () => {
      await owner.get('/admin/staff/');
      const refused = await owner.post('/admin/staff/', { name: 'No Token', email: 'no-token@news.example', role: 'editor' }, { csrf: false });
      assert.equal(refused.statusCode, 403);
      assert.equal(await t.dateline.store.users.getByEmail('no-token@news.example'), null);
      await editor.get('/admin/sources/new');
      assert.equal((await editor.post('/admin/sources/', { name: 'Tokenless Wire' }, { csrf: false })).statusCode, 403);
      assert.equal(await t.dateline.store.sources.findByName('Tokenless Wire'), null);
      await editor.get('/admin/media/');
      assert.equal((await editor.postMultipart('/admin/media/', {}, { name: 'x.png', bytes: await png(50, 40, false), type: 'image/png' }, { csrf: false })).statusCode, 403);
    });

    it('invites staff by mail; the link sets a password once and the new account signs in', async () => {
      await owner.get('/admin/staff/');
      const sent = smtp.messages.length;
      const invited = await owner.post('/admin/staff/', { name: 'Nadia New', email: 'Nadia@News.example', role: 'editor' });
      assert.equal(invited.statusCode, 201, invited.body);
      assert.match(invited.body, /An invitation was mailed to nadia@news\.example/);
      assert.equal(smtp.messages.length, sent + 1);
      const mail = smtp.messages.at(-1)!.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      assert.match(mail, /To: nadia@news\.example/);
      const link = /https:\/\/news\.example(\/admin\/reset-password\?token=[A-Za-z0-9_%-]+)/.exec(mail)?.[1];
      assert.ok(link, mail);
      const nadia = new AdminClient(t.server);
      assert.equal((await nadia.signIn('nadia@news.example')).statusCode, 401, 'no password works before the link is used');
      await nadia.get(link);
      const token = decodeURIComponent(/token=([^&]+)/.exec(link)![1]!);
      assert.equal((await nadia.post('/admin/reset-password', { token, password: staffPassword })).statusCode, 303);
      assert.equal((await nadia.signIn('nadia@news.example')).statusCode, 303);
      assert.equal((await nadia.post('/admin/reset-password', { token, password: 'another long password' })).statusCode, 400, 'the link works once');
      const user = (await t.dateline.store.users.getByEmail('nadia@news.example'))!;
      assert.equal(user.role, 'editor');
      assert.ok((await audit()).some((e) => e.action === 'staff.invite' && e.subjectId === user.id && e.details?.role === 'editor'));
      const twice = await owner.post('/admin/staff/', { name: 'Nadia Again', email: 'nadia@news.example', role: 'author' });
      assert.equal(twice.statusCode, 409, 'one account per address');
    });

    it('keeps the last owner: no demotion or deactivation leaves the site without one; role changes are audited', async () => {
      const ownerUser = (await t.dateline.store.users.getByEmail('owner@news.example'))!;
      await owner.get(`/admin/staff/${ownerUser.id}/edit`);
      const demote = await owner.post(`/admin/staff/${ownerUser.id}`, { role: 'administrator', authorId: '' });
      assert.equal(demote.statusCode, 409);
      assert.match(demote.body, /only owner/);
      assert.equal((await t.dateline.store.users.getById(ownerUser.id))!.role, 'owner');

      const admin = await createStaff(t.dateline, 'administrator', `admin-${dialect}@news.example`);
      const adminClient = new AdminClient(t.server);
      await adminClient.signIn(admin.email);
      await adminClient.get('/admin/staff/');
      assert.equal((await adminClient.post(`/admin/staff/${ownerUser.id}/deactivate`, {})).statusCode, 403, 'an administrator cannot act on an owner');
      assert.equal((await adminClient.post(`/admin/staff/${admin.id}`, { role: 'owner', authorId: '' })).statusCode, 403, 'nor make owners');

      const second = await createStaff(t.dateline, 'editor', `second-${dialect}@news.example`, 'Second Owner');
      await owner.get(`/admin/staff/${second.id}/edit`);
      assert.equal((await owner.post(`/admin/staff/${second.id}`, { role: 'owner', authorId: '' })).statusCode, 303);
      assert.equal((await owner.post(`/admin/staff/${ownerUser.id}`, { role: 'administrator', authorId: '' })).statusCode, 303, 'with another owner, demotion is allowed');
      const secondClient = new AdminClient(t.server);
      await secondClient.signIn(second.email);
      await secondClient.get(`/admin/staff/${second.id}/edit`);
      const last = await secondClient.post(`/admin/staff/${second.id}`, { role: 'editor', authorId: '' });
      assert.equal(last.statusCode, 409, 'now the second owner is the last one');
      assert.equal((await secondClient.post(`/admin/staff/${ownerUser.id}`, { role: 'owner', authorId: '' })).statusCode, 303);
      const changes = (await audit()).filter((e) => e.action === 'staff.role-change').map((e) => [e.subjectId, e.details?.from, e.details?.to]);
      assert.deepEqual(changes.sort(), [[second.id, 'editor', 'owner'], [ownerUser.id, 'owner', 'administrator'], [ownerUser.id, 'administrator', 'owner']].sort());
    });

    it('deactivation ends every session of the account at once, and reactivation lets it sign in again', async () => {
      const victim = await createStaff(t.dateline, 'contributor', `leaving-${dialect}@news.example`);
      const leaving = new AdminClient(t.server);
      await leaving.signIn(victim.email);
      assert.equal((await leaving.get('/admin/')).statusCode, 200);
      await owner.get(`/admin/staff/${victim.id}/edit`);
      assert.equal((await owner.post(`/admin/staff/${victim.id}/deactivate`, {})).statusCode, 303);
      assert.equal((await leaving.get('/admin/')).statusCode, 303, 'the open session is gone');
      assert.equal((await t.dateline.store.sessions.listForUser(victim.id)).length, 0);
      assert.equal((await new AdminClient(t.server).signIn(victim.email)).statusCode, 401);
      assert.ok((await audit()).some((e) => e.action === 'staff.disable' && e.subjectId === victim.id));
      const list = await owner.get('/admin/staff/');
      assert.match(list.body, new RegExp(`${victim.name}</a></td>[\\s\\S]*?Deactivated`));
      assert.equal((await owner.post(`/admin/staff/${victim.id}/reactivate`, {})).statusCode, 303);
      assert.equal((await new AdminClient(t.server).signIn(victim.email)).statusCode, 303);
    });

    it('adds and edits authors with portrait and links, shown on their public archive', async () => {
      await editor.get('/admin/authors/new');
      const bad = await editor.post('/admin/authors/', { name: 'Lina Reporter', links: 'just some words' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /value="Lina Reporter"/, 'the form comes back filled in');
      const created = await editor.post('/admin/authors/', {
        name: 'Lina Reporter', slug: '', bio: 'Lina covers the harbour.', url: 'https://lina.example',
        avatarUrl: `/media/${'a'.repeat(64)}/320.jpg`, links: 'Mastodon https://social.example/@lina\nhttps://portfolio.example/lina',
      });
      assert.equal(created.statusCode, 303, created.body);
      const id = locationId(created.headers.location, /\/admin\/authors\/([^/]+)\/edit/)!;
      const stored = (await t.dateline.store.authors.getById(id as never))!;
      assert.deepEqual([stored.slug, stored.links], ['lina-reporter', [{ label: 'Mastodon', url: 'https://social.example/@lina' }, { label: 'portfolio.example', url: 'https://portfolio.example/lina' }]]);
      const page = await t.server.inject({ url: '/author/lina-reporter/' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Lina covers the harbour\./);
      assert.match(page.body, /<img class="listing-portrait" src="\/media\/a{64}\/320\.jpg"/);
      assert.match(page.body, /<a href="https:\/\/social\.example\/@lina">Mastodon<\/a>/);

      await editor.get(`/admin/authors/${id}/edit`);
      const evil = await editor.post(`/admin/authors/${id}`, { name: 'Lina Reporter', slug: 'lina', avatarUrl: 'javascript:alert(1)', links: '' });
      assert.equal(evil.statusCode, 400, 'a portrait is a library image or a web address');
      const renamed = await editor.post(`/admin/authors/${id}`, { name: 'Lina R. Reporter', slug: 'lina', bio: '', url: '', avatarUrl: '', links: '' });
      assert.equal(renamed.statusCode, 303);
      assert.equal((await t.server.inject({ url: '/author/lina/' })).statusCode, 200);
      const taken = await editor.post(`/admin/authors/${id}`, { name: 'Lina R. Reporter', slug: (await t.dateline.store.authors.list()).find((a) => a.id !== id)!.slug });
      assert.equal(taken.statusCode, 409);
      assert.match((await editor.get('/admin/authors/')).body, /Lina R\. Reporter/);
    });

    it('adds and edits sources with their licence terms', async () => {
      await editor.get('/admin/sources/new');
      const created = await editor.post('/admin/sources/', {
        name: 'Harbour Wire', slug: 'harbour-wire', url: 'https://harbour-wire.example', defaultCopyrightLine: '© Harbour Wire',
        defaultLicence: 'Republished by permission', defaultSearchPolicy: 'canonical-original',
      });
      assert.equal(created.statusCode, 303, created.body);
      const id = locationId(created.headers.location, /\/admin\/sources\/([^/]+)\/edit/)!;
      await editor.get(`/admin/sources/${id}/edit`);
      const edited = await editor.post(`/admin/sources/${id}`, { name: 'Harbour Wire Service', url: '', defaultCopyrightLine: '© HWS', defaultLicence: 'CC BY 4.0', defaultSearchPolicy: 'noindex' });
      assert.equal(edited.statusCode, 303);
      const source = (await t.dateline.store.sources.getById(id as never))!;
      assert.deepEqual({ ...source, id: undefined }, {
        id: undefined, slug: 'harbour-wire', name: 'Harbour Wire Service', url: null, defaultCopyrightLine: '© HWS', defaultLicence: 'CC BY 4.0', defaultSearchPolicy: 'noindex',
      });
      const bad = await editor.post(`/admin/sources/${id}`, { name: 'Harbour Wire Service', url: 'ftp://nope' });
      assert.equal(bad.statusCode, 400);
      const list = await editor.get('/admin/sources/');
      assert.match(list.body, /Harbour Wire Service[\s\S]*?© HWS[\s\S]*?CC BY 4\.0/);
    });

    it('uploads through the library form, describes, refuses deleting an image in use, deletes an unused one', async () => {
      await author.get('/admin/media/');
      const uploaded = await author.postMultipart('/admin/media/', { altText: 'Cranes at the port', caption: 'The new terminal', credit: 'Photo: A. Author' }, { name: 'cranes.png', bytes: await png(700, 400, false), type: 'image/png' });
      assert.equal(uploaded.statusCode, 303, uploaded.body);
      assert.match(String(uploaded.headers.location), /notice=media-uploaded$/);
      const id = locationId(uploaded.headers.location, /\/admin\/media\/([^/]+)\/edit/)! as MediaId;
      const item = await t.dateline.services.media.get(id);
      assert.deepEqual([item.originalFilename, item.altText, item.caption, item.credit, item.width], ['cranes.png', 'Cranes at the port', 'The new terminal', 'Photo: A. Author', 700]);

      const library = await author.get('/admin/media/');
      assert.match(library.body, new RegExp(`<a href="/admin/media/${id}/edit"><img src="/media/${item.sha256}/320\\.jpg" alt="Cranes at the port"`));
      const notImage = await author.postMultipart('/admin/media/', {}, { name: 'notes.png', bytes: new TextEncoder().encode('not an image at all'), type: 'image/png' });
      assert.equal(notImage.statusCode, 400);
      assert.match(notImage.body, /not an image/);
      assert.equal((await author.postMultipart('/admin/media/', {}, null)).statusCode, 400, 'no file chosen');
      const huge = await author.postMultipart('/admin/media/', {}, { name: 'huge.png', bytes: new Uint8Array(300 * 1024).fill(7), type: 'image/png' });
      assert.equal(huge.statusCode, 400);
      assert.match(huge.body, /larger than the 0\.3 MB limit/);

      const someoneElses = await t.dateline.services.media.upload({ bytes: await png(330, 200, false), filename: 'other.png' }, (await t.dateline.store.users.getByEmail('editor@news.example'))!);
      await author.get(`/admin/media/${someoneElses.item.id}/edit`);
      assert.equal((await author.post(`/admin/media/${someoneElses.item.id}`, { altText: 'mine now' })).statusCode, 403, 'authors change only their own uploads');

      await editor.get(`/admin/media/${id}/edit`);
      assert.equal((await editor.post(`/admin/media/${id}`, { altText: 'Two cranes', caption: '', credit: 'Photo: A. Author' })).statusCode, 303);
      assert.deepEqual([(await t.dateline.services.media.get(id)).altText, (await t.dateline.services.media.get(id)).caption], ['Two cranes', null]);

      await t.dateline.store.articles.insert(makeArticle({ title: 'Port expansion', bodySource: `<figure><img src="${canonicalUrlOf(item)}" alt="x"></figure>`, bodyHtml: `<figure><img src="${canonicalUrlOf(item)}" alt="x"></figure>` }));
      const edit = await editor.get(`/admin/media/${id}/edit`);
      assert.match(edit.body, /Port expansion/);
      assert.doesNotMatch(edit.body, /Delete this image/, 'no delete button while in use');
      const refused = await editor.post(`/admin/media/${id}/delete`, {});
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Port expansion/);
      await editor.get(`/admin/media/${someoneElses.item.id}/edit`);
      const deleted = await editor.post(`/admin/media/${someoneElses.item.id}/delete`, {});
      assert.equal(deleted.statusCode, 303);
      assert.equal(await t.dateline.store.media.getById(someoneElses.item.id), null);
    });

    it('pages the library 24 images at a time, newest first', async () => {
      const uploader = (await t.dateline.store.users.getByEmail('editor@news.example'))!;
      for (let i = 0; i < 25; i++) {
        t.clock.set(`2026-11-27T11:${String(i).padStart(2, '0')}:00.000Z`);
        await t.dateline.services.media.upload({ bytes: await png(40 + i, 30, false), filename: `tile-${i}.png` }, uploader);
      }
      const total = await t.dateline.store.media.count();
      const first = await editor.get('/admin/media/');
      const tiles = (body: string) => [...body.matchAll(/<span class="media-name">([^<]+)<\/span>/g)].map((m) => m[1]);
      assert.equal(tiles(first.body).length, 24);
      assert.equal(tiles(first.body)[0], 'tile-24.png');
      assert.match(first.body, /<a href="\/admin\/media\/\?page=2" rel="next">/);
      const second = await editor.get('/admin/media/?page=2');
      assert.equal(tiles(second.body).length, total - 24);
      assert.equal((await editor.get('/admin/media/?page=0')).statusCode, 400);
    });

    it('offers staff and authors in the Admin JSON API with the same rules', async () => {
      await owner.get('/admin/');
      const list = await owner.api('GET', '/admin/api/staff');
      assert.equal(list.statusCode, 200);
      const staffList = (list.json() as { staff: Record<string, unknown>[] }).staff;
      assert.ok(staffList.some((u) => u.email === 'owner@news.example'));
      assert.ok(staffList.every((u) => !('passwordHash' in u)), 'no password hashes');
      const invited = await owner.api('POST', '/admin/api/staff', { name: 'Api Person', email: `api-${dialect}@news.example`, role: 'contributor' });
      assert.equal(invited.statusCode, 201, invited.body);
      const body = invited.json() as { user: { id: string; role: string }; invitation: { mailed: boolean; link: string | null } };
      assert.deepEqual([body.user.role, body.invitation.mailed, body.invitation.link], ['contributor', true, null], 'mailed links are not handed out');
      const promoted = await owner.api('PATCH', `/admin/api/staff/${body.user.id}`, { role: 'author' });
      assert.equal((promoted.json() as { user: { role: string } }).user.role, 'author');
      assert.equal((await owner.api('POST', `/admin/api/staff/${body.user.id}/deactivate`)).statusCode, 200);
      assert.equal((await owner.api('PATCH', `/admin/api/staff/${body.user.id}`, { role: 'editor' }, { csrf: false })).statusCode, 403, 'CSRF');
      await author.get('/admin/');
      const refused = await author.api('GET', '/admin/api/staff');
      assert.deepEqual([refused.statusCode, (refused.json() as { error: { code: string } }).error.code], [403, 'NOT_ALLOWED']);
      const key = await t.dateline.services.apiKeys.create('admin', 'robot');
      const viaKey = await t.server.inject({ url: '/admin/api/staff', headers: { authorization: `Bearer ${key.secret}` } });
      assert.equal(viaKey.statusCode, 403, 'an admin key has editorial rights, not staff management');

      await editor.get('/admin/');
      const created = await editor.api('POST', '/admin/api/authors', { name: `Api Author ${dialect}`, links: [{ label: 'Blog', url: 'https://blog.example' }] });
      assert.equal(created.statusCode, 201, created.body);
      const authorId = (created.json() as { author: { id: string } }).author.id;
      const patched = await editor.api('PATCH', `/admin/api/authors/${authorId}`, { bio: 'Writes about APIs.' });
      assert.deepEqual((patched.json() as { author: { bio: string; links: unknown[] } }).author, { ...(created.json() as { author: object }).author, bio: 'Writes about APIs.' });
      const bad = await editor.api('PATCH', `/admin/api/authors/${authorId}`, { avatarUrl: 'data:image/png;base64,AAAA' });
      assert.deepEqual([bad.statusCode, (bad.json() as { error: { code: string } }).error.code], [400, 'INVALID_INPUT']);
      assert.equal((await author.api('POST', '/admin/api/authors', { name: 'Not Allowed' })).statusCode, 403);
    });
  });
}
