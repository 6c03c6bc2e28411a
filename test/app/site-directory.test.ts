import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Author } from '../../src/domain/author.js';
import type { Instant } from '../../src/domain/ids.js';
import type { User, UserId } from '../../src/domain/staff.js';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

const owner: User = {
  id: '00000000-0000-7000-8000-0000000000aa' as UserId, email: 'owner@news.example', name: 'Owner', role: 'owner', authorId: null,
  passwordHash: '', createdAt: '2026-01-01T00:00:00.000Z' as Instant, updatedAt: '2026-01-01T00:00:00.000Z' as Instant, disabledAt: null,
};

/** The author and source choices of the search page's filter form. */
async function filterOptions(t: TestApp, q: string): Promise<{ authors: string[]; sources: string[] }> {
  const res = await t.server.inject({ method: 'GET', url: `/search/?q=${encodeURIComponent(q)}` });
  assert.equal(res.statusCode, 200);
  const optionsOf = (name: string) => {
    const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(res.body)?.[1] ?? '';
    return [...select.matchAll(/<option value="[^"]+"[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]!);
  };
  return { authors: optionsOf('author'), sources: optionsOf('source') };
}

for (const { dialect } of testDatabases) {
  describe(`the site's author and source directory on ${dialect}`, () => {
    let t: TestApp;
    let listed = { authors: 0, sources: 0 };
    before(async () => {
      t = await createTestApp(dialect);
      // Count the queries the directory makes (the store is the real one).
      const { authors, sources } = t.dateline.store;
      const listAuthors = authors.list.bind(authors);
      const listSources = sources.list.bind(sources);
      authors.list = () => { listed.authors++; return listAuthors(); };
      sources.list = () => { listed.sources++; return listSources(); };
    });
    after(() => t.dispose());

    it('reads the lists once for many pages, and again only after an author or source changes', async () => {
      const first = await filterOptions(t, 'kremlin');
      assert.ok(first.authors.length > 0 && first.sources.length > 0, 'the demo site has authors and sources');
      listed = { authors: 0, sources: 0 };
      for (const q of ['missile', 'sochi', 'defence']) assert.deepEqual(await filterOptions(t, q), first);
      assert.deepEqual(listed, { authors: 0, sources: 0 });

      const created: Author = await t.dateline.services.authors.create({ name: 'Vera Quillfeather', bio: null, url: null, avatarUrl: null, links: [] }, owner);
      const afterCreate = await filterOptions(t, 'missile');
      assert.ok(afterCreate.authors.includes('Vera Quillfeather'));
      assert.deepEqual(listed, { authors: 1, sources: 0 });

      await t.dateline.services.authors.update(created.id, { name: 'Vera Q. Quillfeather', bio: null, url: null, avatarUrl: null, links: [], slug: created.slug }, owner);
      const afterRename = await filterOptions(t, 'sochi');
      assert.ok(afterRename.authors.includes('Vera Q. Quillfeather') && !afterRename.authors.includes('Vera Quillfeather'));

      const [source] = await t.dateline.store.sources.list();
      await t.dateline.services.sources.update(source!.id, { name: 'Renamed Wire Service' }, owner);
      const afterSource = await filterOptions(t, 'defence');
      assert.ok(afterSource.sources.includes('Renamed Wire Service') && !afterSource.sources.includes(source!.name));
      assert.deepEqual(listed, { authors: 2, sources: 2 }, 'one read after each change (and one by this test)');
    });
  });
}
