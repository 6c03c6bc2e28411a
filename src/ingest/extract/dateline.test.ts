import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDateline } from './dateline.js';

describe('findDateline', () => {
  it('reads place, date and agency', () => {
    assert.deepEqual(findDateline('MOSCOW, April 6 (RIA Novosti) - The ministry said on Monday...'), { text: 'MOSCOW, April 6 (RIA Novosti) -', agency: 'RIA Novosti' });
    assert.deepEqual(findDateline('NEW YORK — Stocks rose on Friday.'), { text: 'NEW YORK —', agency: null });
    assert.deepEqual(findDateline('LONDON, Nov 19 (Reuters) - Britain said...'), { text: 'LONDON, Nov 19 (Reuters) -', agency: 'Reuters' });
  });

  it('does not take a label or an ordinary sentence for a dateline', () => {
    assert.equal(findDateline('UPDATE - The road has reopened.'), null);
    assert.equal(findDateline('The council met on Monday - and agreed.'), null);
    assert.equal(findDateline('TV - a short history'), null);
  });
});
