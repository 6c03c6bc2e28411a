// Every file of ../shared/corpus/feeds/ and ../shared/corpus/iptc/ — feeds, ninjs, NewsML-G2 and
// NITF XML, JSON Schemas, READMEs: whatever is there — goes the way `dateline import` sends a file:
// readDocument, then importDraft into the editorial inbox of one fresh SQLite site. Each file
// either yields at least one stored article (or the same story already stored), or is refused:
// with an AppError that names the file, or — readDocument's other way of saying no — with no
// drafts and the problems that explain why. Nothing else may be thrown, and afterwards the inbox
// holds exactly the articles the imports reported.
//
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ImportOutcome } from '../../src/app/import-service.js';
import { isAppError } from '../../src/domain/errors.js';
import { readDocument, type DocumentKind } from '../../src/ingest/read-document.js';
import { createTestApp, type TestApp } from '../support/app.js';

const corpusRoot = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const corpusDirs = ['feeds', 'iptc'].map((name) => path.join(corpusRoot, name));
const missing = corpusDirs.every(existsSync) ? false : `corpus not found at ${corpusDirs.join(' and ')}; it lives in the shared directory next to the repository`;
const taxonomyLabels = ['Region', 'Theme'];

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = missing ? [] : corpusDirs.flatMap(walk);

interface FileOutcome {
  file: string;
  kind: DocumentKind | null;
  /** 'imported': at least one article stored or found already stored; 'refused': an AppError naming the file; 'nothing': no drafts, problems say why. */
  result: 'imported' | 'refused' | 'nothing';
  problems: string[];
  /** Title of the first article stored. */
  title: string | null;
  ms: number;
  drafts: number;
  outcomes: ImportOutcome['status'][];
  /** Drafts the importer turned down with an AppError (the file's other drafts still count). */
  draftErrors: string[];
  refusal: string | null;
}

describe('importing every file of the feed and IPTC corpora', { skip: missing, timeout: 900_000 }, () => {
  let app: TestApp;
  const outcomes: FileOutcome[] = [];

  before(async () => {
    app = await createTestApp('sqlite', { demo: false });
  });
  after(async () => app?.dispose());

  for (const file of files) {
    const name = path.relative(corpusRoot, file);
    test(name, async () => {
      const bytes = readFileSync(file);
      const started = performance.now();
      let read: ReturnType<typeof readDocument>;
      try {
        read = readDocument({ bytes, name: file, taxonomyLabels });
      } catch (error) {
        assert.ok(isAppError(error), `${name}: readDocument threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}, not an AppError`);
        assert.ok(error.message.includes(file), `${name}: the refusal does not name the file: "${error.message}"`);
        outcomes.push({
          file: name, kind: null, result: 'refused', drafts: 0, outcomes: [], draftErrors: [], refusal: `${error.code}: ${error.message.replace(file, name)}`,
          problems: [], title: null, ms: performance.now() - started,
        });
        return;
      }
      const outcome: FileOutcome = {
        file: name, kind: read.kind, result: 'imported', drafts: read.drafts.length, outcomes: [], draftErrors: [], refusal: null,
        problems: read.problems, title: null, ms: 0,
      };
      outcomes.push(outcome);
      for (const [index, draft] of read.drafts.entries()) {
        try {
          const imported = await app.dateline.services.importer.importDraft(draft, { publish: false, origin: 'import' });
          outcome.outcomes.push(imported.status);
          outcome.title ??= imported.article?.title ?? null;
          if (imported.status === 'imported') {
            const article = await app.dateline.store.articles.getBySlug(imported.article!.slug);
            assert.ok(article, `${name} draft ${index + 1}: reported imported as ${imported.article!.slug}, but not stored`);
            assert.equal(article.status, 'draft', `${name} draft ${index + 1}: an inbox item must not be published`);
            assert.equal(article.inboxState, 'pending');
            assert.equal(article.origin, 'import');
          }
        } catch (error) {
          if (error instanceof assert.AssertionError) throw error;
          assert.ok(isAppError(error), `${name} draft ${index + 1} ("${draft.title.slice(0, 60)}"): importDraft threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}, not an AppError`);
          outcome.draftErrors.push(`${error.code}: ${error.message}`);
        }
      }
      outcome.ms = performance.now() - started;
      const stored = outcome.outcomes.filter((status) => status === 'imported' || status === 'already-imported').length;
      if (stored > 0) return;
      outcome.result = 'nothing';
      // No article and no AppError: then the document itself must have said why (checked below, over all files).
      if (read.drafts.length > 0) assert.fail(`${name}: ${read.drafts.length} drafts, none stored; errors: ${outcome.draftErrors.slice(0, 3).join('; ')}`);
    });
  }

  test('the inbox holds exactly what the imports reported, and nothing was published', async (t) => {
    assert.ok(files.length > 300, `expected the whole corpus, found ${files.length} files`);
    assert.equal(outcomes.length, files.length, 'every file was checked');
    const imported = outcomes.reduce((n, o) => n + o.outcomes.filter((status) => status === 'imported').length, 0);
    const already = outcomes.reduce((n, o) => n + o.outcomes.filter((status) => status === 'already-imported').length, 0);
    const { store, clock } = app.dateline;
    assert.equal(await store.articles.countInbox('pending'), imported, 'pending inbox items');
    assert.equal(await store.articles.countVisible({ now: clock.now() }), 0, 'published articles');
    const count = (list: string[]) => [...list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].map(([k, n]) => `${n} ${k}`).join(', ');
    const importedFiles = outcomes.filter((o) => o.result === 'imported');
    const refused = outcomes.filter((o) => o.result === 'refused');
    const nothing = outcomes.filter((o) => o.result === 'nothing');
    const draftErrors = outcomes.flatMap((o) => o.draftErrors.map((e) => `${o.file}: ${e}`));
    t.diagnostic(`${files.length} files: ${importedFiles.length} imported (${count(importedFiles.map((o) => o.kind!))}); `
      + `${refused.length} refused with an AppError (${count(refused.map((o) => o.refusal!.split(':')[0]!))}); `
      + `${nothing.length} read without drafts (${count(nothing.map((o) => o.kind!))}); `
      + `${imported} articles in the inbox, ${already} drafts already imported, ${draftErrors.length} drafts turned down`);
    const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 3);
    t.diagnostic(`slowest: ${slowest.map((o) => `${o.file} ${(o.ms / 1000).toFixed(1)} s`).join(', ')}`);
  });

  test('every file that yields no article says why', () => {
    const silent = outcomes.filter((o) => o.result === 'nothing' && o.problems.length === 0).map((o) => `${o.file} (${o.kind})`);
    assert.deepEqual(silent, []);
  });

  test('files that are not text pages (XML, binary) are not imported as flattened text pages', () => {
    const wrong = outcomes.filter((o) => o.kind === 'flattened-text' && !/\.(txt|md|markdown)$/i.test(o.file)).map((o) => `${o.file}: ${JSON.stringify((o.title ?? '').slice(0, 50))}`);
    assert.deepEqual(wrong, []);
  });

  // excerptFromText once counted the graphemes of a whole body, and Intl.Segmenter is quadratic on long strings in Node 20: minutes for one file.
  test('every file is read and imported within 10 s', () => {
    const slow = outcomes.filter((o) => o.ms > 10_000).map((o) => `${o.file}: ${(o.ms / 1000).toFixed(1)} s`);
    assert.deepEqual(slow, []);
  });
});
