import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.js';
import { signInStaff } from '../support/staff-sessions.js';

interface SourceJson { id: string; slug: string; name: string; url: string | null; defaultCopyrightLine: string | null; defaultLicence: string | null; defaultSearchPolicy: string }
interface ErrorJson { error: { code: string; details?: Record<string, unknown> } }

describe('sources with licence terms over the admin API', () => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signInStaff>>;

  before(async () => {
    t = await createTestApp('sqlite', { demo: true });
    staff = await signInStaff(t, ['editor', 'author']);
  });
  after(async () => t?.dispose());

  const call = async (method: string, url: string, role: 'editor' | 'author' | null, body?: unknown) => {
    const response = await t.server.inject({
      method: method as 'GET', url, headers: { ...(role ? staff.headers(role) : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: response.statusCode, body: response.json() as { source: SourceJson; sources: SourceJson[] } & ErrorJson, headers: response.headers };
  };

  it('lists the sources by name for any member of staff, and no one else', async () => {
    const { status, body, headers } = await call('GET', '/admin/api/sources', 'author');
    assert.equal(status, 200);
    assert.ok(body.sources.length > 0, 'the demo sources');
    const names = body.sources.map((s) => s.name);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
    assert.equal(headers['cache-control'], 'no-store');
    assert.equal((await call('GET', '/admin/api/sources', null)).status, 401);
    const unknown = await call('GET', '/admin/api/no-such-thing', 'author');
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'NOT_FOUND'], 'JSON, not the site\'s HTML page');
  });

  it('adds a source with its licence terms, which become the defaults of imports from it', async () => {
    const created = await call('POST', '/admin/api/sources', 'editor', {
      name: '  Northern  Wire ', url: 'https://northern-wire.example', defaultCopyrightLine: '© Northern Wire {year}',
      defaultLicence: 'Republished under CC BY 4.0', defaultSearchPolicy: 'canonical-original',
    });
    assert.equal(created.status, 201);
    assert.deepEqual({ ...created.body.source, id: undefined }, {
      id: undefined, slug: 'northern-wire', name: 'Northern Wire', url: 'https://northern-wire.example', defaultCopyrightLine: '© Northern Wire {year}',
      defaultLicence: 'Republished under CC BY 4.0', defaultSearchPolicy: 'canonical-original',
    });
    const read = await call('GET', `/admin/api/sources/${created.body.source.id}`, 'author');
    assert.deepEqual(read.body.source, created.body.source);
    const viaImport = await t.dateline.services.sources.findOrCreate('northern wire');
    assert.equal(viaImport.id, created.body.source.id, 'importers find it by name');

    const twice = await call('POST', '/admin/api/sources', 'editor', { name: 'NORTHERN WIRE' });
    assert.deepEqual([twice.status, twice.body.error.code], [409, 'SLUG_TAKEN']);
    const slugTaken = await call('POST', '/admin/api/sources', 'editor', { name: 'Another', slug: 'northern-wire' });
    assert.deepEqual([slugTaken.status, slugTaken.body.error.code], [409, 'SLUG_TAKEN']);
  });

  it('edits the terms and the name, keeping the slug', async () => {
    const created = (await call('POST', '/admin/api/sources', 'editor', { name: 'Harbour Gazette', slug: 'gazette' })).body.source;
    assert.equal(created.defaultSearchPolicy, 'noindex', 'a copy is kept out of search engines unless the source says otherwise');
    const updated = await call('PATCH', `/admin/api/sources/${created.id}`, 'editor', { name: 'The Harbour Gazette', defaultLicence: 'By permission', url: null });
    assert.equal(updated.status, 200);
    assert.deepEqual(updated.body.source, { ...created, name: 'The Harbour Gazette', defaultLicence: 'By permission' });
    const page = await t.server.inject({ url: '/source/gazette/' });
    assert.match(page.body, /The Harbour Gazette/);
  });

  it('refuses bad input, unknown sources, and roles without source management', async () => {
    const bad = [
      { name: '' }, { name: 'X', url: 'javascript:alert(1)' }, { name: 'X', defaultSearchPolicy: 'index-everything' }, { name: 'X', slug: 'Not A Slug' }, { name: 'X', extra: 1 },
    ];
    for (const body of bad) {
      const response = await call('POST', '/admin/api/sources', 'editor', body);
      assert.deepEqual([response.status, response.body.error.code], [400, 'INVALID_INPUT'], JSON.stringify(body));
    }
    assert.equal((await call('GET', '/admin/api/sources/missing', 'editor')).body.error.code, 'SOURCE_NOT_FOUND');
    const author = await call('POST', '/admin/api/sources', 'author', { name: 'By an author' });
    assert.deepEqual([author.status, author.body.error.code], [403, 'NOT_ALLOWED']);
    const noCsrf = await t.server.inject({ method: 'POST', url: '/admin/api/sources', headers: { cookie: staff.cookie('editor'), 'content-type': 'application/json' }, payload: '{"name":"Y"}' });
    assert.equal(noCsrf.statusCode, 403);
  });
});
