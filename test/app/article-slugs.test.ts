import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isSlug } from '../../src/domain/slug.js';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

for (const { dialect } of testDatabases) {
  describe(`slugs for long and repeated titles on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { demo: false });
    });
    after(async () => t?.dispose());

    it('gives every article with the same 100-character title its own valid slug', async () => {
      const title = 'A very long headline about the same harbour negotiations that keeps going well past eighty characters';
      const slugs: string[] = [];
      for (let i = 0; i < 4; i++) {
        const article = await t.dateline.services.articles.create({ title, body: `Text ${i}.`, bodyFormat: 'markdown', authorIds: [], termIds: [] });
        slugs.push(article.slug);
      }
      assert.equal(new Set(slugs).size, 4);
      for (const slug of slugs) assert.ok(isSlug(slug) && slug.length <= 80, slug);
      const authors = [];
      for (const n of [1, 2, 3]) authors.push(await t.dateline.services.authors.findOrCreate(`${'Name '.repeat(20)}${n}`));
      assert.equal(new Set(authors.map((a) => a.slug)).size, 3);
    });
  });
}
