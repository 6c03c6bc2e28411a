import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { FURNITURE_RULES } from './furniture-rules.js';
import { FlattenedArticleError, parseFlattenedArticle, type FlattenedArticle } from './parse-flattened-article.js';

const options = { taxonomyLabels: ['Region', 'Theme'] };

const seedUrl = new URL('../../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url);
const seedPath = fileURLToPath(seedUrl);
const seedMissing = existsSync(seedPath) ? false : `seed file not found at ${seedPath}; the seed test needs the shared seed directory next to the repository`;

function reasonsOf(article: FlattenedArticle): string[] {
  return article.removed.map((entry) => entry.reason);
}

function expectError(input: string, code: string): FlattenedArticleError {
  let caught: unknown;
  try {
    parseFlattenedArticle(input, options);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof FlattenedArticleError, `expected a FlattenedArticleError with code ${code}`);
  assert.ok(caught instanceof Error);
  assert.equal(caught.code, code);
  assert.ok(caught.message.length > 20, 'the message should tell the user what to do');
  return caught;
}

describe('parseFlattenedArticle: the seed page (republished wire story)', { skip: seedMissing }, () => {
  const article = (): FlattenedArticle => parseFlattenedArticle(readFileSync(seedUrl, 'utf8'), options);

  test('reads the title, byline and the page date line', () => {
    const parsed = article();
    assert.equal(parsed.title, 'Kremlin upbeat over Bush-Putin talks');
    assert.deepEqual(parsed.authors, ['Global Research']);
    assert.equal(parsed.publishedAt, '2008-04-06');
    assert.equal(parsed.siteName, 'Global Research');
    assert.equal(parsed.bodyFormat, 'markdown');
  });

  test('reads the original publisher and its date', () => {
    const parsed = article();
    assert.equal(parsed.original.publisher, 'RIA Novosti');
    assert.equal(parsed.original.publishedAt, '2008-04-06');
    assert.equal(parsed.original.url, null);
  });

  test('reads the taxonomy lines', () => {
    assert.deepEqual(article().terms, [
      { taxonomy: 'Region', names: ['Russia and FSU'] },
      { taxonomy: 'Theme', names: ['Militarization and WMD'] },
    ]);
  });

  test('finds the dateline and keeps it in the first paragraph', () => {
    const parsed = article();
    assert.ok(parsed.dateline?.startsWith('MOSCOW, April 6 (RIA Novosti) -'), `dateline was ${parsed.dateline}`);
    assert.ok(parsed.bodyParagraphs[0]?.startsWith('MOSCOW'));
  });

  test('ends the body at the last story paragraph', () => {
    const body = article().bodyParagraphs;
    assert.ok(body.length >= 10, `only ${body.length} paragraphs`);
    assert.ok(body.at(-1)?.includes('START-1'), `last paragraph was: ${body.at(-1)}`);
    for (const forbidden of ['Disclaimer', 'Copyright', 'original source', 'Become a Member', 'Articles by', 'cross-post', 'Facebook']) {
      const offending = body.find((paragraph) => paragraph.includes(forbidden));
      assert.equal(offending, undefined, `a body paragraph contains "${forbidden}"`);
    }
    assert.ok(body.every((paragraph) => !paragraph.startsWith('By ') && !paragraph.startsWith('Region:')));
  });

  test('keeps the copyright line and reports every furniture line', () => {
    const parsed = article();
    assert.ok(parsed.copyrightLine?.startsWith('Copyright ©'), `copyright line was ${parsed.copyrightLine}`);
    assert.ok(!parsed.copyrightLine?.includes('](#)'), 'links are stripped from the copyright line');
    const reasons = reasonsOf(parsed);
    for (const kind of ['original-source', 'copyright', 'comment-call', 'membership-call', 'author-archive', 'disclaimer', 'fair-use', 'contact']) {
      assert.ok(reasons.some((reason) => reason.startsWith(`${kind}.`)), `no removal for ${kind}: ${reasons.join(', ')}`);
    }
    assert.ok(parsed.removed.every((entry) => entry.text.trim() !== ''));
  });
});

describe('parseFlattenedArticle: synthetic Markdown page', () => {
  const page = [
    '# The Lantern Regatta of Quillmere',
    '',
    'By [Jane Doe](#) and John Roe',
    '',
    'Quillmere Courier, March 3, 2021',
    '',
    'The lantern regatta drew forty skiffs to the estuary on Saturday,',
    'the largest fleet since the old pier was rebuilt.',
    '',
    '## A quieter harbour',
    '',
    'Harbourmaster Elsbet Vorn said the [tide tables](https://example.org/tides) were *unusually kind*, and [the pier](#) held.',
    '',
    'Advertisement',
    '',
    'Next year the skiffs will race at dusk.',
    '',
    'Share this:',
    '',
    '[Facebook](https://example.org/share/fb) [Twitter](https://example.org/share/tw)',
    '',
    'Related articles',
    '',
    '- [Moss lanterns return to Quillmere](https://example.org/moss)',
    '- [The pier at ninety](https://example.org/pier)',
  ].join('\n');
  const parsed = (): FlattenedArticle => parseFlattenedArticle(page, options);

  test('reads the Markdown title, both authors and the date line', () => {
    const article = parsed();
    assert.equal(article.title, 'The Lantern Regatta of Quillmere');
    assert.deepEqual(article.authors, ['Jane Doe', 'John Roe']);
    assert.equal(article.publishedAt, '2021-03-03');
    assert.equal(article.siteName, 'Quillmere Courier');
    assert.equal(article.dateline, null);
  });

  test('joins soft-wrapped lines, keeps the subheading, real links and emphasis, unwraps (#) links', () => {
    assert.deepEqual(parsed().bodyParagraphs, [
      'The lantern regatta drew forty skiffs to the estuary on Saturday, the largest fleet since the old pier was rebuilt.',
      '## A quieter harbour',
      'Harbourmaster Elsbet Vorn said the [tide tables](https://example.org/tides) were *unusually kind*, and the pier held.',
      'Next year the skiffs will race at dusk.',
    ]);
  });

  test('removes the mid-body ad slot and the share/related tail, with reasons', () => {
    const article = parsed();
    assert.deepEqual(article.removed[0], { text: 'Advertisement', reason: 'advertisement.label' });
    const texts = article.removed.map((entry) => entry.text);
    assert.ok(texts.includes('Share this:'));
    assert.ok(texts.includes('Related articles'));
    assert.ok(texts.includes('- [The pier at ninety](https://example.org/pier)'));
    assert.equal(article.removed.length, 6);
  });
});

describe('parseFlattenedArticle: other shapes', () => {
  test('a page with no byline and no date', () => {
    const article = parseFlattenedArticle('Orchard frost spares the late plums\n\nGrowers in Tallowby woke to white fields.\n\nBy noon the frost had gone.', options);
    assert.equal(article.title, 'Orchard frost spares the late plums');
    assert.deepEqual(article.authors, []);
    assert.equal(article.publishedAt, null);
    assert.equal(article.siteName, null);
    assert.deepEqual(article.original, { publisher: null, publishedAt: null, url: null });
    assert.equal(article.copyrightLine, null);
    assert.deepEqual(article.terms, []);
    assert.equal(article.dateline, null);
    assert.deepEqual(article.bodyParagraphs, ['Growers in Tallowby woke to white fields.', 'By noon the frost had gone.']);
    assert.deepEqual(article.removed, []);
  });

  test('several terms on one taxonomy line, labels matched case-insensitively', () => {
    const article = parseFlattenedArticle(
      [
        'Salt road reopens',
        'by Mira Talsk, Oren Vale & Pim Ardent',
        'region: [Northern Marches](#), [Sable Coast](#), Inner Fens',
        'THEME: [Trade, Tariffs and Tolls](#); [Roads](#)',
        'Mood: [Hopeful](#)',
        '',
        'The salt road through Brackwater reopened on Monday.',
      ].join('\n'),
      options,
    );
    assert.deepEqual(article.authors, ['Mira Talsk', 'Oren Vale', 'Pim Ardent']);
    assert.deepEqual(article.terms, [
      { taxonomy: 'Region', names: ['Northern Marches', 'Sable Coast', 'Inner Fens'] },
      { taxonomy: 'Theme', names: ['Trade, Tariffs and Tolls', 'Roads'] },
    ]);
    assert.deepEqual(article.removed, [{ text: 'Mood: [Hopeful](#)', reason: 'header.unlisted-taxonomy' }]);
    assert.deepEqual(article.bodyParagraphs, ['The salt road through Brackwater reopened on Monday.']);
  });

  test('a paragraph that merely mentions copyright is body, even right before the furniture', () => {
    const article = parseFlattenedArticle(
      [
        'Weavers win case over pattern books',
        '',
        'The guild argued that copyright in the pattern books had lapsed decades ago.',
        '',
        'Copyright lawyers for the mill said they would appeal.',
        '',
        'Copyright © 2019 Loomside Gazette. All rights reserved.',
        'Share this',
      ].join('\n'),
      options,
    );
    assert.deepEqual(article.bodyParagraphs, [
      'The guild argued that copyright in the pattern books had lapsed decades ago.',
      'Copyright lawyers for the mill said they would appeal.',
    ]);
    assert.equal(article.copyrightLine, 'Copyright © 2019 Loomside Gazette. All rights reserved.');
    assert.deepEqual(reasonsOf(article), ['copyright.notice', 'share.label']);
  });

  test('a weak furniture-looking paragraph in the middle of the body is kept', () => {
    const article = parseFlattenedArticle(
      [
        'Rowing club doubles in size',
        '',
        'Become a member of the club, the mayor urged.',
        '',
        'The crowd on the towpath cheered.',
        '',
        'Anyone who wants to become a member can sign up at the boathouse.',
      ].join('\n'),
      options,
    );
    assert.equal(article.bodyParagraphs.length, 3);
    assert.deepEqual(article.removed, []);
  });

  test('a byline with a date gives both authors and the publication date', () => {
    const article = parseFlattenedArticle('Kiln fire at Dunmarrow\nBy Ada Quill and Tomas Reeve, April 2, 2014\n\nThe kiln burned for a week.', options);
    assert.deepEqual(article.authors, ['Ada Quill', 'Tomas Reeve']);
    assert.equal(article.publishedAt, '2014-04-02');
    assert.equal(article.siteName, null);
  });

  test('a soft-wrapped first paragraph starting with "By" stays body', () => {
    const article = parseFlattenedArticle('Market day\n\nBy Sunday most of the stalls had\nclosed early.', options);
    assert.deepEqual(article.authors, []);
    assert.deepEqual(article.bodyParagraphs, ['By Sunday most of the stalls had closed early.']);
    const wrapped = parseFlattenedArticle('Boats repainted\n\nBy Orla Penn and\nthe harbour crew, the boats were painted blue.', options);
    assert.deepEqual(wrapped.authors, []);
    assert.deepEqual(wrapped.bodyParagraphs, ['By Orla Penn and the harbour crew, the boats were painted blue.']);
  });

  test('a date without a year is not a publication date', () => {
    const article = parseFlattenedArticle('Heron count rises\n\nFenwick Herald, June 12\n\nVolunteers counted ninety herons.', options);
    assert.equal(article.publishedAt, null);
    assert.equal(article.siteName, null);
  });

  test('a file without blank lines but with long lines has one paragraph per line', () => {
    const long = 'The tramway committee met in the old corn exchange and voted, after a long and sometimes heated evening, to extend the line.';
    const article = parseFlattenedArticle(
      ['Tramway extended', 'By Ruth Ollery', 'Copperfold Daily, 9 September 2015', long, 'Work starts in spring.', 'Share this:', 'Related articles'].join('\n'),
      options,
    );
    assert.deepEqual(article.authors, ['Ruth Ollery']);
    assert.equal(article.publishedAt, '2015-09-09');
    assert.deepEqual(article.bodyParagraphs, [long, 'Work starts in spring.']);
    assert.deepEqual(reasonsOf(article), ['share.label', 'related.heading']);
  });

  test('reads the original publisher and a real URL from the source line', () => {
    const article = parseFlattenedArticle(
      [
        'Ferry strike ends',
        '',
        'WESTHOLM, Nov. 2 (Harbour Wire) — The ferry crews returned to work.',
        '',
        'The original source of this article is [Harbour Wire](https://harbourwire.example/ferry-strike)',
        'Copyright (c) 2020 Harbour Wire',
      ].join('\n'),
      options,
    );
    assert.equal(article.dateline, 'WESTHOLM, Nov. 2 (Harbour Wire) —');
    assert.deepEqual(article.original, { publisher: 'Harbour Wire', publishedAt: null, url: 'https://harbourwire.example/ferry-strike' });
    assert.equal(article.copyrightLine, 'Copyright (c) 2020 Harbour Wire');
    assert.deepEqual(article.bodyParagraphs, ['WESTHOLM, Nov. 2 (Harbour Wire) — The ferry crews returned to work.']);
  });

  test('a (#) source link gives no URL; dates are calendar dates without timezone shifts', () => {
    const article = parseFlattenedArticle(
      [
        'Night market moves indoors',
        'Lantern Post, 31 December 2019 23:30 GMT+10',
        'Cobble Wire 30 December 2019',
        '',
        'Stallholders packed up at midnight.',
        '',
        'The original source of this article is [Cobble Wire](#)',
      ].join('\r\n'),
      options,
    );
    assert.equal(article.publishedAt, '2019-12-31');
    assert.equal(article.siteName, 'Lantern Post');
    assert.deepEqual(article.original, { publisher: 'Cobble Wire', publishedAt: '2019-12-30', url: null });
    assert.deepEqual(article.bodyParagraphs, ['Stallholders packed up at midnight.']);
  });

  test('a first body paragraph that starts with "By" and a date is not taken for header', () => {
    const article = parseFlattenedArticle(
      'Tollbridge vote\n\nBy the time the council met on 4 May 2022, the bridge had closed.',
      options,
    );
    assert.deepEqual(article.authors, []);
    assert.equal(article.publishedAt, null);
    assert.equal(article.bodyParagraphs.length, 1);
  });
});

describe('parseFlattenedArticle: errors', () => {
  test('empty or blank input throws empty-input', () => {
    expectError('', 'empty-input');
    expectError('  \n\n \t\n', 'empty-input');
  });

  test('a title with no body throws no-body', () => {
    expectError('# Only a headline here\n', 'no-body');
    const error = expectError('Only a headline here\n\nBy Ada Quill\n\nThe original source of this article is Fen Times', 'no-body');
    assert.match(error.message, /Only a headline here/);
  });

  test('a first line with no words throws no-title', () => {
    expectError('##\n\nA paragraph without a headline.', 'no-title');
  });
});

describe('furniture rules table', () => {
  test('ids are unique and patterns are not stateful', () => {
    const ids = FURNITURE_RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of FURNITURE_RULES) {
      assert.ok(!rule.pattern.global && !rule.pattern.sticky, `${rule.id} uses a stateful flag`);
      assert.ok(rule.id.startsWith(`${rule.kind}.`), `${rule.id} should start with its kind`);
    }
  });
});
