import { AppError } from './errors.js';
import type { TermId } from './ids.js';
import { descendantIds, type Term } from './taxonomy.js';

/** What merging one term into another does to the tree: the merged term goes, its sub-terms move up to the survivor. */
export interface MergePlan {
  from: Term;
  into: Term;
  /** The merged term's direct sub-terms, re-parented under `into`. */
  reparented: Term[];
}

function requireTerm(terms: readonly Term[], id: TermId): Term {
  const term = terms.find((t) => t.id === id);
  if (!term) throw new AppError('TERM_NOT_FOUND', 'That term no longer exists; reload the page to see the current tree.', { details: { id } });
  return term;
}

/**
 * The term moved under `newParentId` (null: to the top). Refuses another taxonomy's parent and
 * cycles (a term under itself or one of its own sub-terms), which would cut a branch off the tree.
 */
export function planMove(terms: readonly Term[], termId: TermId, newParentId: TermId | null): Term {
  const term = requireTerm(terms, termId);
  if (newParentId === null) return { ...term, parentId: null };
  const parent = requireTerm(terms, newParentId);
  if (parent.taxonomyId !== term.taxonomyId) {
    throw new AppError('INVALID_INPUT', `"${parent.name}" belongs to another taxonomy; a term moves only within its own.`, { details: { field: 'parentId' } });
  }
  if (descendantIds(terms, term.id).includes(parent.id)) {
    throw new AppError('INVALID_INPUT', `"${term.name}" cannot be moved under itself or one of its own sub-terms ("${parent.name}").`, { details: { field: 'parentId' } });
  }
  return { ...term, parentId: parent.id };
}

/**
 * The plan for merging `fromId` into `intoId`. Refuses merging a term into itself, across
 * taxonomies, or into one of its own sub-terms (the survivor would end up under itself).
 */
export function planMerge(terms: readonly Term[], fromId: TermId, intoId: TermId): MergePlan {
  const from = requireTerm(terms, fromId);
  const into = requireTerm(terms, intoId);
  if (from.id === into.id) throw new AppError('INVALID_INPUT', 'A term cannot be merged into itself; choose another term to merge into.', { details: { field: 'intoId' } });
  if (from.taxonomyId !== into.taxonomyId) {
    throw new AppError('INVALID_INPUT', `"${into.name}" belongs to another taxonomy; terms merge only within one taxonomy.`, { details: { field: 'intoId' } });
  }
  if (descendantIds(terms, from.id).includes(into.id)) {
    throw new AppError('INVALID_INPUT', `"${from.name}" cannot be merged into its own sub-term "${into.name}"; move "${into.name}" out first.`, { details: { field: 'intoId' } });
  }
  const reparented = terms.filter((t) => t.parentId === from.id).map((t) => ({ ...t, parentId: into.id }));
  return { from, into, reparented };
}

/** Files served under every term archive, whose old addresses must follow the term when its URL changes. */
const archiveFeedFiles = ['rss.xml', 'atom.xml', 'feed.json'] as const;

/** The public paths of a term's archive (the page and its feeds), in the shape of docs/decisions/0002-urls.md. */
export function termArchivePaths(taxonomySlug: string, termSlug: string): string[] {
  const page = `/${taxonomySlug}/${termSlug}/`;
  return [page, ...archiveFeedFiles.map((file) => `${page}${file}`)];
}

/** Old → new path pairs for a term whose archive moves from one slug to another. */
export function archiveMoves(taxonomySlug: string, fromSlug: string, toSlug: string): { from: string; to: string }[] {
  const to = termArchivePaths(taxonomySlug, toSlug);
  return termArchivePaths(taxonomySlug, fromSlug).map((from, i) => ({ from, to: to[i]! }));
}
