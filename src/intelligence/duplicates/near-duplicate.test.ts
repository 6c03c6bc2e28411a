import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidateProbability, decodeSignature, encodeSignature, fingerprintText, sharesCandidateKey, similarity } from './index.js';

const paragraphs = [
  'The central bank raised its main interest rate by half a point on Tuesday, the third rise this year, citing inflation that has stayed above its target for eighteen months.',
  'Governor Anna Keller told reporters the bank would watch wage settlements closely and was ready to act again if prices kept climbing faster than expected.',
  'Economists polled last week had been split between a quarter point and half a point, and the currency gained against the dollar after the announcement.',
  'The bank also cut its growth forecast for next year to one point two percent from one point eight, blaming weaker exports and higher energy costs.',
  'Opposition politicians said the rise would hurt home owners with variable mortgages, while business groups called it painful but necessary.',
];
const story = paragraphs.join('\n\n');
const unrelated = 'Heavy rain flooded the old town overnight and firefighters pumped water out of dozens of cellars, while the river rose to its highest level in a decade and schools stayed closed as engineers checked two bridges for damage before traffic could return.';

describe('near-duplicate fingerprints', () => {
  it('gives the same text the same fingerprint whatever its case, punctuation and spacing', () => {
    const a = fingerprintText(story);
    const b = fingerprintText(story.toUpperCase().replace(/,/g, ' ;').replace(/\n\n/g, '\n'));
    assert.deepEqual(a, b);
    assert.equal(similarity(a, b).jaccard, 1);
  });

  it('finds a re-send with a corrected paragraph, and tells an unrelated story apart', () => {
    const corrected = [...paragraphs];
    corrected[3] = 'The bank also cut its growth forecast for next year to one point four percent, not one point two as first reported, blaming weaker exports.';
    const original = fingerprintText(story);
    const resend = fingerprintText(corrected.join('\n\n'));
    assert.ok(sharesCandidateKey(original, resend));
    assert.equal(similarity(original, resend).nearDuplicate, true);
    const other = fingerprintText(unrelated);
    assert.equal(similarity(original, other).nearDuplicate, false);
    assert.ok(similarity(original, other).jaccard < 0.1);
  });

  it('finds a cut version by containment and its identical lead', () => {
    const original = fingerprintText(story);
    const cut = fingerprintText(paragraphs.slice(0, 2).join('\n\n'));
    const result = similarity(original, cut);
    assert.ok(result.jaccard < 0.5, `a cut to two fifths is not similar as a whole (J = ${result.jaccard})`);
    assert.ok(result.containment >= 0.8 && result.nearDuplicate);
    assert.ok(sharesCandidateKey(original, cut));
  });

  it('does not call a short brief a duplicate of every long story that contains it', () => {
    const brief = 'The central bank raised its main interest rate by half a point on Tuesday.';
    const result = similarity(fingerprintText(story), fingerprintText(brief));
    assert.ok(result.containment >= 0.8, 'the brief is contained');
    assert.equal(result.nearDuplicate, false, 'but it is too short to tell');
  });

  it('stores signatures as text and reads them back', () => {
    const { signature } = fingerprintText(story);
    const text = encodeSignature(signature);
    assert.equal(text.length, 128 * 8);
    assert.deepEqual(decodeSignature(text), signature);
    assert.equal(decodeSignature('xyz'), null);
  });

  it('makes candidates of similar pairs far more often than of dissimilar ones', () => {
    assert.ok(candidateProbability(0.1) < 0.01);
    assert.ok(candidateProbability(0.5) > 0.85);
    assert.ok(candidateProbability(0.8) > 0.9999);
  });
});
