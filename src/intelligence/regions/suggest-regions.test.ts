import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultTaxonomies } from '../../domain/default-taxonomies.js';
import { tagPlaces } from '../places/index.js';
import { defaultRegionTable, parseRegionMapping, regionTableFromSetting, suggestRegions } from './index.js';

const country = (code: string, weight: number) => ({ code, weight, evidence: [] });

describe('suggestRegions', () => {
  it('gives the seed article Russia and FSU as its top region', () => {
    const text = readFileSync(new URL('../../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url), 'utf8').trim();
    const firstBreak = text.indexOf('\n');
    const regions = suggestRegions(tagPlaces({ headline: text.slice(0, firstBreak), body: text.slice(firstBreak + 1) }), defaultRegionTable());
    assert.equal(regions[0]?.slug, 'russia-and-fsu');
    assert.ok(regions[0]?.evidence.some((e) => e.text === 'Kremlin'));
    assert.ok(!regions.some((r) => r.slug === 'middle-east-and-north-africa'), 'Iran is mentioned in passing');
  });

  it('keeps only regions whose best country weighs at least the given share of the top one', () => {
    const table = { countries: { RU: ['russia-and-fsu'], UA: ['russia-and-fsu'], FR: ['europe'], JP: ['east-asia'] } };
    const regions = suggestRegions([country('RU', 6), country('UA', 2), country('FR', 3.5), country('JP', 1)], table);
    assert.deepEqual(regions.map((r) => [r.slug, r.weight, r.countries]), [['russia-and-fsu', 8, ['RU', 'UA']], ['europe', 3.5, ['FR']]]);
    assert.deepEqual(suggestRegions([country('RU', 6), country('FR', 3.5)], table, 0.7).map((r) => r.slug), ['russia-and-fsu']);
    assert.deepEqual(suggestRegions([], table), []);
  });

  it('maps every country of the default table onto a default Region term', () => {
    const region = defaultTaxonomies.find((t) => t.slug === 'region');
    const slugs = new Set(region?.terms.flatMap((t) => [t.slug, ...(t.children ?? []).map((c) => c.slug)]));
    const table = defaultRegionTable();
    for (const [code, terms] of Object.entries(table.countries)) for (const slug of terms) assert.ok(slugs.has(slug), `${code} → ${slug}`);
    assert.deepEqual(['RU', 'UA', 'KZ', 'US', 'CA', 'BR', 'IR', 'EG', 'NG', 'IN', 'CN', 'VN', 'AU', 'PL'].map((c) => table.countries[c]?.[0]),
      ['russia-and-fsu', 'russia-and-fsu', 'russia-and-fsu', 'usa', 'canada', 'latin-america-and-caribbean', 'middle-east-and-north-africa',
        'middle-east-and-north-africa', 'sub-saharan-africa', 'south-asia', 'east-asia', 'southeast-asia', 'oceania', 'europe']);
  });

  it('reads a stored table, and falls back to the default when the stored one is malformed', () => {
    const stored = { countries: { PL: ['eastern-europe'] } };
    assert.deepEqual(parseRegionMapping(stored), stored);
    assert.equal(parseRegionMapping({ countries: { Poland: 'europe' } }), undefined);
    assert.equal(regionTableFromSetting(null), defaultRegionTable());
    assert.deepEqual(suggestRegions([country('PL', 2)], regionTableFromSetting(stored)).map((r) => r.slug), ['eastern-europe']);
  });
});
