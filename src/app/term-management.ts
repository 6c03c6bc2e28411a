import type { User } from '../domain/staff.js';
import { AppError } from '../domain/errors.js';
import type { Slug, TermId } from '../domain/ids.js';
import type { RedirectKind } from '../domain/redirect.js';
import { isSlug } from '../domain/slug.js';
import type { Taxonomy, Term } from '../domain/taxonomy.js';
import { archiveMoves, planMerge, planMove } from '../domain/term-tree.js';
import { followRegionRename, REGION_TAXONOMY } from './article-analysis.js';
import type { AuthService } from './auth-service.js';
import { tags, type ContentEvents } from './content-events.js';
import type { Clock, Store } from './ports.js';
import type { TaxonomyIndex, TaxonomyService } from './taxonomy-service.js';

/** What a merge did, for the screen's message and the API's answer. */
export interface MergeResult {
  into: Term;
  articlesMoved: number;
  redirects: { from: string; to: string }[];
}

/**
 * The back office's taxonomy operations: add, rename (slug too), move and merge terms. Public
 * term URLs are `/<taxonomy>/<term>/` (docs/decisions/0002-urls.md): a move keeps the URL, a
 * slug change or a merge leaves redirects from every old archive address (page and feeds) to
 * the new one, and the country → Region table follows a renamed or merged Region term. Each step
 * checks `taxonomy.manage` and is recorded in the audit log.
 */
export class TermManagement {
  constructor(private readonly deps: { store: Store; taxonomies: TaxonomyService; auth: AuthService; clock: Clock; events: ContentEvents }) {}

  /** Taxonomies with their terms, for the screens (any member of staff may look). */
  index(): Promise<TaxonomyIndex> {
    return this.deps.taxonomies.index();
  }

  async addTerm(user: User, taxonomySlug: string, input: { name: string; slug?: string; parentId?: string | null }): Promise<Term> {
    this.deps.auth.require(user, 'taxonomy.manage');
    const index = await this.index();
    const parent = input.parentId ? index.term(input.parentId as TermId) : undefined;
    if (input.parentId && !parent) throw new AppError('TERM_NOT_FOUND', 'The chosen parent term no longer exists; reload the page.', { details: { parentId: input.parentId } });
    const term = await this.deps.taxonomies.addTerm(taxonomySlug, { name: input.name, ...(input.slug ? { slug: input.slug } : {}), ...(parent ? { parentSlug: parent.slug } : {}) });
    await this.deps.auth.audit({ kind: 'user', user }, 'term.add', 'term', term.id, { taxonomy: taxonomySlug, slug: term.slug, name: term.name });
    return term;
  }

  /** Renames a term; a new slug moves its archive and leaves redirects from the old addresses. */
  async renameTerm(user: User, termId: string, input: { name?: string; slug?: string }): Promise<{ term: Term; redirects: { from: string; to: string }[] }> {
    this.deps.auth.require(user, 'taxonomy.manage');
    const { term, taxonomy, index } = await this.termWithTaxonomy(termId);
    const name = input.name?.trim() || term.name;
    const slug = (input.slug?.trim().toLowerCase() || term.slug) as Slug;
    if (!isSlug(slug)) throw new AppError('INVALID_INPUT', `"${input.slug}" is not a valid slug: use lower-case letters, digits and single hyphens.`, { details: { field: 'slug' } });
    if (slug !== term.slug && index.termBySlug(taxonomy.id, slug)) {
      throw new AppError('SLUG_TAKEN', `${taxonomy.name} already has a term with the slug "${slug}"; merge the two terms instead, or choose another slug.`, { details: { slug } });
    }
    const next: Term = { ...term, name, slug };
    const moves = slug === term.slug ? [] : archiveMoves(taxonomy.slug, term.slug, slug);
    await this.deps.store.transaction(async (tx) => {
      await tx.taxonomies.updateTerm(next);
      await this.leaveRedirects(tx, moves, 'moved');
      if (taxonomy.slug === REGION_TAXONOMY && slug !== term.slug) await followRegionRename(tx, term.slug, slug, this.deps.clock.now());
      this.changed(tx, [tags.term(term.id)]);
    });
    await this.deps.auth.audit({ kind: 'user', user }, 'term.rename', 'term', term.id, {
      taxonomy: taxonomy.slug, ...(name === term.name ? {} : { name: { from: term.name, to: name } }), ...(slug === term.slug ? {} : { slug: { from: term.slug, to: slug } }),
    });
    return { term: next, redirects: moves };
  }

