import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadTaxonomyFile } from '../../src/config/taxonomy-file.js';
import { isAppError } from '../../src/domain/errors.js';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

for (const { dialect } of testDatabases) {
  describe(`managing taxonomies as data on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { demo: false });
    });
    after(async () => t?.dispose());

    it('adds a taxonomy with terms and serves its archive pages', async () => {
      const taxonomies = t.dateline.services.taxonomies;
      await taxonomies.addTaxonomy({ slug: 'programme', name: 'Programme', pluralName: 'Programmes' });
      await taxonomies.addTerm('programme', { name: 'Arms Control Monitor' });
      await taxonomies.addTerm('programme', { name: 'Treaty Watch', parentSlug: 'arms-control-monitor' });
      assert.equal((await t.server.inject('/programme/')).statusCode, 200);
      const child = await t.server.inject('/programme/treaty-watch/');
      assert.equal(child.statusCode, 200);
      assert.match(child.body, /Treaty Watch/);
      assert.match((await t.server.inject('/')).body, /href="\/programme\/"/, 'navigation lists the new taxonomy');
    });

    it('refuses reserved and duplicate slugs and cycles', async () => {
      const taxonomies = t.dateline.services.taxonomies;
      await assert.rejects(taxonomies.addTaxonomy({ slug: 'author', name: 'Author' }), (e: unknown) => isAppError(e, 'SLUG_TAKEN'));
      await assert.rejects(taxonomies.addTaxonomy({ slug: 'region', name: 'Region' }), (e: unknown) => isAppError(e, 'SLUG_TAKEN'));
      await assert.rejects(taxonomies.addTaxonomy({ slug: 'Bad Slug', name: 'X' }), (e: unknown) => isAppError(e, 'INVALID_INPUT'));
      await assert.rejects(taxonomies.addTerm('region', { name: 'Europe' }), (e: unknown) => isAppError(e, 'SLUG_TAKEN'));
      await assert.rejects(taxonomies.updateTerm('region', 'asia', { parentSlug: 'east-asia' }), (e: unknown) => isAppError(e, 'INVALID_INPUT'));
      await assert.rejects(taxonomies.addTerm('nope', { name: 'X' }), (e: unknown) => isAppError(e, 'TAXONOMY_NOT_FOUND'));
    });

    it('renames terms and taxonomies without changing their URLs', async () => {
      await t.server.inject('/region/russia-and-fsu/');
      await t.dateline.services.taxonomies.updateTerm('region', 'russia-and-fsu', { name: 'Russia and Eurasia' });
      await t.dateline.services.taxonomies.renameTaxonomy('theme', 'Topic', 'Topics');
      const res = await t.server.inject('/region/russia-and-fsu/');
      assert.match(res.body, /<h1 id="listing-title">Russia and Eurasia/);
      assert.match(res.body, /href="\/theme\/">Topics</);
    });
  });
}

describe('the taxonomy file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-tax-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a valid file and refuses an invalid one with the path in the message', () => {
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify([{ slug: 'desk', name: 'Desk', pluralName: 'Desks', terms: [{ name: 'Foreign', slug: 'foreign', children: [{ name: 'Europe desk', slug: 'europe-desk' }] }] }]));
    assert.equal(loadTaxonomyFile(good)[0]!.terms[0]!.children![0]!.slug, 'europe-desk');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ slug: 'Desk!', name: '', terms: [] }]));
    assert.throws(() => loadTaxonomyFile(bad), (e: unknown) => isAppError(e, 'CONFIG_INVALID') && e.message.includes(bad));
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '[{');
    assert.throws(() => loadTaxonomyFile(broken), (e: unknown) => isAppError(e, 'CONFIG_INVALID'));
  });
});
