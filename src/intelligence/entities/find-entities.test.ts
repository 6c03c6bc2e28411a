import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findEntities } from './index.js';

const seedPath = fileURLToPath(new URL('../../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url));
const names = (text: string) => findEntities(text).people.map((p) => p.name);
const orgs = (text: string) => findEntities(text).organisations.map((o) => o.name);

test('the seed names Bush, Putin and Medvedev as people and no country as a person', () => {
  const seed = readFileSync(seedPath, 'utf8');
  const { people } = findEntities(seed);
  const byName = new Map(people.map((p) => [p.name, p]));
  assert.deepEqual([...byName.keys()].sort(), ['Dmitry Medvedev', 'George W. Bush', 'Vladimir Putin']);
  const putin = byName.get('Vladimir Putin')!;
  assert.ok(putin.mentions.length >= 4, 'short forms "Putin" join "Vladimir Putin"');
  for (const m of putin.mentions) assert.equal(seed.slice(m.start, m.end), m.text);
  assert.ok(putin.roles.includes('Russian President'));
  assert.equal(byName.get('Dmitry Medvedev')!.mentions.length, 2);
});

test('titles and roles are not part of the name and short forms with honorifics join the full name', () => {
  const text = 'Foreign Minister Sergei Lavrov met President Vladimir Putin on Monday. Mr Putin said little. Later Mr. Lavrov left.';
  const { people } = findEntities(text);
  assert.deepEqual(people.map((p) => [p.name, p.mentions.map((m) => m.text)]), [
    ['Sergei Lavrov', ['Sergei Lavrov', 'Lavrov']],
    ['Vladimir Putin', ['Vladimir Putin', 'Putin']],
  ]);
  assert.deepEqual(people[0]!.roles, ['Foreign Minister']);
});

test('a short form before the full name still joins it', () => {
  const { people } = findEntities('Bush arrived late. George W. Bush then spoke.');
  assert.deepEqual(people.map((p) => [p.name, p.mentions.length]), [['George W. Bush', 2]]);
});

test('organisations are recognised by their suffixes, "X of Y" and acronyms; treaties and countries are not', () => {
  const text = 'Toyota Motor Corp and the Bank of Japan disagreed. NATO and OPEC met in Vienna. '
    + 'The Organization of Petroleum Exporting Countries (OPEC) ruled it out. START-1 will expire. Russia and the United States signed.';
  const found = orgs(text);
  for (const o of ['Toyota Motor Corp', 'Bank of Japan', 'NATO', 'Organization of Petroleum Exporting Countries']) assert.ok(found.includes(o), o);
  assert.ok(!found.includes('OPEC'), 'the acronym joins its full name');
  for (const o of ['START-1', 'Russia', 'United States']) assert.ok(!found.includes(o), o);
  assert.deepEqual(names(text), []);
});

test('an organisation written before a role and a name is split from them', () => {
  const { people, organisations } = findEntities('Bank of Japan Governor Satoshi Sumita said rates would stay.');
  assert.deepEqual(people.map((p) => [p.name, p.roles]), [['Satoshi Sumita', ['Governor']]]);
  assert.deepEqual(organisations.map((o) => o.name), ['Bank of Japan']);
});

test('sentence-initial words, months and days are not people', () => {
  assert.deepEqual(names('However, prices rose in March. On Sunday, traders were quiet. After talks, nothing changed.'), []);
});

test('an uncued single word becomes a person when it speaks', () => {
  assert.deepEqual(names('Oil prices fell. Nazer said output would be cut.'), ['Nazer']);
});
