import { english } from './english.js';
import type { EntityLanguage } from './language.js';
import { groupOrganisations, groupPeople } from './coreference.js';
import type { Mention, Person } from './coreference.js';
import { nameCandidates } from './name-candidates.js';
import { tokenize } from './text-tokens.js';

export type { EntityLanguage } from './language.js';
export type { Mention, Person } from './coreference.js';
export { tokenize, paragraphs } from './text-tokens.js';
export type { Sentence, Token } from './text-tokens.js';
export { english } from './english.js';

/** An organisation with its mentions. */
export interface Organisation {
  name: string;
  mentions: Mention[];
}

/** People and organisations named in a text. */
export interface Entities {
  people: Person[];
  organisations: Organisation[];
}

const languages: Record<string, EntityLanguage> = { en: english };

/** The entity rules for a language code; English when the language has none yet. */
export function entityLanguage(code = 'en'): EntityLanguage {
  return languages[code.slice(0, 2).toLowerCase()] ?? english;
}

/** Finds the people and organisations named in `text`, each with every mention (offsets into `text`). */
export function findEntities(text: string, options: { language?: string } = {}): Entities {
  const language = entityLanguage(options.language);
  const sentences = tokenize(text, language.abbreviations);
  const candidates = nameCandidates(sentences, text, language);
  return { people: groupPeople(candidates), organisations: groupOrganisations(candidates, text) };
}
