import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TermManagement } from '../../app/term-management.js';
import type { TaxonomyIndex } from '../../app/taxonomy-service.js';
import { flattenTree, type Term } from '../../domain/taxonomy.js';
import { paths } from '../../render/paths.js';
import { requireStaff } from './staff-request.js';
import { routeSchema } from './zod-route-schemas.js';

const slug = z.string().trim().max(100);
const taxonomyParams = z.object({ taxonomy: z.string().min(1).max(100) });
const termParams = z.object({ id: z.string().min(1).max(100) });
const addBody = z.object({ name: z.string().trim().min(1).max(200), slug: slug.optional(), parentId: z.string().max(100).nullable().optional() }).strict();
const renameBody = z.object({ name: z.string().trim().min(1).max(200).optional(), slug: slug.optional() }).strict()
  .describe('A new slug moves the term\'s archive; its old addresses (page and feeds) redirect to the new ones.');
const moveBody = z.object({ parentId: z.string().max(100).nullable().describe('The new parent term, or null for the top level.') }).strict();
const mergeBody = z.object({ intoId: z.string().min(1).max(100).describe('The term that stays: it receives the articles and sub-terms; the merged term is deleted and its addresses redirect.') }).strict();

/** A term as the admin API shows it, with its public address and depth in the tree. */
function termJson(index: TaxonomyIndex, term: Term, depth?: number) {
  const taxonomy = index.taxonomies.find((t) => t.id === term.taxonomyId)!;
  return { id: term.id, slug: term.slug, name: term.name, parentId: term.parentId, position: term.position, path: paths.term(taxonomy, term), ...(depth === undefined ? {} : { depth }) };
}

/** `/admin/api/taxonomies`: every taxonomy as a tree; add, rename, move and merge terms (taxonomy.manage). */
export async function taxonomyApiRoutes(app: FastifyInstance, deps: { terms: TermManagement }): Promise<void> {
  const { terms } = deps;
  const termId = (request: FastifyRequest) => (request.params as z.infer<typeof termParams>).id;

  app.get('/', { schema: { summary: 'Every taxonomy with its terms in tree order', tags: ['taxonomies'] } }, async (request) => {
    requireStaff(request);
    const index = await terms.index();
    return {
      taxonomies: index.taxonomies.map((taxonomy) => ({
        id: taxonomy.id, slug: taxonomy.slug, name: taxonomy.name, pluralName: taxonomy.pluralName, path: paths.taxonomyIndex(taxonomy),
        terms: flattenTree(index.termsOf(taxonomy.id)).map(({ term, depth }) => termJson(index, term, depth)),
      })),
    };
  });

  app.post('/:taxonomy/terms', { schema: { summary: 'Add a term (at the top or under parentId)', tags: ['taxonomies'], params: routeSchema(taxonomyParams), body: routeSchema(addBody) } }, async (request, reply) => {
    const user = requireStaff(request, 'taxonomy.manage');
    const body = request.body as z.infer<typeof addBody>;
    const term = await terms.addTerm(user, (request.params as z.infer<typeof taxonomyParams>).taxonomy, body);
    return reply.code(201).send({ term: termJson(await terms.index(), term) });
  });

  app.patch('/terms/:id', { schema: { summary: 'Rename a term (name and/or slug)', tags: ['taxonomies'], params: routeSchema(termParams), body: routeSchema(renameBody) } }, async (request) => {
    const user = requireStaff(request, 'taxonomy.manage');
    const { term, redirects } = await terms.renameTerm(user, termId(request), request.body as z.infer<typeof renameBody>);
    return { term: termJson(await terms.index(), term), redirects };
  });

  app.post('/terms/:id/move', { schema: { summary: 'Move a term under another parent (cycles are refused; the URL stays)', tags: ['taxonomies'], params: routeSchema(termParams), body: routeSchema(moveBody) } }, async (request) => {
    const user = requireStaff(request, 'taxonomy.manage');
    const term = await terms.moveTerm(user, termId(request), (request.body as z.infer<typeof moveBody>).parentId);
    return { term: termJson(await terms.index(), term) };
  });

  app.post('/terms/:id/merge', { schema: { summary: 'Merge a term into another: articles move, the term is deleted, its addresses redirect', tags: ['taxonomies'], params: routeSchema(termParams), body: routeSchema(mergeBody) } }, async (request) => {
    const user = requireStaff(request, 'taxonomy.manage');
    const result = await terms.mergeTerms(user, termId(request), (request.body as z.infer<typeof mergeBody>).intoId);
    return { term: termJson(await terms.index(), result.into), articlesMoved: result.articlesMoved, redirects: result.redirects };
  });
}
