import type { SeedTaxonomy, SeedTerm } from '../domain/default-taxonomies.js';
import { AppError } from '../domain/errors.js';
import type { IdGenerator, Slug, TaxonomyId, TermId } from '../domain/ids.js';
import { isSlug, slugify, uniqueSlug } from '../domain/slug.js';
import { descendantIds, reservedTopLevelSegments, type Taxonomy, type Term } from '../domain/taxonomy.js';
import { tags, type ContentEvents } from './content-events.js';
import type { Store } from './ports.js';

/** A snapshot of every taxonomy and term, for lookups by slug, id and name. */
export interface TaxonomyIndex {
  taxonomies: Taxonomy[];
  terms: Term[];
  taxonomyBySlug(slug: string): Taxonomy | undefined;
  taxonomyByName(name: string): Taxonomy | undefined;
  term(id: TermId): Term | undefined;
  termBySlug(taxonomyId: TaxonomyId, slug: string): Term | undefined;
  termByName(taxonomyId: TaxonomyId, name: string): Term | undefined;
  termsOf(taxonomyId: TaxonomyId): Term[];
}

function buildIndex(taxonomies: Taxonomy[], terms: Term[]): TaxonomyIndex {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const byId = new Map(terms.map((t) => [t.id, t]));
  return {
    taxonomies,
    terms,
    taxonomyBySlug: (slug) => taxonomies.find((t) => t.slug === slug),
    taxonomyByName: (name) => taxonomies.find((t) => fold(t.name) === fold(name) || fold(t.pluralName) === fold(name) || t.slug === slugify(name)),
    term: (id) => byId.get(id),
    termBySlug: (taxonomyId, slug) => terms.find((t) => t.taxonomyId === taxonomyId && t.slug === slug),
    termByName: (taxonomyId, name) =>
      terms.find((t) => t.taxonomyId === taxonomyId && fold(t.name) === fold(name)) ??
      terms.find((t) => t.taxonomyId === taxonomyId && t.slug === slugify(name)),
    termsOf: (taxonomyId) => terms.filter((t) => t.taxonomyId === taxonomyId),
  };
}

/** Taxonomies and terms: seeding the defaults, lookups (cached, dropped on change), creating terms on import. */
export class TaxonomyService {
  private cached: Promise<TaxonomyIndex> | null = null;

  constructor(private readonly deps: { store: Store; newId: IdGenerator; events: ContentEvents }) {
    deps.events.subscribe((change) => {
      if (change.tags.includes(tags.taxonomy) || change.tags.includes(tags.everything)) this.cached = null;
    });
  }

  /** The current taxonomies and terms. */
  index(): Promise<TaxonomyIndex> {
    this.cached ??= (async () => {
      const [taxonomies, terms] = await Promise.all([this.deps.store.taxonomies.listTaxonomies(), this.deps.store.taxonomies.listTerms()]);
      return buildIndex(taxonomies, terms);
    })();
    this.cached.catch(() => { this.cached = null; });
    return this.cached;
  }

