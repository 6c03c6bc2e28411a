import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { tagPlaces } from './index.js';

const codes = (body: string, headline?: string) => tagPlaces({ body, ...(headline ? { headline } : {}) }).map((t) => t.code);

describe('tagPlaces', () => {
  it('makes the seed article Russia first, with the countries it mentions', () => {
    const text = readFileSync(new URL('../../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url), 'utf8').trim();
    const firstBreak = text.indexOf('\n');
    const tags = tagPlaces({ headline: text.slice(0, firstBreak), body: text.slice(firstBreak + 1) });
    assert.equal(tags[0]?.code, 'RU');
    for (const code of ['RU', 'US', 'PL', 'CZ', 'IR', 'JP']) assert.ok(tags.some((t) => t.code === code), code);
    const russia = tags[0];
    assert.ok(russia?.evidence.some((e) => e.kind === 'metonym' && e.text === 'Kremlin'));
    assert.ok(russia?.evidence.some((e) => e.kind === 'leader' && e.text === 'Medvedev'));
    assert.ok(tags.find((t) => t.code === 'PL')?.main === false, 'a passing mention is not a main place');
  });

  it('gives the dateline city most weight, and its evidence points at the dateline', () => {
    const body = 'Officials met on Tuesday. Japan and Japanese officials said little about it.';
    const tags = tagPlaces({ dateline: 'SOCHI, Russia —', body });
    assert.equal(tags[0]?.code, 'RU');
    const evidence = tags[0]?.evidence[0];
    assert.deepEqual(evidence && { field: evidence.field, text: evidence.text }, { field: 'dateline', text: 'Russia' });
    const inBody = tagPlaces({ body: `MOSCOW, April 6 (Reuters) - ${body}` });
    assert.equal(inBody[0]?.code, 'RU');
    const span = inBody[0]?.evidence[0];
    assert.equal(span && `MOSCOW, April 6 (Reuters) - ${body}`.slice(span.start, span.end), 'MOSCOW');
  });

  it('resolves a wire dateline with a state abbreviation or a small town', () => {
    assert.equal(tagPlaces({ dateline: 'GREENWICH, Conn., Feb 26 -', body: 'Net profit rose.' })[0]?.code, 'US');
    assert.equal(tagPlaces({ dateline: 'ELWOOD, KAN., Feb 26 -', body: 'Shr loss six cts.' })[0]?.code, 'US');
    assert.equal(tagPlaces({ dateline: 'CALGARY, Alberta, March 2 -', body: 'Oil output fell.' })[0]?.code, 'CA');
  });

  it('reads a dateline in title case, and a city GeoNames names with its river', () => {
    assert.equal(tagPlaces({ dateline: 'London, March 2 -', body: 'Bonds rose.' })[0]?.code, 'GB');
    assert.equal(tagPlaces({ dateline: 'FRANKFURT, March 3 -', body: 'Shares fell.' })[0]?.code, 'DE');
  });

  it('counts a place that opens a company name or qualifies a currency for less than the place itself', () => {
    const [company] = tagPlaces({ body: 'The Japan Fund Inc received an offer.' });
    const [place] = tagPlaces({ body: 'The fund in Japan received an offer.' });
    assert.ok(company && place && company.weight < place.weight, `${company?.weight} < ${place?.weight}`);
    assert.equal(company?.main, false);
    const [currency] = tagPlaces({ body: 'The bank issued Swiss franc bonds.' });
    assert.ok(currency && currency.code === 'CH' && currency.weight < 1, `${currency?.weight}`);
  });

  it('gives a one-line item its place, and an empty text none', () => {
    assert.deepEqual(tagPlaces({ body: 'Officials in Kyiv spoke.' }).map((t) => [t.code, t.main]), [['UA', true]]);
    assert.deepEqual(tagPlaces({ body: '' }), []);
  });

  it('maps historic names to today\'s countries', () => {
    const tags = codes('The Soviet Union, West Germany, Burma, Zaire, Ceylon and Rhodesia traded; so did Czechoslovakia.');
    for (const code of ['RU', 'DE', 'MM', 'CD', 'LK', 'ZW', 'CZ']) assert.ok(tags.includes(code), code);
    assert.deepEqual(codes('The USSR protested.'), ['RU']);
  });

  it('reads English names of cities GeoNames spells natively, and disputed territories by their recognised country', () => {
    assert.deepEqual(codes('Talks in Geneva and Cologne went on.').sort(), ['CH', 'DE']);
    assert.deepEqual(codes('Crimea and Kyiv; the West Bank and Gaza.').sort(), ['PS', 'UA']);
  });

  it('reads seats of power and capitals as their governments', () => {
    const tags = codes('Downing Street and the Elysee rebuked the White House, and the Kremlin said Beijing and Whitehall agreed.');
    assert.deepEqual([...tags].sort(), ['CN', 'FR', 'GB', 'RU', 'US']);
  });

  it('does not read first names, surnames, birds or porcelain as countries', () => {
    assert.deepEqual(codes('Michael Jordan met Chad Smith and George Washington.'), []);
    assert.deepEqual(codes('They served turkey on fine china.'), []);
    assert.deepEqual(codes('King Abdullah of Jordan flew to Chad and then to Washington.').sort(), ['JO', 'TD', 'US']);
  });

  it('reads a headline set in capitals with the same care', () => {
    assert.deepEqual(codes('Orders rose.', 'KOREAN AIR ORDERS MCDONNELL DOUGLAS JETS'), ['KR']);
    assert.deepEqual(codes('Talks went on.', 'JORDAN SAYS TALKS WITH CHAD GO ON').sort(), ['JO', 'TD']);
  });

  it('keeps Niger and Nigeria, New York and York, apart', () => {
    assert.deepEqual(codes('Niger and Nigeria signed.').sort(), ['NE', 'NG']);
    assert.deepEqual(codes('He moved from New York to New Mexico.'), ['US']);
    assert.deepEqual(codes('He moved from York to Leeds.'), ['GB']);
  });

  it('reads Georgia as the US state in a US story and as the country otherwise', () => {
    assert.deepEqual(codes('Atlanta, the capital of Georgia, said U.S. farm exports rose.'), ['US']);
    assert.equal(codes('Georgia and Russia fought over South Ossetia; Tbilisi said.')[0], 'GE');
  });

  it('does not turn US states into countries', () => {
    assert.deepEqual(codes('Texas, New Jersey and Washington state raised taxes.'), ['US']);
  });

  it('reads country names of another language from the packages', () => {
    const tags = tagPlaces({ body: 'Die Regierungen von Russland und Frankreich trafen sich in Berlin.', language: 'de-AT' });
    assert.deepEqual(tags.map((t) => t.code).sort(), ['DE', 'FR', 'RU']);
    assert.deepEqual(tagPlaces({ body: 'Russia and France.', language: '../../x' }).map((t) => t.code).sort(), ['FR', 'RU']);
  });
});
