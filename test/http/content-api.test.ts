import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import GhostContentAPI from '@tryghost/content-api';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

interface GhostList<T> extends Array<T> { meta: { pagination: { page: number; limit: number | 'all'; pages: number; total: number; next: number | null; prev: number | null } } }
type Rec = Record<string, unknown> & { id: string; slug: string };

for (const { dialect } of testDatabases) {
  describe(`the Ghost-compatible Content API with @tryghost/content-api on ${dialect}`, () => {
    let t: TestApp;
    let url: string;
    let key: string;
    let api: InstanceType<typeof GhostContentAPI>;

    before(async () => {
      t = await createTestApp(dialect);
      await t.server.listen({ host: '127.0.0.1', port: 0 });
      const address = t.server.server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      key = (await t.dateline.services.apiKeys.create('content', 'test client')).secret;
      api = new GhostContentAPI({ url, key, version: 'v5.0' });
    });
    after(async () => t?.dispose());

    it('browses posts newest first with Ghost pagination, matching the database', async () => {
      const posts = (await api.posts.browse({ limit: 5, include: 'authors,tags' })) as GhostList<Rec>;
      const expected = await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 5 });
      assert.deepEqual(posts.map((p) => p.slug), expected.map((a) => a.slug));
      assert.equal(posts.meta.pagination.total, await t.dateline.store.articles.countVisible({ now: t.clock.now() }));
      assert.equal(posts.meta.pagination.limit, 5);
      assert.equal(posts.meta.pagination.next, 2);
      const first = posts[0]!;
      assert.equal(first.title, expected[0]!.title);
      assert.equal(first.html, expected[0]!.bodyHtml);
      assert.equal(first.published_at, expected[0]!.publishedAt);
      const authors = await t.dateline.store.authors.getMany(expected[0]!.authorIds);
      assert.deepEqual((first.authors as Rec[]).map((a) => a.slug).sort(), authors.map((a) => a.slug).sort());
      assert.equal((first.tags as Rec[]).length, expected[0]!.termIds.length);
      assert.equal(typeof first.url, 'string');
    });

    it('reads a post by slug with authors and tags, and carries the attribution as an extension', async () => {
      const article = (await t.dateline.store.articles.listVisible({ now: t.clock.now() }, { offset: 0, limit: 100 })).find((a) => a.syndication?.originalUrl)!;
      const post = (await api.posts.read({ slug: article.slug }, { include: 'authors,tags' })) as Rec & { dateline: { syndication: Rec } };
      assert.equal(post.id, article.id);
      assert.ok(Array.isArray(post.authors) && (post.authors as Rec[]).length === article.authorIds.length);
      assert.ok(Array.isArray(post.tags));
      assert.equal(post.dateline.syndication.original_url, article.syndication!.originalUrl);
      const byId = (await api.posts.read({ id: article.id })) as Rec;
      assert.equal(byId.slug, article.slug);
    });

    it('lists authors and tags with post counts that agree with the database', async () => {
      const authors = (await api.authors.browse({ limit: 'all', include: 'count.posts' })) as GhostList<Rec & { count: { posts: number } }>;
      const stored = await t.dateline.store.authors.list();
      assert.deepEqual(authors.map((a) => a.slug).sort(), stored.map((a) => a.slug).sort());
      for (const a of authors) {
        const author = stored.find((s) => s.slug === a.slug)!;
        assert.equal(a.count.posts, await t.dateline.store.articles.countVisible({ now: t.clock.now(), authorId: author.id }), a.slug);
      }
      const tags = (await api.tags.browse({ limit: 'all', include: 'count.posts' })) as GhostList<Rec & { count: { posts: number } }>;
      const index = await t.dateline.services.taxonomies.index();
      assert.equal(tags.length, index.terms.length);
      const europe = tags.find((tag) => tag.slug === 'europe')!;
      assert.equal(europe.count.posts, await t.dateline.store.articles.countVisible({ now: t.clock.now(), termIds: [index.terms.find((x) => x.slug === 'europe')!.id] }));
    });

    it('filters by tag and author, orders, limits fields and reads settings', async () => {
      const tagged = (await api.posts.browse({ filter: 'tag:europe', limit: 'all', include: 'tags' })) as GhostList<Rec & { tags: Rec[] }>;
      assert.ok(tagged.length > 0);
      assert.ok(tagged.every((p) => p.tags.some((tag) => tag.slug === 'europe')));
      const oldest = (await api.posts.browse({ order: 'published_at asc', limit: 1, fields: 'title,slug' })) as GhostList<Rec>;
      assert.deepEqual(Object.keys(oldest[0]!).sort(), ['slug', 'title']);
      const settings = (await api.settings.browse()) as Rec;
      assert.equal(settings.title, (await t.dateline.services.settings.get()).name);
    });

    it('answers Ghost-style errors: unknown key 401, unknown post 404, bad filter 400', async () => {
      const bad = new GhostContentAPI({ url, key: '0123456789abcdef0123456789', version: 'v5.0' });
      await assert.rejects(bad.posts.browse(), (e: Error) => e.name === 'UnauthorizedError');
      await assert.rejects(api.posts.read({ slug: 'no-such-post' }), (e: Error) => e.name === 'NotFoundError');
      await assert.rejects(api.posts.browse({ filter: 'tag:a,author:b' }), (e: Error) => e.name === 'BadRequestError');
      const revokedKey = (await t.dateline.services.apiKeys.create('content', 'old')).secret;
      await t.dateline.services.apiKeys.revoke(revokedKey);
      const revoked = new GhostContentAPI({ url, key: revokedKey, version: 'v5.0' });
      await assert.rejects(revoked.posts.browse(), (e: Error) => e.name === 'UnauthorizedError');
    });
  });
}
