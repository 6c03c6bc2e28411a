// Every JSON file of the IPTC ninjs corpus (examples, spec examples, the conformance suite) goes
// through parseNinjs: each either parses into items or is refused with a NinjsError — never any
// other exception. NewsML-G2 and the source XML are not ninjs and must be refused as 'not-json'.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultNinjsMapping } from '../../src/ingest/ninjs/default-ninjs-mapping.js';
import { mapSubjectsToTerms } from '../../src/ingest/ninjs/map-subjects-to-terms.js';
import { NinjsError, parseNinjs, type NinjsArticle, type ParsedNinjs } from '../../src/ingest/ninjs/parse-ninjs.js';

const corpusRoot = fileURLToPath(new URL('../../../shared/corpus/iptc/', import.meta.url));
const ninjsRoot = path.join(corpusRoot, 'ninjs');
const missing = existsSync(ninjsRoot) ? false : `IPTC corpus not found at ${corpusRoot}; this test needs ../shared/corpus next to the repository`;

function filesUnder(dir: string, extension: string, skip: string[] = []): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return skip.includes(name) ? [] : filesUnder(full, extension, skip);
    return name.endsWith(extension) ? [full] : [];
  });
}

type Outcome = { file: string; parsed: ParsedNinjs } | { file: string; refused: NinjsError };

function run(file: string): Outcome {
  try {
    return { file, parsed: parseNinjs(readFileSync(file)) };
  } catch (error) {
    if (error instanceof NinjsError) return { file, refused: error };
    throw new Error(`${path.relative(corpusRoot, file)} threw something other than a NinjsError: ${String(error)}`, { cause: error });
  }
}

const relative = (file: string): string => path.relative(ninjsRoot, file).split(path.sep).join('/');

function parsedItems(file: string): NinjsArticle[] {
  const outcome = run(path.join(ninjsRoot, file));
  assert.ok('parsed' in outcome, `${file} should parse: ${'refused' in outcome ? outcome.refused.message : ''}`);
  return outcome.parsed.items;
}

function single(file: string): NinjsArticle {
  const items = parsedItems(file);
  assert.equal(items.length, 1, file);
  return items[0]!;
}

