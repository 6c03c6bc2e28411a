/** Branded identifiers: an ArticleId cannot be passed where an AuthorId is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ArticleId = Brand<string, 'ArticleId'>;
export type AuthorId = Brand<string, 'AuthorId'>;
export type SourceId = Brand<string, 'SourceId'>;
export type TaxonomyId = Brand<string, 'TaxonomyId'>;
export type TermId = Brand<string, 'TermId'>;
export type FeedId = Brand<string, 'FeedId'>;
export type Slug = Brand<string, 'Slug'>;

/** An ISO-8601 UTC instant with milliseconds, e.g. 2026-11-27T08:00:00.000Z; sorts as text. */
export type Instant = Brand<string, 'Instant'>;

/** Produces new ids; the app injects a time-ordered generator, tests a predictable one. */
export type IdGenerator = () => string;
