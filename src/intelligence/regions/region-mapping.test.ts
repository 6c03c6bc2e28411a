import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renameRegionInMapping } from './region-mapping.js';

describe('renaming a Region term in the country table', () => {
  const mapping = { countries: { CA: ['canada'], US: ['usa'], MX: ['latin-america-and-caribbean', 'usa'] } };

  it('points every country of the old slug at the new one, once', () => {
    assert.deepEqual(renameRegionInMapping(mapping, 'canada', 'usa'), { countries: { CA: ['usa'], US: ['usa'], MX: ['latin-america-and-caribbean', 'usa'] } });
    assert.deepEqual(renameRegionInMapping(mapping, 'usa', 'north-america')?.countries.MX, ['latin-america-and-caribbean', 'north-america']);
  });

  it('is null when the table never names the slug', () => {
    assert.equal(renameRegionInMapping(mapping, 'oceania', 'pacific'), null);
  });
});