describe('IPTC ninjs corpus', { skip: missing }, () => {
  const files = filesUnder(ninjsRoot, '.json', ['schemas']);

  test('every JSON file parses or is refused with a NinjsError and a clear message', () => {
    assert.ok(files.length > 250, `expected the whole corpus, found ${files.length} files`);
    const outcomes = files.map(run);
    const refusedByCode = new Map<string, number>();
    let items = 0;
    for (const outcome of outcomes) {
      const name = relative(outcome.file);
      if ('refused' in outcome) {
        refusedByCode.set(outcome.refused.code, (refusedByCode.get(outcome.refused.code) ?? 0) + 1);
        assert.ok(outcome.refused.message.length > 30 && !/\bundefined\b/.test(outcome.refused.message), `${name}: unclear message “${outcome.refused.message}”`);
        continue;
      }
      assert.ok(outcome.parsed.items.length >= 1, `${name}: no items`);
      items += outcome.parsed.items.length;
      for (const [index, item] of outcome.parsed.items.entries()) {
        if (item.type === null || item.type === 'text') assert.ok(item.title !== null || item.bodyHtml !== null, `${name} item ${index}: a text item without title or body`);
        if (item.bodyHtml === null) assert.ok(outcome.parsed.problems.some((p) => p.item === index), `${name} item ${index}: no body and no problem reported`);
        if (item.bodyHtml !== null) assert.doesNotMatch(item.bodyHtml, /<script|<style|\son\w+=|javascript:|<iframe/i, `${name} item ${index}`);
      }
    }
    const parsed = outcomes.filter((o) => 'parsed' in o).length;
    const refused = [...refusedByCode].map(([code, count]) => `${count} ${code}`).join(', ');
    console.log(`IPTC ninjs corpus: ${files.length} files, ${parsed} parsed (${items} items), ${files.length - parsed} refused (${refused}).`);
  });

  test('conformance files meant to pass parse, unless they carry nothing to import', () => {
    let empty = 0;
    for (const file of files.filter((f) => relative(f).includes('/should_pass/'))) {
      const outcome = run(file);
      if ('parsed' in outcome) continue;
      // Most of the suite are one-property documents ({"uri": …, "urgency": 5}): valid ninjs, but no article.
      assert.equal(outcome.refused.code, 'invalid', relative(file));
      assert.match(outcome.refused.message, /has neither a headline nor a body; there is nothing to import/, relative(file));
      empty++;
    }
    assert.ok(empty > 0 && empty < 150, `${empty} empty conformance documents`);
  });

  test('conformance files meant to fail that are not even JSON are refused as not-json', () => {
    const notJson = files.filter((f) => relative(f).includes('/should_fail/')).filter((f) => {
      try {
        JSON.parse(readFileSync(f, 'utf8'));
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(notJson.length, 5, 'the corpus README says five should_fail files are not valid JSON');
    for (const file of notJson) {
      const outcome = run(file);
      assert.ok('refused' in outcome && outcome.refused.code === 'not-json', relative(file));
    }
  });

  test('conformance failures on fields we read are refused as invalid, naming the field', () => {
    const cases: [string, string][] = [
      ['validation-suite/1.0/should_fail/008_usageterms_object.json', '$.usageterms'],
      ['validation-suite/1.2/should_fail/001_title_as_number.json', '$.title'],
      ['validation-suite/1.2/should_fail/002_firstcreated_bad_type.json', '$.firstcreated'],
      ['validation-suite/1.3/should_fail/001_schema_bad.json', '$.$standard'],
    ];
    for (const [file, field] of cases) {
      const outcome = run(path.join(ninjsRoot, file));
      assert.ok('refused' in outcome && outcome.refused.code === 'invalid', file);
      assert.ok(outcome.refused.message.includes(field), outcome.refused.message);
    }
    assert.equal((run(path.join(ninjsRoot, 'validation-suite/1.0/should_fail/001_no_uri_declared.json')) as { refused: NinjsError }).refused.code, 'not-ninjs');
  });

  test('JSON Schemas in the corpus are refused as not-ninjs', () => {
    for (const file of ['validation-suite/GeoJSON-schema.json', 'examples/2.1/schema-extension/extension-schema.json']) {
      const outcome = run(path.join(ninjsRoot, file));
      assert.ok('refused' in outcome && outcome.refused.code === 'not-ninjs', file);
    }
  });

  test('TT text (3.0): headline, language, sanitized HTML body with its link, image, provider', () => {
    const article = single('examples/3.0/tt_text_image_3.json');
    assert.equal(article.version, '3.x');
    assert.equal(article.type, 'text');
    assert.equal(article.title, 'Militärövning i jätteformat hålls 2023');
    assert.equal(article.language, 'sv');
    assert.equal(article.published, '2021-05-26T11:40:18.000Z');
    assert.equal(article.provider, 'TT');
    assert.match(article.bodyHtml ?? '', /<p>Pandemin satte stopp för den stora internationella militärövningen Aurora 2020/);
    assert.match(article.bodyHtml ?? '', /<a href="https:\/\/www\.sydostran\.se\/nyheter\/[^"]+">Sydöstran<\/a>/);
    assert.match(article.bodyHtml ?? '', /<blockquote>Precis som den gången/);
    assert.doesNotMatch(article.bodyHtml ?? '', /Militärövning i jätteformat|data-|class=|uri=/, 'no repeated title, no provider attributes');
    assert.equal(article.imageUrl, 'https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalPreview.jpg');
    assert.deepEqual(article.subjects, [{ name: 'Krig, konflikter och oroligheter', code: '16000000', scheme: 'http://tt.se/spec/subref/1.0/' }]);
    assert.deepEqual(mapSubjectsToTerms(article, defaultNinjsMapping), [{ taxonomy: 'Region', names: ['Europe'] }], 'Finland is a place of the story');
  });

  test('TT text (2.1) reads like its 3.0 twin', () => {
    const [older, newer] = [single('examples/2.1/tt_text_image_2.json'), single('examples/3.0/tt_text_image_3.json')];
    assert.equal(older.version, '2.x');
    assert.deepEqual({ ...older, version: newer.version }, newer);
  });

  test('NTB text (2.1 and 3.0): headline, language, standfirst and subjects, but no body', () => {
    for (const file of ['examples/2.1/ntb_text.json', 'examples/3.0/ntb_text.json']) {
      const article = single(file);
      assert.equal(article.title, 'Google har kjøpt giganttomt i Skien');
      assert.equal(article.language, 'nb-NO');
      assert.equal(article.standfirst, 'IT-giganten Google har kjøpt en tomt på nærmere 2.000 mål i Skien i tilfelle det blir behov for flere datasentre i Europa.');
      assert.equal(article.bodyHtml, null);
      assert.equal(article.provider, 'NTB');
      assert.equal(article.updated, '2019-08-09T09:46:53.000Z');
      assert.deepEqual(article.subjects.map((s) => s.code), ['Innenriks', '13010000', '04011000', '04005000']);
      assert.deepEqual(mapSubjectsToTerms(article, defaultNinjsMapping), [{ taxonomy: 'Theme', names: ['Global Economy', 'Oil and Energy', 'Science and Medicine'] }]);
    }
  });

  test('dpa text: German body, author without the agency, dpa as provider', () => {
    const article = single('examples/3.0/dpa_text.json');
    assert.equal(article.title, 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?');
    assert.equal(article.language, 'de');
    assert.deepEqual(article.authors, ['Christian Hollmann']);
    assert.equal(article.provider, 'dpa');
    assert.equal(article.copyrightNotice, 'Copyright 2019, dpa (www.dpa.de). Alle Rechte vorbehalten');
    assert.match(article.bodyHtml ?? '', /^<p>Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren»/);
  });

  test('ADDB NITF body (3.0) becomes paragraphs', () => {
    const article = single('examples/3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json');
    assert.equal(article.title, "Anti-doping measures at the 'Tour Down Under' will be the toughest ever");
    assert.match(article.bodyHtml ?? '', /<p>Launch of the UCI’s Biological Passport Program/);
    assert.doesNotMatch(article.bodyHtml ?? '', /<block|<body|tobject|class=/);
  });

  test('1.4 complex example: 1.x fields, two authors, associated picture, Italy as a place', () => {
    const article = single('examples/1.4/ninjsExComplex2.json');
    assert.equal(article.version, '1.x');
    assert.deepEqual(article.authors, ['Paulo Santalucia', "Frances d'Emilio"]);
    assert.equal(article.imageUrl, 'http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg');
    assert.match(article.bodyHtml ?? '', /^<p>GROSSETO, Italy \(AP\) -- The trial/);
    assert.deepEqual(mapSubjectsToTerms(article, defaultNinjsMapping), [{ taxonomy: 'Region', names: ['Europe'] }]);
  });

  test('Business Wire release in Chinese (1.4) and US release subjects', () => {
    assert.equal(single('examples/1.4/businesswire-newsml-20130605006126.json').title, 'Cambrios被Gartner評選為「最酷供應商」');
    const release = single('examples/2.1/businesswire-newsml-20130731006140.json');
    assert.equal(release.originalUrl, 'http://www.businesswire.com/news/home/20130731006140/en');
    assert.deepEqual(mapSubjectsToTerms(release, defaultNinjsMapping), [{ taxonomy: 'Region', names: ['USA'] }]);
  });

  test('AP picture: kept without a body, with a web-sized image and a problem', () => {
    const outcome = run(path.join(ninjsRoot, 'examples/3.0/ap_image.json'));
    assert.ok('parsed' in outcome);
    const [article] = outcome.parsed.items;
    assert.equal(article!.type, 'picture');
    assert.equal(article!.bodyHtml, null);
    assert.match(article!.imageUrl ?? '', /^http:\/\/mapi\.associatedpress\.com\/.*preview/);
    assert.equal(outcome.parsed.problems.length, 1);
    assert.match(outcome.parsed.problems[0]!.message, /picture item and carries no text/);
  });

  test('the 3.0 event timeline collection yields all its entries', () => {
    const items = parsedItems('examples/3.0/collection/20231016-event-timeline-sample.json');
    assert.equal(items.length, 14);
    assert.equal(items[0]!.title, 'Athlete uses medicine containing prohibited substance');
    assert.ok(items.every((item) => item.version === '3.x' && item.uri?.startsWith('https://iptc.org/example/uri/')));
  });
});

describe('IPTC XML (NewsML-G2, NewsML 1, NITF) is not ninjs', { skip: missing }, () => {
  test('every XML file is refused as not-json', () => {
    const xml = [...filesUnder(path.join(corpusRoot, 'newsml-g2'), '.xml'), ...filesUnder(path.join(ninjsRoot, 'source-xml'), '.xml')];
    assert.ok(xml.length >= 30, `expected the XML examples, found ${xml.length}`);
    for (const file of xml) {
      const outcome = run(file);
      assert.ok('refused' in outcome && outcome.refused.code === 'not-json', path.relative(corpusRoot, file));
      assert.match(outcome.refused.message, /XML/);
    }
    console.log(`IPTC XML: ${xml.length} files refused as not-json.`);
  });
});
