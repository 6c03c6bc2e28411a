import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate } from './dates.js';

describe('formatDate', () => {
  it('writes the day in the site\'s language and time zone, the same on every call', () => {
    const instant = '2008-04-06T23:30:00.000Z';
    assert.equal(formatDate(instant, 'en', 'UTC'), 'April 6, 2008');
    assert.equal(formatDate(instant, 'en', 'Europe/Moscow'), 'April 7, 2008', 'already the next day in Moscow');
    assert.equal(formatDate(instant, 'fr', 'UTC'), '6 avril 2008');
    assert.equal(formatDate(instant, 'en', 'UTC'), 'April 6, 2008', 'a remembered date keeps its language and zone apart');
  });

  it('gives nothing for an unreadable instant, and English in UTC for an unknown zone', () => {
    assert.equal(formatDate('not a date', 'en', 'UTC'), '');
    assert.equal(formatDate('2008-04-06T12:00:00Z', 'en', 'Mars/Olympus'), 'April 6, 2008');
  });
});
