import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeedDate } from './parse-feed-date.js';

const cases: [string, string | null][] = [
  // RFC 822 as RSS writes it, and its usual faults
  ['Sat, 07 Sep 2002 00:00:01 GMT', '2002-09-07T00:00:01.000Z'],
  ['Tue, 02 Jan 2024 09:30:00 +0100', '2024-01-02T08:30:00.000Z'],
  ['Wed, 17 Jan 2018 15:50:00 EST', '2018-01-17T20:50:00.000Z'],
  ['Sun, 10 Dec 17 13:01:36 -0800', '2017-12-10T21:01:36.000Z'],
  ['7 Sep 2002 10:00 PDT', '2002-09-07T17:00:00.000Z'],
  ['Mon, 01 Jan 2018 12:00:00 +0100 (CET)', '2018-01-01T11:00:00.000Z'],
  ['Fri, 31 Jun 2019 10:00:00 GMT', null],
  ['Monday, 26-Jun-2017 12:20:05 GMT', '2017-06-26T12:20:05.000Z'],
  ['Wed, 29 May 2019 15:46:00 IST', '2019-05-29T10:16:00.000Z'],
  ['Di, 03 Jun 2008 11:05:30 +02:00', '2008-06-03T09:05:30.000Z'],
  ['03 Okt 2008', '2008-10-03T00:00:00.000Z'],
  ['Tue, 02 Jan 2024 09:30:00', '2024-01-02T09:30:00.000Z'],
  // RFC 3339 / ISO 8601 as Atom and JSON Feed write it
  ['2024-01-02T09:30:00Z', '2024-01-02T09:30:00.000Z'],
  ['2024-01-02T09:30:00.123456+05:30', '2024-01-02T04:00:00.123Z'],
  ['2024-01-02 09:30:00 +0000', '2024-01-02T09:30:00.000Z'],
  ['2024-01-02', '2024-01-02T00:00:00.000Z'],
  ['2024-01-02T09:30', '2024-01-02T09:30:00.000Z'],
  // chrono-node strict fallback: full dates only, read as UTC
  ['January 5, 2021 3:00 PM', '2021-01-05T15:00:00.000Z'],
  ['June 3', null],
  // rubbish
  ['', null],
  ['yesterday', null],
  ['0001-01-01T00:00:00Z', null],
  ['not a date at all', null],
];

for (const [input, expected] of cases) {
  test(`parseFeedDate(${JSON.stringify(input)}) → ${expected}`, () => {
    assert.equal(parseFeedDate(input), expected);
  });
}
