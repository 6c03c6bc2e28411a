import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickTitle, withoutSiteName } from './title.js';

describe('withoutSiteName', () => {
  it('cuts the site name and what follows it, or a leading site name', () => {
    assert.equal(withoutSiteName('Bridge reopens | Valley Courier - News for the valley', 'Valley Courier'), 'Bridge reopens');
    assert.equal(withoutSiteName('Valley Courier: Bridge reopens', 'Valley Courier'), 'Bridge reopens');
    assert.equal(withoutSiteName('大桥重新开放-山谷日报', '山谷日报'), '大桥重新开放');
  });

  it('leaves a title whose separators do not lead to the site name', () => {
    assert.equal(withoutSiteName('Bridge reopens - traffic returns', 'Valley Courier'), 'Bridge reopens - traffic returns');
    assert.equal(withoutSiteName('Bridge reopens | Valley Courier', null), 'Bridge reopens | Valley Courier');
  });
});

describe('pickTitle', () => {
  const base = { metadataTitle: null, readabilityTitle: null, documentTitle: null, headings: [], siteName: null };

  it('prefers the page heading when the metadata title contains it', () => {
    assert.equal(pickTitle({ ...base, metadataTitle: 'Local news: Bridge reopens after repairs – Courier', headings: ['Courier', 'Bridge reopens after repairs'] }), 'Bridge reopens after repairs');
  });

  it('falls back from metadata to Readability to <title>, then to the heading', () => {
    assert.equal(pickTitle({ ...base, readabilityTitle: 'Bridge reopens', documentTitle: 'Other' }), 'Bridge reopens');
    assert.equal(pickTitle({ ...base, documentTitle: 'Bridge reopens | Courier', siteName: 'Courier' }), 'Bridge reopens');
    assert.equal(pickTitle({ ...base, headings: ['Bridge reopens'] }), 'Bridge reopens');
    assert.equal(pickTitle(base), null);
  });
});
