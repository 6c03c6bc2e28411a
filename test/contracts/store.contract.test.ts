import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/app/system-clock.js';
import type { Store } from '../../src/app/ports.js';
import type { Author } from '../../src/domain/author.js';
import type { Source } from '../../src/domain/source.js';
import type { Taxonomy, Term } from '../../src/domain/taxonomy.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { testDatabases } from '../support/databases.js';
import { at, makeArticle, testId, type AuthorId, type Slug, type SourceId, type TaxonomyId, type TermId } from '../support/fixtures.js';

for (const testDb of testDatabases) {
  describe(`Store contract on ${testDb.dialect}`, () => {
    let db: Awaited<ReturnType<typeof testDb.open>>;
    let store: Store;
    const clock = fixedClock('2026-06-01T12:00:00Z');
    const now = at('2026-06-01T12:00:00Z');

    const taxonomy: Taxonomy = { id: testId() as TaxonomyId, slug: 'region' as Slug, name: 'Region', pluralName: 'Regions', description: null, position: 0 };
    const parent: Term = { id: testId() as TermId, taxonomyId: taxonomy.id, parentId: null, slug: 'asia' as Slug, name: 'Asia', description: null, position: 0 };
    const child: Term = { id: testId() as TermId, taxonomyId: taxonomy.id, parentId: parent.id, slug: 'east-asia' as Slug, name: 'East Asia', description: 'East', position: 1 };
    const author: Author = { id: testId() as AuthorId, slug: 'ana-writer' as Slug, name: 'Ana Writer', bio: 'Bio', url: null, avatarUrl: null, links: [] };
    const otherAuthor: Author = { id: testId() as AuthorId, slug: 'bo-writer' as Slug, name: 'Bo Writer', bio: null, url: 'https://example.org/bo', avatarUrl: null, links: [{ label: 'Blog', url: 'https://bo.example/blog' }] };
    const source: Source = {
      id: testId() as SourceId, slug: 'wire' as Slug, name: 'Wire Service', url: 'https://wire.example',
      defaultCopyrightLine: 'Copyright © Wire', defaultLicence: 'By agreement', defaultSearchPolicy: 'canonical-original',
    };

    before(async () => {
      db = await testDb.open();
      store = new KyselyStore(db.db, clock);
      await store.taxonomies.insertTaxonomy(taxonomy);
      await store.taxonomies.insertTerm(parent);
      await store.taxonomies.insertTerm(child);
      await store.authors.insert(author);
      await store.authors.insert(otherAuthor);
      await store.sources.insert(source);
    });
    after(async () => db?.dispose());

    it('stores an article with every field and reads it back unchanged', async () => {
      const article = makeArticle({
        title: 'Ünïcode — “quotes” & <angle>', standfirst: 'Stand', authorIds: [otherAuthor.id, author.id], termIds: [child.id, parent.id],
        featureImage: { url: '/media/a.jpg', alt: 'Alt', caption: 'Cap', credit: 'Credit' },
        syndication: {
          sourceId: source.id, originalPublisher: 'Wire Service', originalUrl: 'https://wire.example/a', originalAuthor: 'Orig',
          originalPublishedAt: at('2025-12-31T12:00:00Z'), copyrightHolder: 'Wire', copyrightLine: 'Copyright © Wire 2025',
          licence: 'Licence text', searchPolicy: 'canonical-original',
        },
      });
      await store.articles.insert(article);
      assert.deepEqual(await store.articles.getById(article.id), article);
      assert.deepEqual(await store.articles.getBySlug(article.slug), article);
    });

    it('keeps the order of authors and terms', async () => {
      const article = makeArticle({ authorIds: [otherAuthor.id, author.id], termIds: [child.id, parent.id] });
      await store.articles.insert(article);
      const read = await store.articles.getById(article.id);
      assert.deepEqual(read?.authorIds, [otherAuthor.id, author.id]);
      assert.deepEqual(read?.termIds, [child.id, parent.id]);
      await store.articles.update({ ...article, authorIds: [author.id], termIds: [] });
      const updated = await store.articles.getById(article.id);
      assert.deepEqual(updated?.authorIds, [author.id]);
      assert.deepEqual(updated?.termIds, []);
    });

    it('lists only visible articles, newest first, filtered by term, author and source', async () => {
      const own: Term = { ...child, id: testId() as TermId, slug: 'listing-only' as Slug, parentId: null };
      await store.taxonomies.insertTerm(own);
      const base = { termIds: [own.id], authorIds: [author.id] };
      const older = makeArticle({ ...base, slug: 'v-older' as Slug, publishedAt: at('2026-03-01T00:00:00Z') });
      const newer = makeArticle({ ...base, slug: 'v-newer' as Slug, publishedAt: at('2026-04-01T00:00:00Z'),
        syndication: { sourceId: source.id, originalPublisher: 'Wire', originalUrl: null, originalAuthor: null, originalPublishedAt: null, copyrightHolder: null, copyrightLine: null, licence: null, searchPolicy: 'noindex' } });
      const draft = makeArticle({ ...base, slug: 'v-draft' as Slug, status: 'draft' });
      const future = makeArticle({ ...base, slug: 'v-future' as Slug, status: 'scheduled', publishedAt: at('2027-01-01T00:00:00Z') });
      for (const a of [older, newer, draft, future]) await store.articles.insert(a);

      const byTerm = await store.articles.listVisible({ now, termIds: [own.id] }, { offset: 0, limit: 10 });
      assert.deepEqual(byTerm.map((a) => a.slug), ['v-newer', 'v-older']);
      assert.equal(await store.articles.countVisible({ now, termIds: [own.id] }), 2);
      await store.articles.update({ ...older, termIds: [own.id, child.id] });
      const inEither = await store.articles.countVisible({ now, termIds: [own.id, child.id] });
      assert.equal(inEither, (await store.articles.listVisible({ now, termIds: [own.id, child.id] }, { offset: 0, limit: 100 })).length, 'an article in both terms counts once');
      assert.equal(new Set((await store.articles.listVisible({ now, termIds: [own.id, child.id] }, { offset: 0, limit: 100 })).map((a) => a.id)).size, inEither);
      assert.deepEqual((await store.articles.listVisible({ now, termIds: [own.id] }, { offset: 1, limit: 1 })).map((a) => a.slug), ['v-older']);
      assert.equal(await store.articles.countVisible({ now, termIds: [] }), 0);
      const bySource = await store.articles.listVisible({ now, sourceId: source.id }, { offset: 0, limit: 100 });
      assert.equal(bySource[0]?.slug, 'v-newer');
      assert.ok(bySource.every((a) => a.syndication?.sourceId === source.id));
      assert.ok(!bySource.some((a) => a.slug === 'v-older'));
      const byAuthor = await store.articles.listVisible({ now, authorId: author.id }, { offset: 0, limit: 100 });
      assert.ok(byAuthor.every((a) => a.authorIds.includes(author.id) && a.status === 'published'));
      assert.ok(!byAuthor.some((a) => a.slug === 'v-draft' || a.slug === 'v-future'));
      assert.ok(byAuthor.every((a, i) => i === 0 || byAuthor[i - 1]!.publishedAt! >= a.publishedAt!), 'newest first');
    });

    it('finds scheduled articles that are due', async () => {
      const due = makeArticle({ slug: 'due-now' as Slug, status: 'scheduled', publishedAt: at('2026-05-31T00:00:00Z') });
      const later = makeArticle({ slug: 'due-later' as Slug, status: 'scheduled', publishedAt: at('2026-06-02T00:00:00Z') });
      await store.articles.insert(due);
      await store.articles.insert(later);
      const found = (await store.articles.findDueScheduled(now)).map((a) => a.slug);
      assert.ok(found.includes(due.slug));
      assert.ok(!found.includes(later.slug));
    });

    it('reports the slugs that begin with a prefix', async () => {
      await store.articles.insert(makeArticle({ slug: 'same' as Slug }));
      await store.articles.insert(makeArticle({ slug: 'same-2' as Slug }));
      await store.articles.insert(makeArticle({ slug: 'samey' as Slug }));
      await store.articles.insert(makeArticle({ slug: 'other-same' as Slug }));
      assert.deepEqual((await store.articles.slugsStartingWith('same')).sort(), ['same', 'same-2', 'samey']);
    });

    it('rejects a second article with the same slug', async () => {
      await store.articles.insert(makeArticle({ slug: 'unique-one' as Slug }));
      await assert.rejects(store.articles.insert(makeArticle({ slug: 'unique-one' as Slug })));
    });

    it('rolls a failed transaction back completely and skips its after-commit effects', async () => {
      let effects = 0;
      const a = makeArticle({ slug: 'tx-rolled-back' as Slug, authorIds: [author.id], termIds: [parent.id] });
      await assert.rejects(store.transaction(async (tx) => {
        await tx.articles.insert(a);
        tx.afterCommit(() => effects++);
        throw new Error('boom');
      }), /boom/);
      assert.equal(await store.articles.getById(a.id), null);
      assert.equal(effects, 0);
      await store.transaction(async (tx) => {
        await tx.transaction(async (inner) => {
          await inner.articles.insert(a);
          inner.afterCommit(() => effects++);
        });
        assert.equal(effects, 0, 'effects wait for the outermost commit');
      });
      assert.equal(effects, 1);
      assert.deepEqual((await store.articles.getById(a.id))?.termIds, [parent.id]);
    });

    it('deletes an article with its links', async () => {
      const a = makeArticle({ slug: 'to-delete' as Slug, authorIds: [author.id], termIds: [parent.id] });
      await store.articles.insert(a);
      await store.articles.delete(a.id);
      assert.equal(await store.articles.getById(a.id), null);
    });

    it('finds authors and sources by name regardless of case, and by slug', async () => {
      assert.equal((await store.authors.findByName('ana WRITER'))?.id, author.id);
      assert.equal(await store.authors.findByName('Nobody'), null);
      assert.deepEqual(await store.authors.getBySlug('bo-writer' as Slug), otherAuthor, 'profile fields (links, portrait) round-trip');
      assert.deepEqual((await store.authors.getMany([author.id, otherAuthor.id])).map((a) => a.id).sort(), [author.id, otherAuthor.id].sort());
      assert.deepEqual(await store.sources.findByName('wire service'), source);
      await store.sources.update({ ...source, defaultLicence: 'New terms' });
      assert.equal((await store.sources.getById(source.id))?.defaultLicence, 'New terms');
    });

    it('keeps taxonomies and term trees', async () => {
      const terms = await store.taxonomies.listTerms(taxonomy.id);
      assert.deepEqual(terms.find((t) => t.id === child.id), child);
      await store.taxonomies.updateTerm({ ...child, name: 'Eastern Asia' });
      assert.equal((await store.taxonomies.listTerms()).find((t) => t.id === child.id)?.name, 'Eastern Asia');
      assert.deepEqual((await store.taxonomies.listTaxonomies()).map((t) => t.slug), ['region']);
    });

    it('stores settings as JSON and overwrites them', async () => {
      assert.equal(await store.settings.get('missing'), undefined);
      await store.settings.put('site', { name: 'A', nested: { n: 1 } }, now);
      await store.settings.put('site', { name: 'B', nested: { n: 2 } }, now);
      assert.deepEqual(await store.settings.get('site'), { name: 'B', nested: { n: 2 } });
    });

    it('reports the newest update among published articles', async () => {
      await store.articles.insert(makeArticle({ slug: 'latest-update' as Slug, updatedAt: at('2026-05-30T00:00:00Z') }));
      assert.ok((await store.articles.latestUpdate())! >= at('2026-05-30T00:00:00Z'));
    });
  });
}
