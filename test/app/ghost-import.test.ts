import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importGhostFile } from '../../src/cli/import-ghost.js';
import { articlePath } from '../../src/domain/article.js';
import type { Slug } from '../../src/domain/ids.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { freshDateline } from '../support/fresh-dateline.js';
import { failOnForeignConnections } from '../support/loopback-tripwire.js';
import { createSafeFetcher } from '../../src/ingest/fetch/safe-fetcher.js';

failOnForeignConnections();

const corpus = fileURLToPath(new URL('../../../shared/corpus/ghost-export/', import.meta.url));

/** Counts taken from the file with JSON.parse, independently of the streaming reader. */
function expected(file: string) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const data = json.db?.[0]?.data ?? json.data?.data ?? json.data;
  const posts = data.posts as { slug: string; title: string; status: string; visibility?: string }[];
  const featureImages = [...new Set(posts.map((p) => (p as { feature_image?: string | null }).feature_image).filter((u): u is string => !!u)
    .map((u) => u.replace('__GHOST_URL__', 'https://old.example').replace(/^\/(?!\/)/, 'https://old.example/')))];
  return { posts, featureImages, users: (data.users ?? []).length as number, tags: (data.tags ?? []) as { name: string; slug: string }[], members: (data.members ?? []).length as number };
}

