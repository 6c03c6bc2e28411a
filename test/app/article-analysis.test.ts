import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ArticleAnalysis } from '../../src/app/article-analysis.js';
import { runCli } from '../support/server.js';
import { createTestApp } from '../support/app.js';

const seed = fileURLToPath(new URL('../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
after(async () => { for (const c of cleanups) await c(); });

function checkSeed(a: ArticleAnalysis): void {
  assert.equal(a.regions[0]?.name, 'Russia and FSU');
  assert.equal(a.themes[0]?.name, 'Militarization and WMD');
  assert.equal(a.countries[0]?.code, 'RU');
  for (const code of ['RU', 'US', 'PL', 'CZ', 'IR', 'JP']) assert.ok(a.countries.some((c) => c.code === code), code);
  const speakers = new Set(a.quotes.map((q) => q.speaker));
  for (const name of ['Vladimir Putin', 'George W. Bush', 'a Kremlin source']) assert.ok(speakers.has(name), name);
  assert.ok(a.quotes.some((q) => q.speaker === 'a Kremlin source' && q.anonymous));
  assert.ok(a.people.some((p) => p.name === 'Dmitry Medvedev'));
}

test('dateline analyze FILE --format json: the seed is Russia, Militarization and WMD, with its places and speakers', async () => {
  const result = await runCli(['analyze', seed, '--format', 'json'], { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'dateline-analyze-')) });
  assert.equal(result.code, 0, result.stderr);
  const analysis = JSON.parse(result.stdout) as ArticleAnalysis;
  assert.deepEqual(Object.keys(analysis).sort(), ['countries', 'duplicates', 'organisations', 'people', 'quotes', 'regions', 'themes']);
  checkSeed(analysis);
  // Evidence spans point at the text they name.
  for (const c of analysis.countries) for (const e of c.evidence) assert.ok(e.end > e.start, JSON.stringify(e));
});

test('a stored article: the same suggestions, and another copy of the story from a second source is found as a duplicate', async () => {
  const app = await createTestApp('sqlite', { demo: false });
  cleanups.push(() => app.dispose());
  const { importer, analysis } = app.dateline.services;
  const text = readFileSync(seed, 'utf8');
  const body = text.split('\n').filter((l) => l.length > 120).join('\n\n');
  const first = await importer.importDraft({ title: 'Putin and Bush end farewell summit', authors: [], publishedAt: '2008-04-06', body, bodyFormat: 'markdown', terms: [], original: { publisher: 'RIA Novosti', url: null, publishedAt: null }, copyrightLine: null });
  const edited = `${body}\n\nThe talks lasted three hours, officials said.`;
  const second = await importer.importDraft({ title: 'Summit in Sochi ends', authors: [], publishedAt: '2008-04-06', body: edited, bodyFormat: 'markdown', terms: [], original: { publisher: 'Other Agency', url: null, publishedAt: null }, copyrightLine: null });
  assert.equal(first.status, 'imported');
  assert.equal(second.status, 'imported');
  const result = await analysis.analyseArticle(second.article!.id);
  assert.equal(result.regions[0]?.name, 'Russia and FSU');
  assert.deepEqual(result.duplicates.map((d) => d.title), ['Putin and Bush end farewell summit']);
});

test('dateline analyze --pending analyses what an import queued, once', async () => {
  const env = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'dateline-pending-')), DEMO_CONTENT: '0' };
  const imported = await runCli(['import', '--inbox', seed], env);
  assert.equal(imported.code, 0, imported.stderr);
  const first = await runCli(['analyze', '--pending', '--format', 'json'], env);
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(JSON.parse(first.stdout), { analysed: 1, retried: 0, superseded: 0, failed: [], waiting: 0, givenUp: 0 });
  const again = await runCli(['analyze', '--pending'], env);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^Analysed 0 article\(s\); 0 waiting, 0 given up\./);
});
