import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanAuthors, isBylineText, splitByline } from './authors.js';

describe('splitByline', () => {
  it('drops "By", roles and the date, and splits on "and" and commas', () => {
    assert.deepEqual(splitByline('By Jane Roe and John Doe, Staff Writers | May 2, 2024'), ['Jane Roe', 'John Doe']);
    assert.deepEqual(splitByline('By Justine Coleman - 11/18/19 11:04 PM EST'), ['Justine Coleman']);
    assert.deepEqual(splitByline('Von Max Muster und Erika Musterfrau'), ['Max Muster', 'Erika Musterfrau']);
  });

  it('drops e-mail addresses, handles and affiliations', () => {
    assert.deepEqual(splitByline('By Jane Roe jane.roe@example.org @janeroe'), ['Jane Roe']);
    assert.deepEqual(splitByline('Jane Roe for Example News'), ['Jane Roe']);
  });

  it('keeps names that begin like a weekday, a month or a particle', () => {
    assert.deepEqual(splitByline('By Monica Sunderland'), ['Monica Sunderland']);
    assert.deepEqual(splitByline('By Aaron Ong'), ['Aaron Ong']);
    assert.deepEqual(splitByline('By Ana de la Torre'), ['Ana de la Torre']);
  });

  it('returns nothing for a label without a name', () => {
    assert.deepEqual(splitByline('By'), []);
    assert.deepEqual(splitByline('Show all articles'), []);
  });
});

describe('cleanAuthors', () => {
  it('merges bylines without repeating a name', () => {
    assert.deepEqual(cleanAuthors(['By Jane Roe', 'Jane Roe and John Doe']), ['Jane Roe', 'John Doe']);
  });
});

describe('isBylineText', () => {
  it('tells a byline from a sentence that starts with "By"', () => {
    assert.equal(isBylineText('By Jane Roe, Correspondent'), true);
    assert.equal(isBylineText('By Sunday most of the snow had melted from the hills.'), false);
  });
});
