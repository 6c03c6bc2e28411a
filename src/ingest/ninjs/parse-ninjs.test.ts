import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NinjsError, parseNinjs, type NinjsArticle } from './parse-ninjs.js';

function only(json: unknown): NinjsArticle {
  const { items } = parseNinjs(JSON.stringify(json));
  assert.equal(items.length, 1);
  return items[0]!;
}

function refusal(input: string | Buffer, code: NinjsError['code']): NinjsError {
  let caught: unknown;
  try {
    parseNinjs(input);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof NinjsError, `expected a NinjsError with code ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code);
  assert.ok(caught.message.length > 20, 'the message should say what is wrong');
  return caught;
}

describe('parseNinjs: ninjs 1.x', () => {
  const item = {
    $standard: { name: 'ninjs', version: '1.6', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json' },
    uri: 'https://news.example.org/2024/05/budget-vote',
    type: 'text',
    firstcreated: '2024-05-02T08:00:00+02:00',
    versioncreated: '2024-05-02T09:30:00+02:00',
    language: 'en-GB',
    headline: '  City council   delays budget vote ',
    byline: 'By Anna Berg and Jonas Lind',
    description_text: 'The vote moves to next week.',
    body_html: '<h1>City council delays budget vote</h1><p class="lead" onclick="steal()">Councillors <a href="javascript:alert(1)">argued</a> for <a href="https://example.org/budget" target="_blank">hours</a>.</p><script>alert(1)</script><p>Next week: <a href="/relative">more</a>.</p>',
    body_text: 'Ignored: HTML wins.',
    subject: [{ name: 'Politics', scheme: 'http://cv.iptc.org/newscodes/mediatopic/', code: '11000000' }],
    place: [{ name: 'Sweden', scheme: 'http://cvx.iptc.org/iso3166-1a2/', code: 'se' }],
    copyrightholder: 'Example News Agency',
    copyrightnotice: '© 2024 Example News Agency',
    usageterms: 'Editorial use only',
    associations: {
      mainpic: {
        uri: 'https://news.example.org/photos/1', type: 'picture',
        renditions: {
          original: { href: 'https://cdn.example.org/1-original.jpg', mimetype: 'image/jpeg', width: 6000 },
          web: { href: 'https://cdn.example.org/1-web.jpg', mimetype: 'image/jpeg', width: 1200 },
          thumb: { href: 'https://cdn.example.org/1-thumb.jpg', mimetype: 'image/jpeg', width: 200 },
        },
      },
    },
  };

  test('reads the fields of a 1.x item', () => {
    const article = only(item);
    assert.equal(article.version, '1.x');
    assert.equal(article.type, 'text');
    assert.equal(article.title, 'City council delays budget vote');
    assert.equal(article.standfirst, 'The vote moves to next week.');
    assert.deepEqual(article.authors, ['Anna Berg', 'Jonas Lind']);
    assert.equal(article.published, '2024-05-02T06:00:00.000Z');
    assert.equal(article.updated, '2024-05-02T07:30:00.000Z');
    assert.equal(article.language, 'en-GB');
    assert.deepEqual(article.subjects, [{ name: 'Politics', code: '11000000', scheme: 'http://cv.iptc.org/newscodes/mediatopic/' }]);
    assert.deepEqual(article.places, [{ name: 'Sweden', code: 'se', scheme: 'http://cvx.iptc.org/iso3166-1a2/' }]);
    assert.equal(article.copyrightHolder, 'Example News Agency');
    assert.equal(article.copyrightNotice, '© 2024 Example News Agency');
    assert.equal(article.usageTerms, 'Editorial use only');
    assert.equal(article.provider, 'Example News Agency');
    assert.equal(article.originalUrl, 'https://news.example.org/2024/05/budget-vote');
    assert.equal(article.imageUrl, 'https://cdn.example.org/1-web.jpg', 'the widest web-sized rendition of the associated picture');
  });

  test('sanitizes the HTML body: no scripts, handlers, javascript: or relative links; the repeated title goes', () => {
    assert.equal(
      only(item).bodyHtml,
      '<p>Councillors <a>argued</a> for <a href="https://example.org/budget">hours</a>.</p><p>Next week: <a>more</a>.</p>',
    );
  });

  test('a body_text turns into escaped paragraphs; headline_* and other body_* extensions are read', () => {
    const article = only({ uri: 'urn:x', headline_main: 'Main', body_text: 'First <para> & more\nwrapped.\n\nSecond "para".' });
    assert.equal(article.title, 'Main');
    assert.equal(article.bodyHtml, '<p>First &lt;para&gt; &amp; more wrapped.</p>\n<p>Second &quot;para&quot;.</p>');
    assert.equal(only({ uri: 'urn:x', body_richtext: '<p>Rich</p>', body_main: 'plain' }).bodyHtml, '<p>Rich</p>');
  });
});

describe('parseNinjs: ninjs 2.x', () => {
  const item = {
    uri: 'urn:newsml:example.org:20240502:abc',
    type: 'text',
    versioncreated: '2024-05-02T09:30:00Z',
    language: 'de',
    headlines: [{ role: 'sub', value: 'Unterzeile' }, { role: 'main', value: 'Stadtrat vertagt Haushalt' }],
    descriptions: [{ role: 'caption', value: 'Bildunterschrift' }, { role: 'summary', value: 'Die Abstimmung wird verschoben.' }],
    bodies: [{ role: 'text', contenttype: 'text/plain', value: 'Erster Absatz.\nZweiter Absatz mit <Klammern>.' }],
    by: 'Von Christian Beispiel, dpa',
    subjects: [{ name: 'Politik', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000' }, { name: 'Inland', literal: 'INL' }],
    places: [{ name: 'Deutschland', uri: 'http://cvx.iptc.org/iso3166-1a2/DE' }],
    infosources: [{ name: 'Interviewee', role: 'interview source' }, { name: 'dpa', role: 'originfo' }],
    renditions: [{ name: 'teaser', href: 'https://img.example.org/teaser.png', contenttype: 'image/png', width: 800 }],
  };

  test('reads the fields of a 2.x item', () => {
    const article = only(item);
    assert.equal(article.version, '2.x');
    assert.equal(article.title, 'Stadtrat vertagt Haushalt');
    assert.equal(article.standfirst, 'Die Abstimmung wird verschoben.');
    assert.deepEqual(article.authors, ['Christian Beispiel']);
    assert.equal(article.provider, 'dpa');
    assert.equal(article.published, '2024-05-02T09:30:00.000Z');
    assert.equal(article.updated, null);
    assert.equal(article.bodyHtml, '<p>Erster Absatz.</p>\n<p>Zweiter Absatz mit &lt;Klammern&gt;.</p>');
    assert.deepEqual(article.subjects, [
      { name: 'Politik', code: '11000000', scheme: 'http://cv.iptc.org/newscodes/mediatopic/' },
      { name: 'Inland', code: 'INL', scheme: null },
    ]);
    assert.deepEqual(article.places, [{ name: 'Deutschland', code: 'DE', scheme: 'http://cvx.iptc.org/iso3166-1a2/' }]);
    assert.equal(article.originalUrl, null, 'a URN is no web address');
    assert.equal(article.imageUrl, 'https://img.example.org/teaser.png');
  });

  test('the agency alone in the byline is the author and the provider', () => {
    const article = only({ uri: 'urn:x', headlines: [{ value: 'T' }], by: 'NTB' });
    assert.deepEqual([article.authors, article.provider], [['NTB'], 'NTB']);
  });
});

describe('parseNinjs: ninjs 3.x', () => {
  const item = {
    standard: { name: 'ninjs', version: '3.1' },
    uri: 'https://api.example.org/items/42',
    type: 'text',
    firstCreated: '2024-05-01',
    versionCreated: '2024-05-02T10:00:00Z',
    copyrightHolder: 'Example Wire',
    usageTerms: 'No archiving',
    pubStatus: 'canceled',
    headlines: [{ value: 'Ceasefire talks resume' }],
    bodies: [
      { role: 'nitf', contentType: 'application/nitf+xml', value: '<nitf><body><body.content><hl2>Background</hl2><p>Talks resumed.</p></body.content></body></nitf>' },
      { role: 'plain', contentType: 'text/plain', value: 'Talks resumed.' },
    ],
    infoSources: [{ name: 'Example Wire' }],
    associations: [
      { name: 'web', uri: 'https://www.example.org/news/ceasefire-talks', rel: 'canonical' },
      { name: 'chart', uri: 'https://img.example.org/chart.svg', type: 'graphic', renditions: [{ name: 'png', href: 'https://img.example.org/chart.png', contentType: 'image/png' }] },
    ],
  };

  test('reads camelCase fields, prefers NITF over plain text, a canonical association over the API URI', () => {
    const { items, problems } = parseNinjs(JSON.stringify(item));
    const article = items[0]!;
    assert.equal(article.version, '3.x');
    assert.equal(article.published, '2024-05-01');
    assert.equal(article.updated, '2024-05-02T10:00:00.000Z');
    assert.equal(article.copyrightHolder, 'Example Wire');
    assert.equal(article.usageTerms, 'No archiving');
    assert.equal(article.provider, 'Example Wire');
    assert.equal(article.bodyHtml, '<h3>Background</h3><p>Talks resumed.</p>');
    assert.equal(article.originalUrl, 'https://www.example.org/news/ceasefire-talks');
    assert.equal(article.imageUrl, 'https://img.example.org/chart.png', 'a graphic serves when there is no picture');
    assert.deepEqual(problems, [{ item: 0, message: '“Ceasefire talks resume” is marked “canceled” by its provider: it must not be published.' }]);
  });

  test('the generation is recognised from property names when undeclared', () => {
    assert.equal(only({ uri: 'u', title: 'x', versionCreated: '2024-01-01T00:00:00Z' }).version, '3.x');
    assert.equal(only({ uri: 'u', headlines: [{ value: 'x' }] }).version, '2.x');
    assert.equal(only({ uri: 'u', headline: 'x' }).version, '1.x');
  });
});

describe('parseNinjs: items without text, packages, collections', () => {
  test('a picture is kept without a body, with a problem saying so', () => {
    const { items, problems } = parseNinjs(JSON.stringify({
      uri: 'https://photos.example.org/9', type: 'picture', headline: 'Harbour at dawn',
      renditions: { main: { href: 'https://photos.example.org/9.jpg', mimetype: 'image/jpeg', width: 1600 } },
    }));
    assert.equal(items[0]!.bodyHtml, null);
    assert.equal(items[0]!.imageUrl, 'https://photos.example.org/9.jpg');
    assert.deepEqual(problems.map((p) => p.item), [0]);
    assert.match(problems[0]!.message, /picture item and carries no text/);
  });

  test('a package without text yields its associated stories, which inherit rights and language', () => {
    const { items, problems } = parseNinjs(JSON.stringify({
      uri: 'urn:package', type: 'composite', headlines: [{ value: 'Morning briefing' }], language: 'fr', copyrightholder: 'Agence Exemple',
      associations: [
        { name: 's1', uri: 'urn:s1', type: 'text', headlines: [{ value: 'Premier sujet' }], bodies: [{ contenttype: 'text/html', value: '<p>Un.</p>' }] },
        { name: 'p1', uri: 'urn:p1', type: 'picture' },
        { name: 's2', uri: 'urn:s2', type: 'text', headlines: [{ value: 'Second sujet' }], bodies: [{ value: 'Deux.' }], language: 'en' },
      ],
    }));
    assert.deepEqual(items.map((i) => [i.title, i.bodyHtml, i.language, i.copyrightHolder]), [
      ['Premier sujet', '<p>Un.</p>', 'fr', 'Agence Exemple'],
      ['Second sujet', '<p>Deux.</p>', 'en', 'Agence Exemple'],
    ]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.item, null);
  });

  test('a collection: good entries are read, a wrong one is skipped with its path, a non-item is reported', () => {
    const { items, problems } = parseNinjs(JSON.stringify([
      { uri: 'urn:1', headlines: [{ value: 'One' }], bodies: [{ value: 'Body one.' }] },
      { uri: 'urn:2', headlines: [{ value: 42 }] },
      'not an item',
      { uri: 'urn:4', title: 'Four' },
    ]));
    assert.deepEqual(items.map((i) => i.uri), ['urn:1', 'urn:4']);
    assert.equal(problems[0]!.item, null);
    assert.match(problems[0]!.message, /\$\[1\]\.headlines\[0\]\.value should be a string, not a number/);
    assert.match(problems[1]!.message, /\$\[2\] is not a ninjs item/);
    assert.deepEqual(problems[2], { item: 1, message: '“Four” carries no body text; it is imported without a body.' });
  });

  test('items with neither headline nor body are skipped; a document of only such items is refused', () => {
    const { items, problems } = parseNinjs(JSON.stringify([{ uri: 'urn:empty', type: 'text' }, { uri: 'urn:full', headline: 'Full' }]));
    assert.deepEqual(items.map((i) => i.uri), ['urn:full']);
    assert.ok(problems.some((p) => p.item === null && p.message === 'Item urn:empty has neither a headline nor a body; there is nothing to import, so it is skipped.'));
    assert.match(refusal('{"uri": "urn:empty", "urgency": 3}', 'invalid').message, /Item urn:empty has neither a headline nor a body/);
    assert.equal(parseNinjs('{"uri": "urn:p", "type": "picture", "renditions": [{"name": "m", "href": "https://p.example/1.jpg"}]}').items.length, 1, 'an untitled picture still has its image');
  });

  test('a collection whose every entry is invalid is refused with the first reason', () => {
    const error = refusal(JSON.stringify([{ uri: 'a', title: 1 }, { uri: 'b', title: 2 }]), 'invalid');
    assert.match(error.message, /\$\[0\]\.title/);
  });

  test('unreadable dates are dropped with a problem', () => {
    const { items, problems } = parseNinjs(JSON.stringify({ uri: 'u', headline: 'H', body_text: 'B', versioncreated: 'Last Tuesday' }));
    assert.equal(items[0]!.published, null);
    assert.match(problems[0]!.message, /“Last Tuesday”, which is not an ISO 8601 date/);
  });
});

describe('parseNinjs: refusals', () => {
  test('not JSON: garbage, XML, empty, not UTF-8', () => {
    refusal('{"uri": "x",}', 'not-json');
    assert.match(refusal('<?xml version="1.0"?><newsMessage/>', 'not-json').message, /XML/);
    assert.match(refusal('', 'not-json').message, /empty/);
    refusal(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'not-json');
  });

  test('a UTF-8 BOM is accepted', () => {
    assert.equal(parseNinjs(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"uri":"u","headline":"Ä"}')])).items[0]!.title, 'Ä');
  });

  test('JSON that is not ninjs', () => {
    refusal('42', 'not-ninjs');
    refusal('null', 'not-ninjs');
    refusal('{}', 'not-ninjs');
    refusal('[]', 'not-ninjs');
    refusal('["a", 1]', 'not-ninjs');
    refusal('{"name": "package.json", "version": "1.0.0"}', 'not-ninjs');
    assert.match(refusal('{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "x", "type": "object"}', 'not-ninjs').message, /JSON Schema/);
  });

  test('wrong types of fields we read are invalid, with the JSON path', () => {
    const cases: [unknown, string][] = [
      [{ uri: 'u', headlines: [{ value: 42 }] }, '$.headlines[0].value should be a string, not a number'],
      [{ uri: 7 }, '$.uri should be a string, not a number'],
      [{ uri: 'u', subject: 'Politics' }, '$.subject should be an array, not a string'],
      [{ uri: 'u', body_html: { p: 1 } }, '$.body_html should be a string, not an object'],
      [{ uri: 'u', renditions: 'big.jpg' }, '$.renditions should be an array (or, in ninjs 1.x, an object), not a string'],
      [{ uri: 'u', associations: { 'main pic': { uri: 'p', renditions: { big: { href: 5 } } } } }, '$.associations["main pic"].renditions.big.href should be a string, not a number'],
      [{ uri: 'u', $standard: 'http://www.iptc.org/std/ninjs/ninjs-schema_1.3.json' }, '$.$standard should be an object, not a string'],
    ];
    for (const [json, message] of cases) assert.ok(refusal(JSON.stringify(json), 'invalid').message.includes(message), message);
  });

  test('fields we do not read may have any shape', () => {
    assert.equal(only({ uri: 'u', headline: 'H', urgency: 'high', person: 'Someone', ednote: { x: 1 } }).title, 'H');
  });
});
