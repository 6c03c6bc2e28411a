import type { ArticleId, Brand, Instant, Slug } from './ids.js';

export type PersonId = Brand<string, 'PersonId'>;

/** Someone quoted in at least one article; the page /people/:slug/ lists their quotes. */
export interface QuotedPerson {
  id: PersonId;
  name: string;
  slug: Slug;
  createdAt: Instant;
}

/** A quote found in an article, with its speaker as the text gives them. */
export interface StoredQuote {
  id: string;
  articleId: ArticleId;
  personId: PersonId | null;
  speakerName: string;
  /** An unnamed source ("a Kremlin source"): never linked to a person. */
  anonymous: boolean;
  text: string;
  kind: 'direct' | 'reported';
  /** Order within the article. */
  position: number;
}
