import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadNinjsMappingFile } from '../../src/config/ninjs-mapping-file.js';
import { isAppError } from '../../src/domain/errors.js';
import { readDocument } from '../../src/ingest/read-document.js';

const item = {
  uri: 'urn:example:wire:1', type: 'text', headline: 'Harbour talks resume', versioncreated: '2026-06-01T08:00:00Z',
  body_html: '<p>Negotiators met again on the quay.</p>', language: 'en',
  subject: [{ name: 'Shipping', code: 'x-wire:ships', scheme: 'x-wire' }],
  place: [{ name: 'Estonia', code: 'EE' }],
};

describe('the ninjs mapping table', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-ninjs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('maps subjects and places through a site table instead of the built-in one', () => {
    const file = path.join(dir, 'mapping.json');
    writeFileSync(file, JSON.stringify([
      { match: { scheme: 'x-wire', code: 'ships' }, taxonomy: 'Theme', term: 'Maritime' },
      { match: { name: 'estonia' }, taxonomy: 'Region', term: 'Baltic States' },
    ]));
    const mapping = loadNinjsMappingFile(file);
    const read = readDocument({ bytes: Buffer.from(JSON.stringify(item)), name: 'item.json', taxonomyLabels: ['Region', 'Theme'], ninjsMapping: mapping });
    assert.equal(read.kind, 'ninjs');
    const terms = Object.fromEntries(read.drafts[0]!.terms.map((g) => [g.taxonomy, g.names]));
    assert.deepEqual(terms, { Theme: ['Maritime'], Region: ['Baltic States'] });
    const builtIn = readDocument({ bytes: Buffer.from(JSON.stringify(item)), name: 'item.json', taxonomyLabels: ['Region', 'Theme'] });
    assert.ok(!builtIn.drafts[0]!.terms.some((g) => g.names.includes('Maritime')));
  });

  it('refuses a malformed table with the file named', () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ match: {}, taxonomy: 'Theme' }]));
    assert.throws(() => loadNinjsMappingFile(file), (e: unknown) => isAppError(e, 'CONFIG_INVALID') && e.message.includes(file));
  });
});
