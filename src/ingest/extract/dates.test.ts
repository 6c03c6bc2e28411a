import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDateLine, normaliseMachineDate, normaliseTextDate } from './dates.js';

describe('normaliseMachineDate', () => {
  it('keeps an instant with the offset the page gave', () => {
    assert.equal(normaliseMachineDate('2024-03-05T08:30:00+01:00'), '2024-03-05T08:30:00+01:00');
    assert.equal(normaliseMachineDate('2024-03-05T08:30:00.123Z'), '2024-03-05T08:30:00Z');
    assert.equal(normaliseMachineDate('2024-03-05T08:30:00+0000'), '2024-03-05T08:30:00Z');
  });

  it('reduces a time without an offset to its date', () => {
    assert.equal(normaliseMachineDate('2024-03-05T08:30:00'), '2024-03-05');
    assert.equal(normaliseMachineDate('2024-03-05'), '2024-03-05');
    assert.equal(normaliseMachineDate('20240305'), '2024-03-05');
  });

  it('reads RFC 2822 dates with a zone, and refuses impossible dates', () => {
    assert.equal(normaliseMachineDate('Tue, 19 Nov 2019 10:48:00 GMT'), '2019-11-19T10:48:00.000Z');
    assert.equal(normaliseMachineDate('2024-02-30'), null);
    assert.equal(normaliseMachineDate('soon'), null);
  });
});

describe('normaliseTextDate', () => {
  it('reads a written date, with an instant only when time and zone are stated', () => {
    assert.equal(normaliseTextDate('Published 4:00 am CST, Wednesday, November 20, 2019'), '2019-11-20T04:00:00-06:00');
    assert.equal(normaliseTextDate('Updated November 20, 2019'), '2019-11-20');
    assert.equal(normaliseTextDate('Veröffentlicht am 19. November 2019', 'de'), '2019-11-19');
  });

  it('reads numeric dates day-first except slashed dates in English', () => {
    assert.equal(normaliseTextDate('19.11.2019', 'de'), '2019-11-19');
    assert.equal(normaliseTextDate('11/01/2023', 'fr'), '2023-01-11');
    assert.equal(normaliseTextDate('11/01/2023', 'en-US'), '2023-11-01');
  });

  it('ignores relative dates', () => {
    assert.equal(normaliseTextDate('1 day ago'), null);
    assert.equal(normaliseTextDate('today'), null);
  });
});

describe('isDateLine', () => {
  it('recognises lines that only say when', () => {
    assert.equal(isDateLine('PUBLISHED: 10:48, Tue, Nov 19, 2019'), true);
    assert.equal(isDateLine('Updated at 1:23 p.m.'), true);
    assert.equal(isDateLine('Nov. 20, 2019 Updated: Nov. 20, 2019 1:35 a.m.'), true);
  });

  it('leaves sentences that mention a date', () => {
    assert.equal(isDateLine('The vote was held on Nov 19, 2019 in the capital.'), false);
    assert.equal(isDateLine('Councillors met on Tuesday'), false);
  });
});
