import type { AuthorId, Slug } from './ids.js';

/** A person (or desk) credited in a byline; has a public archive page. */
export interface Author {
  id: AuthorId;
  slug: Slug;
  name: string;
  bio: string | null;
  url: string | null;
}

/** Formats a byline: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
