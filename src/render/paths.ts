import type { Author } from '../domain/author.js';
import type { Source } from '../domain/source.js';
import type { Taxonomy, Term } from '../domain/taxonomy.js';
export { articlePath } from '../domain/article.js';

/** Public URL paths; the router in http/ matches the same shapes. */
export const paths = {
  home: '/',
  taxonomyIndex: (taxonomy: Pick<Taxonomy, 'slug'>) => `/${taxonomy.slug}/`,
  term: (taxonomy: Pick<Taxonomy, 'slug'>, term: Pick<Term, 'slug'>) => `/${taxonomy.slug}/${term.slug}/`,
  authorIndex: '/author/',
  author: (author: Pick<Author, 'slug'>) => `/author/${author.slug}/`,
  sourceIndex: '/source/',
  source: (source: Pick<Source, 'slug'>) => `/source/${source.slug}/`,
} as const;

/** `path` with `?page=n`, or the plain path for page 1. */
export function withPage(path: string, page: number): string {
  return page <= 1 ? path : `${path}?page=${page}`;
}

/** An absolute URL on the site. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).toString();
}
