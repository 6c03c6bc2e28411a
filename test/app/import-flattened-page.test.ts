import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { flattenedToDraft } from '../../src/ingest/text/flattened-to-draft.js';
import { parseFlattenedArticle } from '../../src/ingest/text/parse-flattened-article.js';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

const seedUrl = new URL('../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url);

for (const { dialect } of testDatabases) {
  describe(`importing the seed page on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { demo: false });
    });
    after(async () => t?.dispose());

    const draft = () => {
      const page = parseFlattenedArticle(readFileSync(seedUrl, 'utf8'), { taxonomyLabels: ['Region', 'Theme'] });
      return flattenedToDraft(page);
    };

    it('writes nothing on a dry run', async () => {
      const outcome = await t.dateline.services.importer.importDraft(draft(), { dryRun: true });
      assert.equal(outcome.status, 'would-import');
      assert.equal(await t.dateline.store.articles.getBySlug(outcome.article!.slug), null);
      assert.equal(await t.dateline.store.sources.findByName('RIA Novosti'), null);
    });

    it('stores the article with its author, terms, dates and attribution', async () => {
      const outcome = await t.dateline.services.importer.importDraft(draft());
      assert.equal(outcome.status, 'imported');
      const article = (await t.dateline.store.articles.getBySlug(outcome.article!.slug))!;
      assert.equal(article.title, 'Kremlin upbeat over Bush-Putin talks');
      assert.equal(article.status, 'published');
      assert.equal(article.publishedAt, '2008-04-06T12:00:00.000Z');
      const authors = await t.dateline.store.authors.getMany(article.authorIds);
      assert.deepEqual(authors.map((a) => a.name), ['Global Research']);
      const index = await t.dateline.services.taxonomies.index();
      assert.deepEqual(article.termIds.map((id) => index.term(id)?.slug).sort(), ['militarization-and-wmd', 'russia-and-fsu']);
      assert.equal(article.syndication?.originalPublisher, 'RIA Novosti');
      assert.equal(article.syndication?.originalPublishedAt, '2008-04-06T12:00:00.000Z');
      assert.match(article.syndication?.copyrightLine ?? '', /^Copyright ©/);
      assert.equal(article.syndication?.searchPolicy, 'noindex');
      const source = await t.dateline.store.sources.getById(article.syndication!.sourceId!);
      assert.equal(source?.name, 'RIA Novosti');
      assert.match(article.bodyHtml, /^<p>MOSCOW, April 6/);
      for (const furniture of ['Disclaimer', 'Become a Member', 'Articles by', 'cross-post', 'original source of this article']) {
        assert.ok(!article.bodyHtml.includes(furniture), `body has no "${furniture}"`);
      }
    });

    it('keeps one copy when the same page is imported again', async () => {
      const again = await t.dateline.services.importer.importDraft(draft());
      assert.equal(again.status, 'already-imported');
      assert.equal(await t.dateline.store.articles.countVisible({ now: t.clock.now() }), 1);
    });

    it('warns about a taxonomy the site lacks and creates missing terms in known ones', async () => {
      const outcome = await t.dateline.services.importer.importDraft({
        // Another headline over the same words is the same story (not stored twice), so the body differs too.
        ...draft(), title: 'A different story', body: `${draft().body}\n\nA paragraph only this story has.`,
        terms: [{ taxonomy: 'Mood', names: ['Upbeat'] }, { taxonomy: 'Region', names: ['Arctic'] }],
      });
      assert.equal(outcome.warnings.length, 1);
      assert.match(outcome.warnings[0]!, /Mood/);
      const index = await t.dateline.services.taxonomies.index();
      const arctic = index.terms.find((term) => term.name === 'Arctic');
      assert.ok(arctic);
      assert.equal(index.taxonomies.find((x) => x.id === arctic.taxonomyId)?.slug, 'region');
    });
  });
}
