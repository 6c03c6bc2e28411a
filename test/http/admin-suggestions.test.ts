import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { ImportDraft } from '../../src/app/import-service.js';
import type { ArticleId } from '../../src/domain/ids.js';
import { fieldsOf } from '../../src/http/admin/article-fields.js';
import { flattenedToDraft } from '../../src/ingest/text/flattened-to-draft.js';
import { parseFlattenedArticle } from '../../src/ingest/text/parse-flattened-article.js';
import { MarkdownBodyRenderer } from '../../src/render/markdown-body-renderer.js';
import type { Suggestions } from '../../src/render/admin/suggestions-panel.js';
import { AdminClient, createStaff } from '../support/admin-client.js';
import { createTestApp, type TestApp } from '../support/app.js';

const seedUrl = new URL('../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url);

const paragraphs = [
  'Shipping through the northern strait resumed on Thursday after a three-day closure caused by ice, the port authority said, and the first convoy of twelve vessels left at dawn.',
  'The authority said icebreakers would escort ships in groups of six until the end of the month, and that pilots would be required for every vessel over ten thousand tonnes.',
  'Insurers had raised premiums for the route last week, and two container lines said they would send ships around the southern cape until conditions were clearer.',
];
const wire = (title: string, publisher: string, body: string): ImportDraft => ({
  title, authors: [], publishedAt: '2026-11-20', body, bodyFormat: 'markdown', terms: [],
  original: { publisher, url: null, publishedAt: null }, copyrightLine: null,
});

/** The editor section of a page: from the Suggestions heading to the end of its section. */
const suggestionsOf = (page: string) => /<section class="suggestions"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';

describe('suggestions in the back office over HTTP on sqlite', () => {
  let t: TestApp;
  let seedId: ArticleId;
  let editor: AdminClient;

  before(async () => {
    t = await createTestApp('sqlite', { demo: true });
    await createStaff(t.dateline, 'editor');
    editor = new AdminClient(t.server);
    await editor.signIn('editor@news.example');
    // The seed comes with its editors' terms; without them, they are what the panel should suggest.
    const seed = flattenedToDraft(parseFlattenedArticle(readFileSync(seedUrl, 'utf8'), { taxonomyLabels: ['Region', 'Theme'] }));
    const imported = await t.dateline.services.importer.importDraft({ ...seed, terms: [] }, { publish: false, origin: 'feed' });
    seedId = imported.article!.id;
  });
  after(async () => t?.dispose());

  it('offers the seed\'s region and theme with their evidence marked, and adds one with a click', async () => {
    const page = await editor.get(`/admin/articles/${seedId}/edit`);
    assert.equal(page.statusCode, 200);
    const panel = suggestionsOf(page.body);
    assert.match(panel, /<h2 id="suggestions-heading">Suggestions<\/h2>/);
    assert.match(panel, /Russia and FSU/);
    assert.match(panel, /Militarization and WMD/);
    assert.match(panel, /<mark>[^<]+<\/mark>/);
    assert.match(panel, /\(\d{1,3}%\)/);

    const index = await t.dateline.services.taxonomies.index();
    const theme = index.termBySlug(index.taxonomyBySlug('theme')!.id, 'militarization-and-wmd')!;
    assert.match(panel, new RegExp(`<button type="submit" name="addTerm" value="${theme.id}" aria-label="Add Theme “Militarization and WMD”">Add</button>`));

    // The click posts the whole form, as the browser would, with the button's name and value.
    const article = (await t.dateline.store.articles.getById(seedId))!;
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const res = await editor.post(`/admin/articles/${seedId}`, { ...fieldsOf(article), version, addTerm: theme.id });
    assert.equal(res.statusCode, 303, res.body);
    assert.ok((await t.dateline.store.articles.getById(seedId))!.termIds.includes(theme.id), 'the article carries the theme');

    const again = suggestionsOf((await editor.get(`/admin/articles/${seedId}/edit`)).body);
    assert.doesNotMatch(again, /Militarization and WMD/, 'a term the article carries is not suggested again');
    assert.match(again, /Russia and FSU/);
  });

  it('shows "also from" for the second copy of a story, in the inbox and in the editor', async () => {
    const { importer } = t.dateline.services;
    const first = await importer.importDraft(wire('Strait reopens to shipping', 'Agency One', paragraphs.join('\n\n')), { publish: false, origin: 'feed' });
    const changed = [...paragraphs];
    changed[2] = 'Insurers had raised premiums for the route last week, and three container lines, not two as first reported, said they would send ships around the cape.';
    const second = await importer.importDraft(wire('Ice closure ends in northern strait', 'Agency Two', changed.join('\n\n')), { publish: false, origin: 'feed' });
    assert.equal(second.status, 'imported');
    // "Also from" comes from the fingerprints stored at import; the suggested terms need the analysis worker.
    const before = await editor.get('/admin/inbox/');
    assert.match(before.body, new RegExp(`also from <a href="/admin/articles/${first.article!.id}/edit">Agency One</a>`));
    assert.match(before.body, /Suggestions after analysis \(queued\)/);
    await t.dateline.services.analysisWorker.drain();

    const inbox = await editor.get('/admin/inbox/');
    assert.equal(inbox.statusCode, 200);
    const row = (id: ArticleId) => new RegExp(`<tr>\\s*<td><a href="/admin/articles/${id}/edit">[\\s\\S]*?</tr>`).exec(inbox.body)?.[0] ?? '';
    assert.match(row(second.article!.id), new RegExp(`also from <a href="/admin/articles/${first.article!.id}/edit">Agency One</a>`));
    assert.match(row(first.article!.id), /also from <a [^>]+>Agency Two<\/a>/);
    assert.doesNotMatch(row(seedId), /also from/);
    assert.match(row(seedId), /Suggested: Russia and FSU/);

    const panel = suggestionsOf((await editor.get(`/admin/articles/${second.article!.id}/edit`)).body);
    assert.match(panel, new RegExp(`<h3>Also from</h3>[\\s\\S]*<a href="/admin/articles/${first.article!.id}/edit">Strait reopens to shipping</a> \\(Agency One\\)`));
  });

  it('suggests regions, themes, places and people for text not saved yet (POST /admin/api/suggestions)', async () => {
    const seed = flattenedToDraft(parseFlattenedArticle(readFileSync(seedUrl, 'utf8'), { taxonomyLabels: ['Region', 'Theme'] }));
    const html = new MarkdownBodyRenderer().toSafeHtml(seed.body, seed.bodyFormat);
    const index = await t.dateline.services.taxonomies.index();
    const russia = index.termBySlug(index.taxonomyBySlug('region')!.id, 'russia-and-fsu')!;
    const before = await t.dateline.store.articles.listInbox('pending', { offset: 0, limit: 100 });

    const res = await editor.api('POST', '/admin/api/suggestions', { title: seed.title, body: html, termIds: [] });
    assert.equal(res.statusCode, 200, res.body);
    const { suggestions } = res.json() as { suggestions: Suggestions };
    const names = suggestions.terms.map((s) => s.name);
    assert.ok(names.includes('Russia and FSU') && names.includes('Militarization and WMD'), names.join(', '));
    assert.ok(suggestions.terms.every((s) => s.evidence.length > 0 && s.percent > 0));
    for (const code of ['RU', 'US', 'PL', 'CZ', 'IR', 'JP']) assert.ok(suggestions.places.some((p) => p.code === code), code);
    assert.ok(suggestions.people.some((p) => /Putin/.test(p)), suggestions.people.join(', '));
    assert.ok(suggestions.alsoFrom.some((d) => d.articleId === seedId), 'the stored copy of the story is named');

    const ticked = await editor.api('POST', '/admin/api/suggestions', { title: seed.title, body: html, termIds: [russia.id] });
    assert.ok(!(ticked.json() as { suggestions: Suggestions }).suggestions.terms.some((s) => s.termId === russia.id), 'a ticked term is not suggested');
    assert.deepEqual(await t.dateline.store.articles.listInbox('pending', { offset: 0, limit: 100 }), before, 'nothing is stored');

    assert.equal((await editor.api('POST', '/admin/api/suggestions', { title: seed.title, body: html }, { csrf: false })).statusCode, 403);
    const anonymous = await t.server.inject({ method: 'POST', url: '/admin/api/suggestions', payload: { title: seed.title, body: html } });
    assert.equal(anonymous.statusCode, 403, 'without a session there is no token to send');
    assert.ok(!anonymous.body.includes('Russia'));
    assert.equal((await editor.api('POST', '/admin/api/suggestions', { title: 5 })).statusCode, 400);
  });

  it('the new-article page has the panel the script fills in', async () => {
    const page = await editor.get('/admin/articles/new');
    assert.match(page.body, /<div id="live-suggestions" aria-live="polite"><\/div>/);
  });

  it('shows the page without suggestions when the analysis fails', async () => {
    const { analysis } = t.dateline.services;
    const original = analysis.analyseArticle;
    // A fault injected into the real service: the analyser breaking must not break the editor.
    analysis.analyseArticle = () => Promise.reject(new Error('analyser down'));
    try {
      const page = await editor.get(`/admin/articles/${seedId}/edit`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /id="article-form"/);
      assert.equal(suggestionsOf(page.body), '');
      assert.equal((await editor.get('/admin/inbox/')).statusCode, 200);
    } finally {
      analysis.analyseArticle = original;
    }
  });
});
