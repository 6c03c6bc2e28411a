/** What the recogniser knows of one language's word classes. */
export type WordClass = 'given-name' | 'surname' | 'place' | 'organisation' | 'demonym' | 'month-or-day' | 'common';

/**
 * The words and cues a language gives the entity and quote recognisers. Each language is one
 * object of this shape, so adding one is data, not new code paths.
 */
export interface EntityLanguage {
  code: string;
  /** Lower-case words whose trailing period does not end a sentence ("mr", "corp", "jan"). */
  abbreviations: ReadonlySet<string>;
  /** Forms of address that precede a person's name ("mr", "dr"), lower case without a period. */
  honorifics: ReadonlySet<string>;
  /** Heads of roles and titles ("president", "minister", "spokesman"), lower case. */
  roles: ReadonlySet<string>;
  /** Last words that make a name an organisation ("inc", "bank", "ministry"), lower case. */
  organisationSuffixes: ReadonlySet<string>;
  /** First words that make "X of Y" an organisation ("ministry", "bank", "university"). */
  organisationHeads: ReadonlySet<string>;
  /** Last words that make a name a place or a thing, never a person ("sea", "treaty", "street"). */
  nonPersonHeads: ReadonlySet<string>;
  /** Upper-case words that are not organisations ("GDP", "CEO"). */
  nonOrganisationAcronyms: ReadonlySet<string>;
  /** Small words allowed inside a name ("of", "de", "van"). */
  nameConnectors: ReadonlySet<string>;
  /** Verbs that introduce speech ("said", "told", "warned"), lower case. */
  speechVerbs: ReadonlySet<string>;
  /** Organisations a newsroom names daily that no cue gives away (news agencies), lower case. */
  organisations: ReadonlySet<string>;
  /** Pronouns that stand for a speaker ("he said"), lower case. */
  pronouns: ReadonlySet<string>;
  /** Nouns that make an unnamed speaker ("a Kremlin source", "diplomats"), lower case. */
  anonymousHeads: ReadonlySet<string>;
  /** Words that open an unnamed speaker's description ("a", "the", "several"). */
  determiners: ReadonlySet<string>;
  /** Well-known places the country list lacks: seats of power and cities used as metonyms. */
  places: ReadonlySet<string>;
  /** The class of a single word (lower case), if the language's lexicon knows it. */
  classOf(word: string): WordClass | null;
  /** True when `phrase` (as written) names a country or territory. */
  isCountry(phrase: string): boolean;
}
