import type { Slug, TaxonomyId, TermId } from './ids.js';

/**
 * A classification scheme such as Region or Theme. Sites add or rename taxonomies through data;
 * nothing in the code knows their names. `slug` is also the first segment of archive URLs.
 */
export interface Taxonomy {
  id: TaxonomyId;
  slug: Slug;
  name: string;
  pluralName: string;
  description: string | null;
  position: number;
}

/** One term in a taxonomy's tree. */
export interface Term {
  id: TermId;
  taxonomyId: TaxonomyId;
  parentId: TermId | null;
  slug: Slug;
  name: string;
  description: string | null;
  position: number;
}

/** Paths that taxonomy slugs must not take, because other routes live there. */
export const reservedTopLevelSegments: ReadonlySet<string> = new Set([
  'author', 'authors', 'source', 'sources', 'assets', 'media', 'admin', 'api', 'ghost', 'search', 'feed', 'feeds',
  'rss', 'atom', 'sitemap', 'sitemaps', 'robots.txt', 'favicon.ico', 'page', 'tag', 'setup', 'signin', 'health',
]);

/** The ids of `rootId` and every term below it. */
export function descendantIds(terms: readonly Term[], rootId: TermId): TermId[] {
  const childrenOf = new Map<TermId | null, Term[]>();
  for (const term of terms) {
    const list = childrenOf.get(term.parentId) ?? [];
    list.push(term);
    childrenOf.set(term.parentId, list);
  }
  const result: TermId[] = [];
  const stack: TermId[] = [rootId];
  const seen = new Set<TermId>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue; // a corrupt tree with a cycle must not hang the site
    seen.add(id);
    result.push(id);
    for (const child of childrenOf.get(id) ?? []) stack.push(child.id);
  }
  return result;
}

/** The chain from the root down to `termId` (inclusive), for breadcrumbs. */
export function ancestry(terms: readonly Term[], termId: TermId): Term[] {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const chain: Term[] = [];
  let current = byId.get(termId);
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** Terms as a depth-first ordered list with their depth, for indented displays. */
export function flattenTree(terms: readonly Term[]): { term: Term; depth: number }[] {
  const byParent = new Map<TermId | null, Term[]>();
  for (const t of terms) byParent.set(t.parentId, [...(byParent.get(t.parentId) ?? []), t]);
  for (const list of byParent.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const out: { term: Term; depth: number }[] = [];
  const visit = (parent: TermId | null, depth: number, seen: Set<TermId>) => {
    for (const t of byParent.get(parent) ?? []) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      out.push({ term: t, depth });
      visit(t.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
  return out;
}
