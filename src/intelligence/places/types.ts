/** What kind of name matched: it sets how much one mention counts. */
export type PlaceKind =
  | 'country' | 'historic' | 'capital' | 'city' | 'subdivision' | 'demonym' | 'metonym' | 'leader';

/** Which part of the article a mention was found in. */
export type PlaceField = 'dateline' | 'headline' | 'body';

/** One mention that supports a country: where it is and what it matched as. */
export interface PlaceEvidence {
  field: PlaceField;
  /** Offsets into that field's text, end exclusive. */
  start: number;
  end: number;
  text: string;
  kind: PlaceKind;
}

/** A country the article is about or mentions, as ISO 3166-1 alpha-2. */
export interface PlaceTag {
  code: string;
  /** 0..1, rises with the weight of the mentions; comparable across articles. */
  score: number;
  /** The summed weight of the mentions, unbounded: what scores are compared by within one article. */
  weight: number;
  /** True when the country is one of the article's places, not a passing mention (see selectMainPlaces). */
  main: boolean;
  evidence: PlaceEvidence[];
}

/** The article text a place tagger reads. */
export interface PlaceInput {
  headline?: string;
  /** A wire dateline such as "MOSCOW, April 6 (Reuters) -"; when absent it is looked for at the top of the body. */
  dateline?: string;
  body: string;
  /** BCP 47 language of the text; the gazetteer of that language is used, English when there is none. */
  language?: string;
}

/** A country a name points at, with the share of a mention's weight it receives. */
export interface CodeShare { code: string; share: number }

/** One reading of a name; a name with several (Congo, Georgia, Valencia) is resolved by the rest of the article. */
export interface Sense {
  codes: CodeShare[];
  kind: PlaceKind;
  /** 0..1, how likely this reading is when the article gives no other clue. */
  prior: number;
}

/** A gazetteer entry compiled for matching: normalised tokens of the name and its readings. */
export interface CompiledName {
  tokens: string[];
  senses: Sense[];
  /** Names that are also people's names or common words must stand apart from other capitalised words. */
  needsIsolation: boolean;
  /** A phrase that contains a place name without meaning the place ("Indian Ocean"): it only blocks. */
  blocks: boolean;
}
