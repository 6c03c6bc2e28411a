import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { featureCounts, themeTokens } from './theme-text.js';

describe('theme tokens', () => {
  it('stems content words, drops stop words and numbers, and keeps offsets into the text', () => {
    const text = 'The missiles were deployed in 2008 near the Czech border.';
    const tokens = themeTokens(text);
    assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), ['missiles', 'deployed', 'near', 'Czech', 'border']);
    assert.deepEqual(tokens.slice(0, 2).map((t) => t.stem), themeTokens('missile deploys').map((t) => t.stem), 'inflections share a stem');
  });

  it('makes phrases only of words next to each other', () => {
    const counts = featureCounts(themeTokens('Missile defence, missile-defence and missile of defence'), 3);
    assert.equal(counts.get('missil defenc')?.count, 2, 'space and hyphen join; a stop word in between does not');
    assert.equal(counts.get('defenc missil'), undefined, 'a comma breaks the phrase');
    assert.equal(counts.get('missil')?.count, 3);
    assert.deepEqual(counts.get('missil defenc')?.spans[1], { start: 17, end: 32 });
  });

  it('folds accents so écologie and ecologie are one word', () => {
    assert.deepEqual(themeTokens('écologie ecologie', 'fr').map((t) => t.stem), themeTokens('ecologie ecologie', 'fr').map((t) => t.stem));
  });
});
