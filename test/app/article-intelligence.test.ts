import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { ImportDraft } from '../../src/app/import-service.js';
import type { ArticleId } from '../../src/domain/ids.js';
import { parseThemeModel } from '../../src/intelligence/themes/index.js';
import { flattenedToDraft } from '../../src/ingest/text/flattened-to-draft.js';
import { parseFlattenedArticle } from '../../src/ingest/text/parse-flattened-article.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const seedUrl = new URL('../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url);

const paragraphs = [
  'Shipping through the northern strait resumed on Thursday after a three-day closure caused by ice, the port authority said, and the first convoy of twelve vessels left at dawn.',
  'The authority said icebreakers would escort ships in groups of six until the end of the month, and that pilots would be required for every vessel over ten thousand tonnes.',
  'Insurers had raised premiums for the route last week, and two container lines said they would send ships around the southern cape until conditions were clearer.',
  'Fishermen in the harbour town welcomed the reopening, saying the closure had cost them a week of catches at the height of the season.',
];
const draft = (title: string, publisher: string, body: string): ImportDraft => ({
  title, authors: [], publishedAt: '2026-11-20', body, bodyFormat: 'markdown', terms: [],
  original: { publisher, url: null, publishedAt: null }, copyrightLine: null,
});

for (const { dialect } of testDatabases) {
  describe(`article intelligence in the app on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { demo: true });
    });
    after(async () => t?.dispose());

    it('suggests Militarization and WMD for the seed before any model is trained, without applying it', async () => {
      const seed = flattenedToDraft(parseFlattenedArticle(readFileSync(seedUrl, 'utf8'), { taxonomyLabels: ['Region', 'Theme'] }));
      const [top] = await t.dateline.services.themes.suggestForText('theme', `${seed.title}\n\n${seed.body}`);
      assert.equal(top?.name, 'Militarization and WMD');
      assert.equal(top.autoApply, false);
      assert.ok(top.evidence.length > 0);
    });

    it('trains a model from the tagged demo articles, stores it and uses it', async () => {
      const report = await t.dateline.services.themes.retrain('theme');
      assert.ok(report.examples > 0 && report.labels > 0, JSON.stringify(report));
      const index = await t.dateline.services.taxonomies.index();
      const stored = await t.dateline.store.themeModels.get(index.taxonomyBySlug('theme')!.id);
      assert.equal(stored?.examples, report.examples);
      const model = parseThemeModel(stored!.model)!;
      assert.ok(model.classes.every((c) => index.term(c.label as never)?.taxonomyId === index.taxonomyBySlug('theme')!.id));
      const suggestions = await t.dateline.services.themes.suggestForText('theme', 'Missile defence and nuclear arms control talks', { minScore: 0 });
      assert.ok(suggestions.some((s) => s.parts.model !== null), 'the learned model takes part');
      assert.equal(await t.dateline.services.themes.retrainIfStale('theme'), null, 'a fresh model is not retrained');
    });

    it('clusters the same story from two agencies, skips an exact copy with its reason, and shows "also from" in the inbox', async () => {
      const { importer, duplicates } = t.dateline.services;
      const first = await importer.importDraft(draft('Strait reopens to shipping', 'Agency One', paragraphs.join('\n\n')), { publish: false, origin: 'feed' });
      assert.equal(first.status, 'imported');
      const corrected = [...paragraphs];
      corrected[2] = 'Insurers had raised premiums for the route last week, and three container lines, not two as first reported, said they would send ships around the cape.';
      const second = await importer.importDraft(draft('Ice closure ends in northern strait', 'Agency Two', corrected.join('\n\n')), { publish: false, origin: 'feed' });
      assert.equal(second.status, 'imported');
      assert.equal(second.cluster?.id, first.cluster?.id);
      assert.deepEqual(second.cluster?.nearDuplicates.map((d) => d.articleId), [first.article!.id]);

      const copy = await importer.importDraft(draft('STRAIT OPEN AGAIN', 'Agency Three', paragraphs.join('\n\n')), { publish: false, origin: 'feed' });
      assert.equal(copy.status, 'already-imported');
      assert.equal(copy.duplicateOf, 'same-body');
      assert.equal(copy.article?.id, first.article!.id);

      const unrelated = await importer.importDraft(draft('Harvest begins', 'Agency One', 'Farmers in the valley began the grape harvest two weeks early this year after a hot summer, growers said, and expect a smaller but sweeter crop than last year across the region.'), { publish: false, origin: 'feed' });
      assert.notEqual(unrelated.cluster?.id, first.cluster?.id);

      const inbox = await duplicates.listInbox('pending', { offset: 0, limit: 50 });
      const item = (id: ArticleId) => inbox.find((i) => i.article.id === id)!;
      assert.deepEqual(item(second.article!.id).alsoFrom.map((a) => a.source), ['Agency One']);
      assert.deepEqual(item(first.article!.id).alsoFrom.map((a) => a.source), ['Agency Two']);
      assert.deepEqual(item(unrelated.article!.id).alsoFrom, []);

      assert.deepEqual((await duplicates.findDuplicates(first.article!.id)).map((d) => d.articleId), [second.article!.id]);
      const byText = await duplicates.findDuplicates({ text: paragraphs.slice(0, 3).join('\n\n') });
      assert.deepEqual(byText.map((d) => d.articleId).sort(), [first.article!.id, second.article!.id].sort());
    });

    it('fingerprints articles stored before fingerprints existed', async () => {
      const fingerprinted = await t.dateline.services.duplicates.backfill(1000);
      assert.ok(fingerprinted >= 24, 'the demo articles were stored without going through import');
      assert.equal(await t.dateline.services.duplicates.backfill(1000), 0);
    });
  });
}
