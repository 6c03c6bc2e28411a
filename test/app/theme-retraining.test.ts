import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ThemeRetrainer } from '../../src/app/theme-retrainer.js';
import { inlineThemeTrainer, ThemeSuggestionService } from '../../src/app/theme-suggestion-service.js';
import { MarkdownBodyRenderer } from '../../src/render/markdown-body-renderer.js';
import { serialiseThemeModel, type TrainingExample } from '../../src/intelligence/themes/index.js';
import { workerThreadThemeTrainer } from '../../src/workers/worker-thread-theme-trainer.js';
import { readReutersArticles } from '../../bench/reuters-articles.js';
import type { TermId } from '../../src/domain/ids.js';
import { createTestApp, type TestApp } from '../support/app.js';

const reuters = readReutersArticles().filter((a) => a.body && a.topics.length);
const examples = (n: number): TrainingExample[] => reuters.slice(0, n).map((a) => ({ text: `${a.title}\n\n${a.body}`, labels: a.topics }));

describe('theme model training off the event loop', () => {
  let t: TestApp;
  before(async () => { t = await createTestApp('sqlite', { demo: false }); });
  after(async () => t?.dispose());

  it('the worker thread trains the same model as training inline', async () => {
    const set = examples(150);
    const [threaded, inline] = await Promise.all([workerThreadThemeTrainer.train(set), inlineThemeTrainer.train(set)]);
    assert.ok(threaded.model.classes.length > 3);
    assert.equal(threaded.json, inline.json);
    assert.deepEqual(threaded.model, inline.model);
    assert.equal(serialiseThemeModel(threaded.model), threaded.json);
  });

  it('serves requests while a model trains in the worker thread', async () => {
    let trained = false;
    const training = workerThreadThemeTrainer.train(examples(1200)).then(() => { trained = true; });
    const servedDuringTraining: number[] = [];
    for (let i = 0; i < 20 && !trained; i++) {
      const res = await t.server.inject({ url: '/health' });
      if (!trained) servedDuringTraining.push(res.statusCode);
    }
    await training;
    assert.ok(servedDuringTraining.length >= 20, `only ${servedDuringTraining.length} requests were answered before the training ended`);
    assert.ok(servedDuringTraining.every((s) => s === 200));
  });

  it('a stopped training ends its thread and rejects', async () => {
    const abort = new AbortController();
    const training = workerThreadThemeTrainer.train(examples(1200), { signal: abort.signal });
    abort.abort();
    await assert.rejects(training, /stopped/);
  });

  it('retrains after tagging changes, once per burst, and every node suggests from the newest model', async () => {
    const { articles, themes, taxonomies } = t.dateline.services;
    const index = await taxonomies.index();
    const theme = index.taxonomyBySlug('theme')!;
    const [economy, conflict] = index.termsOf(theme.id);
    const retrainer = new ThemeRetrainer({ themes, clock: t.clock, options: { minIntervalMs: 0, quietMs: 3_600_000 } });
    // Another node on the same database, with its own compiled-model cache.
    const otherNode = new ThemeSuggestionService({ store: t.dateline.store, clock: t.clock, bodies: new MarkdownBodyRenderer(), taxonomies });
    const text = 'Harvest figures: grain exports and wheat prices rose as the crop came in.';
    const before = await otherNode.suggestForText('theme', text);

    assert.equal(await retrainer.runDue(), null, 'nothing changed, nothing to train');
    const tag = (termId: TermId, a: (typeof reuters)[number]) => articles.create({ title: a.title, body: a.body, bodyFormat: 'markdown', authorIds: [], termIds: [termId], status: 'published' });
    for (const a of reuters.filter((r) => r.topics.includes('grain')).slice(0, 25)) await tag(economy!.id, a);
    for (const a of reuters.filter((r) => r.topics.includes('acq')).slice(0, 25)) await tag(conflict!.id, a);
    // ArticleService tells the app's retrainer; this test drives its own over the same services.
    retrainer.noteTaggingChanged();
    const report = await retrainer.runDue();
    assert.equal(report?.examples, 50, JSON.stringify(report));
    assert.equal(await retrainer.runDue(), null, 'a burst of tagging trains once');
    assert.equal(await themes.trainedAt('theme'), t.clock.now());

    const after = await otherNode.suggestForText('theme', text);
    const score = (list: typeof before) => list.find((s) => s.termId === economy!.id)?.score ?? 0;
    assert.ok(score(after) > score(before), `the other node uses the new model (${score(before)} → ${score(after)})`);
  });

  it('a start retrains a model older than a day (articles tagged where no retrainer saw them)', async () => {
    const { themes } = t.dateline.services;
    const trained = await themes.trainedAt('theme');
    assert.ok(trained, 'the test before trained one');
    t.clock.set(new Date(Date.parse(trained) + 2 * 24 * 3600_000).toISOString());
    const retrainer = new ThemeRetrainer({ themes, clock: t.clock, options: { minIntervalMs: 0, quietMs: 3_600_000 } });
    retrainer.start();
    try {
      let report = null;
      for (let tries = 0; !report; tries++) {
        assert.ok(tries < 500, 'the stale model was never retrained');
        await new Promise((resolve) => setTimeout(resolve, 10));
        report = await retrainer.runDue();
      }
      assert.equal(await themes.trainedAt('theme'), t.clock.now());
    } finally {
      await retrainer.stop();
    }
  });

  it('the app notes a tagging change when a tagged article is published, not when an untagged draft is saved', async () => {
    const { articles, themeRetrainer } = t.dateline.services;
    let noted = 0;
    const original = themeRetrainer.noteTaggingChanged.bind(themeRetrainer);
    themeRetrainer.noteTaggingChanged = () => { noted += 1; original(); };
    try {
      const draft = await articles.create({ title: 'Draft', body: 'Words.', bodyFormat: 'markdown', authorIds: [], termIds: [] });
      assert.equal(noted, 0);
      const index = await t.dateline.services.taxonomies.index();
      const term = index.termsOf(index.taxonomyBySlug('theme')!.id)[0]!;
      await articles.revise(draft.id, { title: 'Draft', body: 'Words.', authorIds: [], termIds: [term.id], featureImage: null, syndication: null });
      assert.equal(noted, 0, 'a draft teaches the model nothing');
      await articles.publish(draft.id);
      assert.equal(noted, 1);
    } finally {
      themeRetrainer.noteTaggingChanged = original;
    }
  });
});
