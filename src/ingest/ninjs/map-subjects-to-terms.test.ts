import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultTaxonomies } from '../../domain/default-taxonomies.js';
import { defaultNinjsMapping } from './default-ninjs-mapping.js';
import { mapSubjectsToTerms, type SubjectMapping } from './map-subjects-to-terms.js';
import type { NinjsConcept } from './ninjs-article.js';

const MEDTOP = 'http://cv.iptc.org/newscodes/mediatopic/';
const ISO = 'http://cvx.iptc.org/iso3166-1a2/';
const concept = (name: string | null, code: string | null = null, scheme: string | null = null): NinjsConcept => ({ name, code, scheme });
const terms = (subjects: NinjsConcept[], places: NinjsConcept[], table: SubjectMapping[] = defaultNinjsMapping) => mapSubjectsToTerms({ subjects, places }, table);

describe('mapSubjectsToTerms', () => {
  const table: SubjectMapping[] = [
    { match: { name: 'Elections' }, taxonomy: 'Theme', term: 'Politics and Elections' },
    { match: { code: 'medtop:16000000' }, taxonomy: 'Theme', term: 'Militarization and WMD' },
    { match: { scheme: MEDTOP, code: '06000000' }, taxonomy: 'Theme', term: 'Environment' },
    { match: { code: 'medtop:04*' }, taxonomy: 'Theme', term: 'Global Economy' },
    { match: { code: 'iso3166-1a2:RU' }, taxonomy: 'Region', term: 'Russia and FSU' },
    { match: { code: 'iso3166-1a2:UA' }, taxonomy: 'Region', term: 'Russia and FSU' },
    { match: { code: 'X1', name: 'Both' }, taxonomy: 'Theme', term: 'Needs both' },
  ];

  test('names match case-insensitively', () => {
    assert.deepEqual(terms([concept('  ELECTIONS ')], [], table), [{ taxonomy: 'Theme', names: ['Politics and Elections'] }]);
  });

  test('a prefixed code matches the scheme URI, a QCode, or a concept without a scheme; not another scheme', () => {
    for (const subject of [concept(null, '16000000', MEDTOP), concept(null, 'medtop:16000000'), concept(null, '16000000'), concept(null, '16000000', 'https://cv.iptc.org/newscodes/mediatopic')]) {
      assert.deepEqual(terms([subject], [], table), [{ taxonomy: 'Theme', names: ['Militarization and WMD'] }], JSON.stringify(subject));
    }
    assert.deepEqual(terms([concept(null, '16000000', 'http://tt.se/spec/subref/1.0/')], [], table), []);
    assert.deepEqual(terms([concept(null, 'subj:16000000')], [], table), []);
  });

  test('a rule scheme given separately works like a prefix', () => {
    assert.deepEqual(terms([concept(null, 'medtop:06000000')], [], table), [{ taxonomy: 'Theme', names: ['Environment'] }]);
  });

  test('a trailing * matches narrower codes', () => {
    assert.deepEqual(terms([concept(null, '04005000', MEDTOP)], [], table), [{ taxonomy: 'Theme', names: ['Global Economy'] }]);
  });

  test('places map the same way; codes ignore case; terms are grouped and not repeated', () => {
    assert.deepEqual(terms([concept('Elections')], [concept('Russia', 'ru', ISO), concept('Ukraine', 'UA', ISO)], table), [
      { taxonomy: 'Theme', names: ['Politics and Elections'] },
      { taxonomy: 'Region', names: ['Russia and FSU'] },
    ]);
  });

  test('every field of a rule must match; an empty rule matches nothing', () => {
    assert.deepEqual(terms([concept('Both', 'Y1')], [], table), []);
    assert.deepEqual(terms([concept('Both', 'X1')], [], table), [{ taxonomy: 'Theme', names: ['Needs both'] }]);
    assert.deepEqual(terms([concept('Anything')], [], [{ match: {}, taxonomy: 'T', term: 'never' }]), []);
  });
});

describe('defaultNinjsMapping', () => {
  test('maps the top-level media topics onto themes', () => {
    const codes: [string, string][] = [
      ['11000000', 'Politics and Elections'], ['16000000', 'Militarization and WMD'], ['04000000', 'Global Economy'],
      ['06000000', 'Environment'], ['13000000', 'Science and Medicine'],
    ];
    for (const [code, term] of codes) {
      assert.deepEqual(terms([concept(null, code, MEDTOP)], []), [{ taxonomy: 'Theme', names: [term] }], code);
      assert.deepEqual(terms([concept(null, `medtop:${code}`)], []), [{ taxonomy: 'Theme', names: [term] }], code);
    }
  });

  test('maps country codes and names onto regions', () => {
    const cases: [NinjsConcept, string][] = [
      [concept(null, 'RU', ISO), 'Russia and FSU'], [concept(null, 'by', ISO), 'Russia and FSU'], [concept(null, 'KZ', ISO), 'Russia and FSU'],
      [concept(null, 'US', ISO), 'USA'], [concept('United States'), 'USA'],
      [concept(null, 'de', ISO), 'Europe'], [concept('Italy', 'it', ISO), 'Europe'], [concept(null, 'NO', ISO), 'Europe'],
      [concept(null, 'CN', ISO), 'East Asia'], [concept('Japan'), 'East Asia'],
    ];
    for (const [place, term] of cases) assert.deepEqual(terms([], [place]), [{ taxonomy: 'Region', names: [term] }], JSON.stringify(place));
  });

  test('every default term exists in the default taxonomies', () => {
    const names = new Map<string, Set<string>>();
    const collect = (taxonomy: string, list: { name: string; children?: { name: string }[] }[]): void => {
      for (const term of list) {
        names.set(taxonomy, (names.get(taxonomy) ?? new Set()).add(term.name));
        if (term.children) collect(taxonomy, term.children);
      }
    };
    for (const taxonomy of defaultTaxonomies) collect(taxonomy.name, taxonomy.terms);
    for (const rule of defaultNinjsMapping) assert.ok(names.get(rule.taxonomy)?.has(rule.term), `${rule.taxonomy}: ${rule.term}`);
  });
});