  /**
   * Creates the given taxonomies and terms where missing (matched by slug); existing ones are left
   * as the site has them, and so are terms whose address now redirects (renamed or merged away).
   */
  async ensureSeeded(seed: readonly SeedTaxonomy[]): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      const existing = await tx.taxonomies.listTaxonomies();
      const existingTerms = await tx.taxonomies.listTerms();
      for (const [position, spec] of seed.entries()) {
        let taxonomy = existing.find((t) => t.slug === spec.slug);
        if (!taxonomy) {
          taxonomy = { id: this.deps.newId() as TaxonomyId, slug: spec.slug as Slug, name: spec.name, pluralName: spec.pluralName, description: spec.description, position };
          await tx.taxonomies.insertTaxonomy(taxonomy);
        }
        const taxonomyId = taxonomy.id;
        const insertTerms = async (terms: readonly SeedTerm[], parentId: TermId | null) => {
          for (const [termPosition, termSpec] of terms.entries()) {
            let term = existingTerms.find((t) => t.taxonomyId === taxonomyId && t.slug === termSpec.slug);
            // A term renamed or merged away in the back office left a redirect from its address:
            // seeding it again at the next start would bring back the old term and shadow the redirect.
            if (!term && await tx.redirects.find(`/${spec.slug}/${termSpec.slug}/`)) {
              await insertTerms(termSpec.children ?? [], parentId);
              continue;
            }
            if (!term) {
              term = { id: this.deps.newId() as TermId, taxonomyId, parentId, slug: termSpec.slug as Slug, name: termSpec.name, description: termSpec.description ?? null, position: termPosition };
              await tx.taxonomies.insertTerm(term);
              existingTerms.push(term);
            }
            await insertTerms(termSpec.children ?? [], term.id);
          }
        };
        await insertTerms(spec.terms, null);
      }
      this.changed(tx);
    });
  }

  /** Finds a term by name in a taxonomy, creating it at the top level when the taxonomy lacks it. */
  async findOrCreateTerm(taxonomyId: TaxonomyId, name: string, store: Store = this.deps.store): Promise<Term> {
    // Read through `store`, not the cached index: inside a transaction the index may lack uncommitted terms.
    const siblings = await store.taxonomies.listTerms(taxonomyId);
    const found = buildIndex([], siblings).termByName(taxonomyId, name);
    if (found) return found;
    const term: Term = {
      id: this.deps.newId() as TermId, taxonomyId, parentId: null,
      slug: uniqueSlug(slugify(name), (s) => siblings.some((t) => t.slug === s)),
      name: name.trim(), description: null, position: siblings.length,
    };
    await store.taxonomies.insertTerm(term);
    this.changed(store);
    return term;
  }

  /** Adds a taxonomy; its slug becomes the first segment of its archive URLs. */
  async addTaxonomy(input: { slug: string; name: string; pluralName?: string; description?: string | null }): Promise<Taxonomy> {
    const slug = input.slug.trim().toLowerCase();
    if (!isSlug(slug)) throw new AppError('INVALID_INPUT', `"${input.slug}" is not a valid slug: use lower-case letters, digits and single hyphens.`, { details: { field: 'slug' } });
    if (reservedTopLevelSegments.has(slug)) throw new AppError('SLUG_TAKEN', `"${slug}" is used by another part of the site; choose another slug for the taxonomy.`, { details: { slug } });
    const index = await this.index();
    if (index.taxonomyBySlug(slug)) throw new AppError('SLUG_TAKEN', `There is already a taxonomy with the slug "${slug}".`, { details: { slug } });
    const name = input.name.trim();
    if (!name) throw new AppError('INVALID_INPUT', 'A taxonomy needs a name.', { details: { field: 'name' } });
    const taxonomy: Taxonomy = {
      id: this.deps.newId() as TaxonomyId, slug: slug as Slug, name, pluralName: input.pluralName?.trim() || `${name}s`,
      description: input.description ?? null, position: index.taxonomies.length,
    };
    await this.deps.store.taxonomies.insertTaxonomy(taxonomy);
    this.changed(this.deps.store);
    return taxonomy;
  }

  /** Renames a taxonomy (its URLs keep their slug). */
  async renameTaxonomy(slug: string, name: string, pluralName?: string): Promise<Taxonomy> {
    const taxonomy = await this.requireTaxonomy(slug);
    const next = { ...taxonomy, name: name.trim() || taxonomy.name, pluralName: pluralName?.trim() || taxonomy.pluralName };
    await this.deps.store.taxonomies.updateTaxonomy(next);
    this.changed(this.deps.store);
    return next;
  }

  /** Adds a term, at the top or under `parentSlug`. */
  async addTerm(taxonomySlug: string, input: { name: string; slug?: string; parentSlug?: string; description?: string | null }): Promise<Term> {
    const taxonomy = await this.requireTaxonomy(taxonomySlug);
    const index = await this.index();
    const siblingsAndAll = index.termsOf(taxonomy.id);
    const parent = input.parentSlug ? this.requireTerm(index, taxonomy, input.parentSlug) : null;
    const name = input.name.trim();
    if (!name) throw new AppError('INVALID_INPUT', 'A term needs a name.', { details: { field: 'name' } });
    const slug = (input.slug?.trim() || slugify(name)) as Slug;
    if (!isSlug(slug)) throw new AppError('INVALID_INPUT', `"${slug}" is not a valid slug.`, { details: { field: 'slug' } });
    if (siblingsAndAll.some((t) => t.slug === slug)) throw new AppError('SLUG_TAKEN', `${taxonomy.name} already has a term with the slug "${slug}".`, { details: { slug } });
    const term: Term = {
      id: this.deps.newId() as TermId, taxonomyId: taxonomy.id, parentId: parent?.id ?? null, slug, name,
      description: input.description ?? null, position: siblingsAndAll.filter((t) => t.parentId === (parent?.id ?? null)).length,
    };
    await this.deps.store.taxonomies.insertTerm(term);
    this.changed(this.deps.store);
    return term;
  }

  /** Renames a term or moves it under another parent (its URL keeps its slug). */
  async updateTerm(taxonomySlug: string, termSlug: string, patch: { name?: string; parentSlug?: string | null; description?: string | null }): Promise<Term> {
    const taxonomy = await this.requireTaxonomy(taxonomySlug);
    const index = await this.index();
    const term = this.requireTerm(index, taxonomy, termSlug);
    let parentId = term.parentId;
    if (patch.parentSlug !== undefined) {
      const parent = patch.parentSlug === null ? null : this.requireTerm(index, taxonomy, patch.parentSlug);
      if (parent && descendantIds(index.terms, term.id).includes(parent.id)) {
        throw new AppError('INVALID_INPUT', `"${term.name}" cannot be moved under itself or one of its own sub-terms.`, { details: { parent: patch.parentSlug } });
      }
      parentId = parent?.id ?? null;
    }
    const next: Term = { ...term, name: patch.name?.trim() || term.name, parentId, description: patch.description === undefined ? term.description : patch.description };
    await this.deps.store.taxonomies.updateTerm(next);
    const store = this.deps.store;
    store.afterCommit(() => this.deps.events.publish({ tags: [tags.term(term.id)] }));
    this.changed(store);
    return next;
  }

  private async requireTaxonomy(slug: string): Promise<Taxonomy> {
    const taxonomy = (await this.index()).taxonomyBySlug(slug);
    if (!taxonomy) throw new AppError('TAXONOMY_NOT_FOUND', `There is no taxonomy "${slug}". Run "dateline taxonomy list" to see them.`, { details: { slug } });
    return taxonomy;
  }

  private requireTerm(index: TaxonomyIndex, taxonomy: Taxonomy, slug: string): Term {
    const term = index.termBySlug(taxonomy.id, slug);
    if (!term) throw new AppError('TERM_NOT_FOUND', `${taxonomy.name} has no term "${slug}".`, { details: { taxonomy: taxonomy.slug, slug } });
    return term;
  }

  private changed(store: Store): void {
    store.afterCommit(() => {
      this.cached = null;
      this.deps.events.publish({ tags: [tags.taxonomy] });
    });
  }
}
