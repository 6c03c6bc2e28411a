import type { SeedTaxonomy, SeedTerm } from '../domain/default-taxonomies.js';
import type { IdGenerator, Slug, TaxonomyId, TermId } from '../domain/ids.js';
import { slugify, uniqueSlug } from '../domain/slug.js';
import type { Taxonomy, Term } from '../domain/taxonomy.js';
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

  /** Creates the given taxonomies and terms where missing (matched by slug); existing ones are left as the site has them. */
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

  private changed(store: Store): void {
    store.afterCommit(() => {
      this.cached = null;
      this.deps.events.publish({ tags: [tags.taxonomy] });
    });
  }
}