  /** Moves a term under another parent (null: to the top). Its URL stays, so no redirect is needed. */
  async moveTerm(user: User, termId: string, parentId: string | null): Promise<Term> {
    this.deps.auth.require(user, 'taxonomy.manage');
    const { term, taxonomy, index } = await this.termWithTaxonomy(termId);
    const next = planMove(index.terms, term.id, parentId as TermId | null);
    await this.deps.store.transaction(async (tx) => {
      await tx.taxonomies.updateTerm({ ...next, position: index.terms.filter((t) => t.parentId === next.parentId && t.id !== term.id).length });
      this.changed(tx, [tags.term(term.id)]);
    });
    await this.deps.auth.audit({ kind: 'user', user }, 'term.move', 'term', term.id, { taxonomy: taxonomy.slug, parent: { from: term.parentId, to: next.parentId } });
    return next;
  }

  /** Merges term `fromId` into `intoId`: its articles and sub-terms move over, it is deleted, its addresses redirect. */
  async mergeTerms(user: User, fromId: string, intoId: string): Promise<MergeResult> {
    this.deps.auth.require(user, 'taxonomy.manage');
    const { taxonomy, index } = await this.termWithTaxonomy(fromId);
    const plan = planMerge(index.terms, fromId as TermId, intoId as TermId);
    const moves = archiveMoves(taxonomy.slug, plan.from.slug, plan.into.slug);
    const articles = await this.deps.store.transaction(async (tx) => {
      for (const child of plan.reparented) await tx.taxonomies.updateTerm(child);
      const touched = await tx.taxonomies.reassignArticles(plan.from.id, plan.into.id);
      await tx.taxonomies.deleteTerm(plan.from.id);
      await this.leaveRedirects(tx, moves, 'merged');
      if (taxonomy.slug === REGION_TAXONOMY) await followRegionRename(tx, plan.from.slug, plan.into.slug, this.deps.clock.now());
      this.changed(tx, [tags.term(plan.from.id), tags.term(plan.into.id), tags.termList(plan.into.id), ...touched.map((id) => tags.article(id))]);
      return touched;
    });
    await this.deps.auth.audit({ kind: 'user', user }, 'term.merge', 'term', plan.into.id, {
      taxonomy: taxonomy.slug, merged: { id: plan.from.id, slug: plan.from.slug, name: plan.from.name }, into: plan.into.slug, articles: articles.length,
    });
    return { into: plan.into, articlesMoved: articles.length, redirects: moves };
  }

  /**
   * Old → new redirects for moved archive addresses. The new address is live again, so a
   * redirect stored from it goes; redirects that pointed at an old address now point at the new
   * one, so readers never follow a chain (and renaming back and forth makes no loop).
   */
  private async leaveRedirects(tx: Store, moves: readonly { from: string; to: string }[], kind: RedirectKind): Promise<void> {
    const createdAt = this.deps.clock.now();
    for (const { from, to } of moves) {
      await tx.redirects.delete(to);
      await tx.redirects.retarget(from, to);
      await tx.redirects.put({ fromPath: from, toPath: to, kind, createdAt, status: 301 });
    }
  }

  private async termWithTaxonomy(termId: string): Promise<{ term: Term; taxonomy: Taxonomy; index: TaxonomyIndex }> {
    const index = await this.index();
    const term = index.term(termId as TermId);
    if (!term) throw new AppError('TERM_NOT_FOUND', 'That term no longer exists; reload the page to see the current tree.', { details: { id: termId } });
    const taxonomy = index.taxonomies.find((t) => t.id === term.taxonomyId)!;
    return { term, taxonomy, index };
  }

  private changed(tx: Store, changedTags: string[]): void {
    // `taxonomy` drops the taxonomy index and every page showing the site's navigation and term links.
    tx.afterCommit(() => this.deps.events.publish({ tags: [...changedTags, tags.taxonomy] }));
  }
}
