/**
 * The starting table for mapping ninjs subjects and places to the default taxonomies
 * (domain/default-taxonomies.ts). Data, not code: a site replaces or extends it.
 *
 * Themes come from IPTC Media Topics (`medtop:`, http://cv.iptc.org/newscodes/mediatopic/) and
 * the older Subject Codes (`subj:`), whose top-level numbers are the same for these subjects;
 * `04*` also takes the second level (`04005000` energy and resource). Regions come from ISO 3166
 * country codes (`iso3166-1a2:`, the IPTC's http://cvx.iptc.org/iso3166-1a2/) and English names.
 */
import type { SubjectMapping } from './map-subjects-to-terms.js';

const THEMES: [codes: string[], term: string][] = [
  [['11*'], 'Politics and Elections'],
  [['16*'], 'Militarization and WMD'],
  [['04*'], 'Global Economy'],
  [['04005*'], 'Oil and Energy'],
  [['06*'], 'Environment'],
  [['13*', '07*'], 'Science and Medicine'],
  [['02*'], 'Law and Justice'],
];

const REGIONS: [countryCodes: string[], names: string[], term: string][] = [
  [['RU', 'UA', 'BY', 'KZ', 'MD', 'GE', 'AM', 'AZ', 'UZ', 'KG', 'TJ', 'TM'], ['Russia', 'Russian Federation', 'Ukraine', 'Belarus', 'Kazakhstan'], 'Russia and FSU'],
  [['US'], ['United States', 'USA', 'United States of America'], 'USA'],
  [['CA'], ['Canada'], 'Canada'],
  [['DE', 'FR', 'GB', 'SE', 'NO', 'FI', 'DK', 'IT', 'ES', 'PT', 'NL', 'BE', 'AT', 'CH', 'PL', 'IE', 'GR', 'CZ'],
    ['Germany', 'France', 'United Kingdom', 'UK', 'Sweden', 'Norway', 'Finland', 'Denmark', 'Italy', 'Spain', 'Netherlands', 'Poland', 'Europe', 'Western Europe'], 'Europe'],
  [['CN', 'JP', 'KR', 'KP', 'TW', 'MN'], ['China', 'Japan', 'South Korea', 'North Korea', 'Taiwan'], 'East Asia'],
  [['IN', 'PK', 'BD', 'LK', 'NP', 'AF'], ['India', 'Pakistan', 'Bangladesh', 'Afghanistan'], 'South Asia'],
  [['ID', 'TH', 'VN', 'PH', 'MY', 'SG', 'MM'], ['Indonesia', 'Thailand', 'Vietnam', 'Philippines', 'Myanmar'], 'Southeast Asia'],
  [['IL', 'IR', 'IQ', 'SY', 'SA', 'EG', 'LB', 'JO', 'YE'], ['Israel', 'Iran', 'Iraq', 'Syria', 'Saudi Arabia', 'Egypt', 'Middle East'], 'Middle East & North Africa'],
  [['AU', 'NZ'], ['Australia', 'New Zealand'], 'Oceania'],
];

/** Default ninjs subject and place mappings onto the Theme and Region taxonomies. */
export const defaultNinjsMapping: SubjectMapping[] = [
  ...THEMES.flatMap(([codes, term]) => codes.flatMap((code) => ['medtop', 'subj'].map((scheme) => ({ match: { code: `${scheme}:${code}` }, taxonomy: 'Theme', term })))),
  ...REGIONS.flatMap(([codes, names, term]) => [
    ...codes.map((code) => ({ match: { code: `iso3166-1a2:${code}` }, taxonomy: 'Region', term })),
    ...names.map((name) => ({ match: { name }, taxonomy: 'Region', term })),
  ]),
];