for (const { dialect } of testDatabases) {
  describe(`Ghost import on ${dialect}`, () => {
    const apps: TestApp[] = [];
    after(async () => { for (const a of apps) await a.dispose(); });

    for (const name of ['ghost-migrate/export-db-wrapped.json', 'ghost-migrate/export-flat.json', 'ghost-core/import-data-1.json']) {
      test(`${name}: every post, author and tag arrives, with redirects from the old addresses; a second run changes nothing`, async () => {
        const app = await createTestApp(dialect, { demo: false });
        apps.push(app);
        const { store } = app.dateline;
        const file = path.join(corpus, name);
        const want = expected(file);
        const report = await importGhostFile(app.dateline, file, { quiet: true, sourceUrl: 'https://old.example' });
        assert.ok(report);
        assert.equal(report.counts.articles, want.posts.length);
        assert.equal(report.counts.authors, want.users);
        assert.equal(report.counts.terms, want.tags.length);
        assert.equal(report.counts.failed, 0);
        assert.equal(report.counts.members, want.members);
        assert.equal(await store.members.count(), want.members);
        // Every imported post waits for analysis (quotes, people, other copies); the worker drains the queue.
        assert.equal((await store.analysisQueue.counts()).waiting, want.posts.length);
        assert.equal((await app.dateline.services.analysisWorker.drain()).analysed.length, want.posts.length);
        assert.equal((await store.analysisQueue.counts()).waiting, 0);

        const keywords = (await store.taxonomies.listTaxonomies()).find((t) => t.slug === 'keywords');
        assert.ok(keywords, 'the Keywords taxonomy is created for Ghost tags');
        const terms = (await store.taxonomies.listTerms()).filter((t) => t.taxonomyId === keywords.id);
        for (const tag of want.tags) assert.ok(terms.some((t) => t.name === tag.name), `tag ${tag.name}`);

        for (const post of want.posts) {
          const article = await store.articles.getBySlug(post.slug as Slug);
          assert.ok(article, `post ${post.slug}`);
          assert.equal(article.title, post.title);
          assert.equal(article.status, 'published');
          const redirect = await store.redirects.find(`/${post.slug}/`);
          assert.equal(redirect?.toPath, articlePath(article), `redirect from /${post.slug}/`);
        }

        const tables = async () => ({
          articles: (await store.articles.slugsStartingWith('')).length, comments: await store.comments.count(), redirects: await store.redirects.count(),
          terms: (await store.taxonomies.listTerms()).length, authors: (await store.authors.list()).length, members: await store.members.count(),
        });
        const before = await tables();
        const again = await importGhostFile(app.dateline, file, { quiet: true, sourceUrl: 'https://old.example' });
        assert.equal(again?.counts.articles, 0);
        assert.deepEqual(await tables(), before);
      });
    }

    test('with --download-media and the old sites unreachable, every feature image of the corpus is reported as kept at its address', { skip: dialect !== 'sqlite' }, async () => {
      for (const name of ['ghost-migrate/export-db-wrapped.json', 'ghost-migrate/export-flat.json', 'ghost-core/import-data-1.json']) {
        const file = path.join(corpus, name);
        const want = expected(file);
        const offline = createSafeFetcher({ resolver: async (host) => { throw Object.assign(new Error(`${host} not found`), { code: 'ENOTFOUND' }); } });
        const { dateline, dispose } = await freshDateline(dialect, { mediaFetcher: offline });
        try {
          const report = await importGhostFile(dateline, file, { quiet: true, sourceUrl: 'https://old.example', downloadMedia: true });
          assert.ok(report?.media, name);
          assert.equal(report.counts.articles, want.posts.length, name);
          assert.equal(report.media.downloaded, 0);
          const external = new Map(report.media.external.map((e) => [e.url, e.reason ?? '']));
          for (const url of want.featureImages) assert.match(external.get(url) ?? 'not reported', /^unreachable: /, `${name}: ${url}`);
        } finally {
          await dispose();
        }
      }
    });

    test('members: every one with a usable, not yet taken address arrives field by field; the rest are reported; a second run changes nothing', async () => {
      const app = await createTestApp(dialect, { demo: false });
      apps.push(app);
      const { store } = app.dateline;
      const file = fileURLToPath(new URL('../fixtures/ghost/members-export.json', import.meta.url));
      const data = JSON.parse(readFileSync(file, 'utf8')).db[0].data as {
        members: { id: string; email: string; name: string | null; note?: string | null; status: string; created_at: string; updated_at: string }[];
        labels: { id: string; name: string }[]; members_labels: { member_id: string; label_id: string; sort_order: number }[]; members_newsletters: { member_id: string }[];
      };
      // Expected from the file itself: a plausible address, first of its spelling ignoring case.
      const seen = new Set<string>();
      const kept = data.members.filter((m) => {
        const key = m.email.trim().toLowerCase();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(key) || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      assert.equal(kept.length, 4);
      const report = await importGhostFile(app.dateline, file, { quiet: true });
      assert.ok(report);
      assert.equal(report.counts.members, kept.length);
      assert.equal(report.counts.skipped, data.members.length - kept.length);
      assert.equal(await store.members.count(), kept.length);
      const reasons = (await store.imports.listItems(report.runId, 'skipped')).map((i) => [i.originKey, i.reason]);
      assert.deepEqual(reasons.map(([key]) => key).sort(), ['ghost:member:m4', 'ghost:member:m5']);
      for (const m of kept) {
        const stored = await store.members.getByEmail(m.email.toUpperCase());
        assert.ok(stored, m.email);
        assert.equal(stored.email, m.email);
        assert.equal(stored.name, m.name);
        assert.equal(stored.note, m.note ?? null);
        assert.equal(stored.status, m.status);
        assert.equal(stored.createdAt, m.created_at);
        assert.equal(stored.updatedAt, m.updated_at);
        assert.equal(stored.subscribed, data.members_newsletters.some((n) => n.member_id === m.id));
        const labels = data.members_labels.filter((l) => l.member_id === m.id).sort((a, b) => a.sort_order - b.sort_order)
          .map((l) => data.labels.find((x) => x.id === l.label_id)!.name);
        assert.deepEqual(stored.labels, labels);
        assert.equal(stored.originKey, `ghost:member:${m.id}`);
      }
      const before = await store.members.list({ offset: 0, limit: 100 });
      const again = await importGhostFile(app.dateline, file, { quiet: true });
      assert.equal(again?.counts.members, 0);
      assert.deepEqual(await store.members.list({ offset: 0, limit: 100 }), before);
    });

    test('the wrapped export, field by field: HTML body, Lexical-only body, feature image, authors and tags', async () => {
      const app = await createTestApp(dialect, { demo: false });
      apps.push(app);
      const { store } = app.dateline;
      await importGhostFile(app.dateline, path.join(corpus, 'ghost-migrate/export-db-wrapped.json'), { quiet: true, sourceUrl: 'https://old.example' });
      const first = (await store.articles.getBySlug('post-1' as Slug))!;
      assert.match(first.bodyHtml, /<p>Hello world<\/p>/);
      assert.match(first.bodyHtml, /photo-1\.jpg/);
      assert.equal(first.featureImage?.url, 'https://example.com/images/feature-1.jpg');
      assert.equal(first.publishedAt, '2025-01-01T00:00:00.000Z');
      const authors = await store.authors.list();
      assert.deepEqual(first.authorIds.map((id) => authors.find((a) => a.id === id)?.name), ['Alice Johnson']);
      const terms = await store.taxonomies.listTerms();
      assert.deepEqual(first.termIds.map((id) => terms.find((t) => t.id === id)?.name), ['News']);
      const lexical = (await store.articles.getBySlug('post-3-lexical' as Slug))!;
      assert.match(lexical.bodyHtml, /<img[^>]+src="https:\/\/example\.com\/images\/lexical-image\.jpg"/);
    });
  });
}
