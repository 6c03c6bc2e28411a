import type { Kysely } from 'kysely';
import type { ArticleId, Slug, TaxonomyId, TermId } from '../domain/ids.js';
import type { Taxonomy, Term } from '../domain/taxonomy.js';
import type { TaxonomyRepository } from '../app/ports.js';
import type { Database, TaxonomyTable, TermTable } from './schema.js';

const toTaxonomy = (r: TaxonomyTable): Taxonomy => ({
  id: r.id as TaxonomyId, slug: r.slug as Slug, name: r.name, pluralName: r.plural_name, description: r.description, position: Number(r.position),
});
const toTerm = (r: TermTable): Term => ({
  id: r.id as TermId, taxonomyId: r.taxonomy_id as TaxonomyId, parentId: r.parent_id as TermId | null,
  slug: r.slug as Slug, name: r.name, description: r.description, position: Number(r.position),
});

/** Taxonomies and their term trees over Kysely. */
export class KyselyTaxonomyRepository implements TaxonomyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertTaxonomy(t: Taxonomy): Promise<void> {
    await this.db.insertInto('taxonomies')
      .values({ id: t.id, slug: t.slug, name: t.name, plural_name: t.pluralName, description: t.description, position: t.position }).execute();
  }

  async updateTaxonomy(t: Taxonomy): Promise<void> {
    await this.db.updateTable('taxonomies')
      .set({ slug: t.slug, name: t.name, plural_name: t.pluralName, description: t.description, position: t.position }).where('id', '=', t.id).execute();
  }

  async listTaxonomies(): Promise<Taxonomy[]> {
    return (await this.db.selectFrom('taxonomies').selectAll().orderBy('position').orderBy('name').execute()).map(toTaxonomy);
  }

  async insertTerm(t: Term): Promise<void> {
    await this.db.insertInto('terms').values({
      id: t.id, taxonomy_id: t.taxonomyId, parent_id: t.parentId, slug: t.slug, name: t.name, description: t.description, position: t.position,
    }).execute();
  }

  async updateTerm(t: Term): Promise<void> {
    await this.db.updateTable('terms')
      .set({ taxonomy_id: t.taxonomyId, parent_id: t.parentId, slug: t.slug, name: t.name, description: t.description, position: t.position })
      .where('id', '=', t.id).execute();
  }

  async listTerms(taxonomyId?: TaxonomyId): Promise<Term[]> {
    let q = this.db.selectFrom('terms').selectAll();
    if (taxonomyId) q = q.where('taxonomy_id', '=', taxonomyId);
    return (await q.orderBy('position').orderBy('name').execute()).map(toTerm);
  }

  async reassignArticles(fromId: TermId, intoId: TermId): Promise<ArticleId[]> {
    const touched = await this.db.selectFrom('article_terms').select('article_id').where('term_id', '=', fromId).execute();
    // An article tagged with both keeps its existing link to the survivor (the pair is the primary key).
    await this.db.deleteFrom('article_terms').where('term_id', '=', fromId)
      .where('article_id', 'in', (eb) => eb.selectFrom('article_terms').select('article_id').where('term_id', '=', intoId)).execute();
    await this.db.updateTable('article_terms').set({ term_id: intoId }).where('term_id', '=', fromId).execute();
    return touched.map((r) => r.article_id as ArticleId);
  }

  async deleteTerm(id: TermId): Promise<void> {
    await this.db.deleteFrom('terms').where('id', '=', id).execute();
  }
}
