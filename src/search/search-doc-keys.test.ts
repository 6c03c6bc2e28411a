import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstKeyAt, KEY_SLOTS, lastKeyAt, visibleKeyRange } from './search-doc-keys.js';

describe('search row keys', () => {
  it('follow publication time, a millisecond apart being KEY_SLOTS keys apart', () => {
    const a = firstKeyAt('2026-06-01T12:00:00.000Z');
    assert.equal(firstKeyAt('2026-06-01T12:00:00.001Z') - a, KEY_SLOTS);
    assert.equal(lastKeyAt('2026-06-01T12:00:00.000Z'), a + KEY_SLOTS - 1);
    assert.ok(firstKeyAt('1950-01-01T00:00:00.000Z') < firstKeyAt('1970-01-01T00:00:00.000Z'));
    assert.ok(firstKeyAt('1900-01-01T00:00:00.000Z') >= 1, 'published articles keep positive keys');
  });

  it('stay exact integers up to the clamp and are clamped beyond it', () => {
    const high = lastKeyAt('2180-12-31T23:59:59.999Z');
    assert.ok(Number.isSafeInteger(high));
    assert.equal(firstKeyAt('9999-01-01T00:00:00.000Z'), firstKeyAt('+275760-09-13T00:00:00.000Z'));
    assert.ok(Number.isSafeInteger(lastKeyAt('9999-01-01T00:00:00.000Z')));
    assert.equal(firstKeyAt('1200-01-01T00:00:00.000Z'), 1);
  });

  it('make "visible now, within [from, to]" one inclusive range', () => {
    const now = '2026-06-01T12:00:00.000Z';
    assert.deepEqual(visibleKeyRange(now), { first: 1, last: lastKeyAt(now) });
    assert.deepEqual(visibleKeyRange(now, '2026-01-01T00:00:00.000Z', '2026-12-31T23:59:59.999Z'), { first: firstKeyAt('2026-01-01T00:00:00.000Z'), last: lastKeyAt(now) });
    assert.deepEqual(visibleKeyRange(now, undefined, '2026-03-01T00:00:00.000Z'), { first: 1, last: lastKeyAt('2026-03-01T00:00:00.000Z') });
  });
});
