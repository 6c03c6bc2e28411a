import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findQuotes } from './index.js';

const seedPath = fileURLToPath(new URL('../../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url));
const speakerOf = (text: string, words: string) => findQuotes(text).find((q) => q.text.includes(words))?.speaker;

test('the seed: each quote goes to the speaker who gave it', () => {
  const seed = readFileSync(seedPath, 'utf8');
  const quotes = findQuotes(seed);
  const who = (words: string) => quotes.find((q) => q.text.includes(words))?.speaker.name;
  assert.equal(who('This meeting between the presidents ended on a positive note'), 'a Kremlin source');
  assert.equal(who('The most important result of the meeting'), 'a Kremlin source', 'a quote paragraph continuing the previous one');
  assert.equal(who('there was some positive progress'), 'Vladimir Putin');
  assert.equal(who('We fully support this attitude'), 'Vladimir Putin');
  assert.equal(who('he believes Bush is seriously'), 'Vladimir Putin', '"He said" after "Putin told a news conference"');
  assert.equal(who('The sides agreed that the search for compromises'), 'a Kremlin source', '"he said" after the source spoke, not Medvedev');
  assert.equal(who('Their next meeting is likely to be at the G8 summit'), 'George W. Bush');
  assert.equal(who('some disagreements remain in our fundamental approaches'), 'Vladimir Putin');
  const kremlin = quotes.find((q) => q.speaker.name === 'a Kremlin source')!;
  assert.equal(kremlin.speaker.anonymous, true);
  assert.equal(kremlin.kind, 'reported');
  const putin = quotes.find((q) => q.text.includes('We fully support'))!;
  assert.equal(putin.kind, 'direct');
  assert.equal(seed.slice(putin.span.start, putin.span.end).replace(/,$/, ''), putin.text);
  assert.ok(putin.speaker.personId);
});

test('attribution after the quote, in both orders', () => {
  assert.equal(speakerOf('"We will not give in to pressure," said Angela Merkel.', 'pressure')?.name, 'Angela Merkel');
  assert.equal(speakerOf('"We will not give in to pressure," Angela Merkel said.', 'pressure')?.name, 'Angela Merkel');
});

test('attribution before the quote, with a colon and with curly marks', () => {
  assert.equal(speakerOf('Prime Minister Gordon Brown said: “The economy will recover next year.”', 'economy')?.name, 'Gordon Brown');
});

test('a pronoun goes to the latest speaker, not the latest name', () => {
  const text = 'Jacques Chirac told reporters that the plan was sound. He met Helmut Kohl later. "It will work," he said.';
  assert.equal(speakerOf(text, 'It will work')?.name, 'Jacques Chirac');
});

test('a role goes to the latest person holding it', () => {
  const text = 'President Ronald Reagan met Foreign Minister Eduard Shevardnadze in Washington. "We made progress today," the minister said.';
  assert.equal(speakerOf(text, 'progress')?.name, 'Eduard Shevardnadze');
  const president = 'President Ronald Reagan met Foreign Minister Eduard Shevardnadze. "There is more to do," the president said.';
  assert.equal(speakerOf(president, 'more to do')?.name, 'Ronald Reagan');
});

test('"according to" names the speaker of reported speech', () => {
  const quotes = findQuotes('The deal will be signed next week, according to Finance Minister Nigel Lawson.');
  assert.deepEqual(quotes.map((q) => [q.kind, q.speaker.name, q.text]), [['reported', 'Nigel Lawson', 'The deal will be signed next week']]);
});

test('reported speech with told, warned and that', () => {
  const quotes = findQuotes('James Baker told a news conference that the dollar had fallen far enough. Karl Otto Poehl warned that rates could rise.');
  assert.deepEqual(quotes.map((q) => [q.speaker.name, q.text]), [
    ['James Baker', 'the dollar had fallen far enough'],
    ['Karl Otto Poehl', 'rates could rise'],
  ]);
});

test('unnamed sources stay unnamed', () => {
  const a = findQuotes('Diplomats said the talks had stalled over the weekend.')[0]!;
  assert.deepEqual(a.speaker, { name: 'diplomats', anonymous: true, description: 'diplomats' });
  const b = speakerOf('"There is no deal yet," a senior official said.', 'no deal')!;
  assert.deepEqual(b, { name: 'a senior official', anonymous: true, description: 'a senior official' });
});

test('an unnamed speaker described by whom they serve is not the one they serve', () => {
  const text = 'Richard Lyng met Soviet officials. "I just don\'t see it happening," the aide to Lyng said. Businessmen polled by Reuters said the budget had done little for them.';
  assert.deepEqual(speakerOf(text, 'see it happening'), { name: 'the aide to Lyng', anonymous: true, description: 'the aide to Lyng' });
  assert.equal(speakerOf(text, 'the budget had done little')?.name, 'businessmen polled by Reuters');
});

test('a nested single-quoted phrase stays inside its quote', () => {
  const quotes = findQuotes('"He told me \'never again\' and meant it," Margaret Thatcher said.');
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.text, "He told me 'never again' and meant it");
  assert.equal(quotes[0]!.speaker.name, 'Margaret Thatcher');
});

test('a quote running over paragraphs without a closing mark is one quote', () => {
  const text = 'Helmut Kohl said: "The first point is trade.\n\n"The second point is security."\n\nThe talks ended.';
  const quotes = findQuotes(text);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.text, 'The first point is trade. The second point is security.');
  assert.equal(quotes[0]!.speaker.name, 'Helmut Kohl');
});

test('a document or a statement is not a speaker; a sentence without a speech verb is no quote', () => {
  assert.deepEqual(findQuotes('A document released after the meeting said the countries would continue to work. Prices rose.'), []);
});
