import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import englishCountryNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { EntityLanguage, WordClass } from './language.js';

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

countries.registerLocale(englishCountryNames);
const countryNames = new Set(
  Object.values(countries.getNames('en', { select: 'all' })).flat().map((n) => n.toLowerCase()),
);

type Lexicon = Record<string, string | string[]>;
const require = createRequire(import.meta.url);
let lexicon: Lexicon | null = null;

/**
 * compromise's 24,000-word English lexicon (given names, surnames, places, organisations, word
 * classes), loaded at the first word looked up: the package holds some 40 MB once loaded, which a
 * process that never looks for names (a site import, a web node before its first analysis) need
 * not carry. Its CommonJS build, so that loading stays synchronous on every Node from 20 on.
 */
function lexiconOf(): Lexicon {
  lexicon ??= (require('compromise') as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon;
  return lexicon;
}

const GIVEN = new Set(['MaleName', 'FemaleName', 'FirstName']);
const PLACE = new Set(['City', 'Country', 'Region', 'Place']);
const ORGANISATION = new Set(['Organization', 'SportsTeam']);

function classOf(word: string): WordClass | null {
  const entry = lexiconOf()[word.toLowerCase()];
  if (entry === undefined) return null;
  const tags = Array.isArray(entry) ? entry : [entry];
  if (tags.some((t) => t === 'Month' || t === 'WeekDay')) return 'month-or-day';
  if (tags.some((t) => GIVEN.has(t))) return 'given-name';
  if (tags.includes('LastName') || tags.includes('Person')) return 'surname';
  if (tags.some((t) => PLACE.has(t))) return 'place';
  if (tags.some((t) => ORGANISATION.has(t))) return 'organisation';
  if (tags.includes('Demonym')) return 'demonym';
  if (tags.includes('ProperNoun') || tags.includes('Honorific')) return null;
  return 'common';
}

/** English: news-wire titles, organisation cues and abbreviations. */
export const english: EntityLanguage = {
  code: 'en',
  abbreviations: words(`mr mrs ms dr st gen sen rep gov lt col capt cmdr adm sgt prof rev hon jr sr
    inc corp ltd co bros no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft`),
  honorifics: words('mr mrs ms miss dr sir dame lord lady prof professor rev sheikh mr. mrs. ms. dr. prof. rev.'),
  roles: words(`president president-elect vice-president premier minister secretary chancellor king queen prince
    princess pope senator sen governor gov mayor chairman chairwoman chairperson chief director spokesman
    spokeswoman spokesperson general gen admiral colonel col commander ambassador envoy judge justice
    congressman congresswoman representative rep leader emperor ayatollah prosecutor treasurer commissioner
    governor-general sheikh executive economist analyst lieutenant captain sergeant archbishop bishop cardinal
    dictator monarch exchequer coach manager head ceo spokesperson chairman-elect patriarch`),
  organisationSuffixes: words(`inc inc. corp corp. corporation ltd ltd. co co. plc ag sa nv llc gmbh group bank ministry
    agency council party university organisation organization association commission committee department fund
    board company airlines airways motors institute federation union authority office exchange court parliament
    senate congress assembly army navy police service industries holdings trust securities partners bancorp
    bancshares foundation league alliance front club administration cabinet secretariat chamber systems
    technologies communications institution lynch international petroleum electric railways railway chemicals laboratories`),
  organisationHeads: words(`ministry bank university department organisation organization council commission committee
    federation union association league institute board court house chamber office fund bureau agency`),
  nonPersonHeads: words(`sea ocean river lake gulf bay strait island islands mountains mountain valley coast peninsula
    street avenue road square city province state states republic kingdom empire treaty agreement accord act
    pact summit day war plan programme program initiative doctrine convention conference talks games cup
    europe asia africa america east west north south middle central`),
  nonOrganisationAcronyms: words(`GDP GNP CEO CFO TV AM PM OK II III IV VI START SALT AIDS HIV DNA US USA UK USSR UAE
    EST WMD FSU GMT BST PST ID VAT CPI PPI M1 M2 M3 A B C I`),
  nameConnectors: words('of de da del della di du la le van von der den ter bin ibn al el abu'),
  speechVerbs: words(`said says say told tells added adds stressed stresses noted insisted insists warned warns stated
    declared declares explained explains announced announces argued argues asserted asserts claimed confirmed confirms
    emphasised emphasized maintained predicted replied saying acknowledged admitted cautioned conceded contended
    reiterated responded vowed denied complained suggested`),
  organisations: new Set(['ria novosti', 'reuters', 'tass', 'itar-tass', 'xinhua', 'interfax', 'kyodo', 'associated press',
    'agence france-presse', 'afp', 'bloomberg', 'reuter', 'fed', 'newsweek', 'dow jones', 'novosti', 'ria']),
  pronouns: words('he she they we i'),
  anonymousHeads: words(`source sources official officials diplomat diplomats analyst analysts aide aides insider insiders
    economist economists trader traders dealer dealers banker bankers observer observers expert experts executive
    executives spokesman spokeswoman spokesperson witness witnesses resident residents people person someone
    participant participants delegate delegates negotiator negotiators lawmaker lawmakers adviser advisers advisor managers strategist strategists brokers spokesmen
    representatives authorities members forecasters businessmen businessman`),
  determiners: words('a an the one two three several some many other another senior'),
  places: words('kremlin pentagon washington moscow london paris tokyo beijing brussels downing whitehall'),
  classOf,
  isCountry: (phrase) => countryNames.has(phrase.toLowerCase()) || countryNames.has(phrase.replace(/^the\s+/i, '').toLowerCase()),
};
