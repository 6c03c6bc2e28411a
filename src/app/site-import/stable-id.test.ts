import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stableId } from './stable-id.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('stable ids', () => {
  it('are UUIDs (version 8) that depend only on the source and the origin (and the date they are ordered by)', () => {
    const id = stableId('wxr:https://old.example', 'wxr:post:12', '2005-01-01T10:00:00.000Z');
    assert.match(id, uuid);
    assert.equal(stableId('wxr:https://old.example', 'wxr:post:12', '2005-01-01T10:00:00.000Z'), id);
    assert.notEqual(stableId('wxr:https://old.example', 'wxr:post:13', '2005-01-01T10:00:00.000Z'), id);
    assert.notEqual(stableId('wxr:https://other.example', 'wxr:post:12', '2005-01-01T10:00:00.000Z'), id);
    assert.match(stableId('wxr:https://old.example', 'wxr:post:12'), uuid);
  });

  it('sort by the date they are ordered by, whatever the origin', () => {
    const dates = ['2001-03-04T05:06:07.000Z', '2005-01-01T00:00:00.000Z', '2005-01-01T00:00:00.001Z', '2019-12-31T23:59:59.999Z', '2026-11-27T12:00:00.000Z'];
    const ids = dates.map((at, i) => stableId('s', `wxr:post:${1000 - i}`, at));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(ids[1]!.slice(0, 13), stableId('s', 'wxr:comment:7:1', '2005-01-01T00:00:00.000Z').slice(0, 13), 'the first 48 bits are the milliseconds');
  });

  it('fall back to the origin alone for a missing or unreadable date', () => {
    for (const at of [null, '', 'not a date', '-0001-01-01T00:00:00Z']) assert.equal(stableId('s', 'wxr:post:1', at), stableId('s', 'wxr:post:1'), String(at));
  });
});
