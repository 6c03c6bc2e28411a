import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { can } from '../../domain/staff.js';
import type { TermId } from '../../domain/ids.js';
import type { Notice } from '../../render/admin/admin-layout.js';
import { renderTaxonomyPage, renderTermEditPage } from '../../render/admin/taxonomy-pages.js';
import { adminFrame, noticeFrom, submitForm, sendAdminPage, staffOf, type AdminDeps } from './admin-context.js';

const params = z.object({ taxonomy: z.string().min(1).max(100), id: z.string().min(1).max(100).optional() });
// Forms post strings; an empty choice means "none".
const optional = z.string().trim().max(200).transform((v) => v || undefined).optional();
const addForm = z.object({ name: z.string().trim().min(1, 'give the term a name').max(200), slug: optional, parentId: optional });
const renameForm = z.object({ name: z.string().trim().min(1, 'give the term a name').max(200), slug: z.string().trim().min(1, 'give the term a slug').max(100) });
const moveForm = z.object({ parentId: optional });
const mergeForm = z.object({ intoId: z.string().min(1, 'choose the term to merge into').max(100) });

/** The taxonomy screens: each taxonomy as a tree; add, rename, move and merge terms. */
export async function adminTaxonomyRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { terms } = deps;
  const routeParams = (request: FastifyRequest) => params.parse(request.params);

  const taxonomyOf = async (slug: string) => {
    const index = await terms.index();
    const taxonomy = index.taxonomyBySlug(slug);
    if (!taxonomy) throw new AppError('TAXONOMY_NOT_FOUND', `There is no taxonomy "${slug}".`, { details: { slug } });
    return { index, taxonomy };
  };

  app.get('/taxonomies/', async (request, reply) => {
    staffOf(request);
    const first = (await terms.index()).taxonomies[0];
    if (!first) throw new AppError('TAXONOMY_NOT_FOUND', 'The site has no taxonomies yet; add one with "dateline taxonomy add".');
    return reply.redirect(`/admin/taxonomies/${first.slug}/`, 303);
  });

  /** The tree page, with a notice (after a redirect, or a refused form shown in place). */
  const showTree = async (request: FastifyRequest, reply: FastifyReply, notice: Notice | null, status = 200) => {
    const user = staffOf(request);
    const { index, taxonomy } = await taxonomyOf(routeParams(request).taxonomy);
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderTaxonomyPage(frame, {
      taxonomies: index.taxonomies, taxonomy, terms: index.termsOf(taxonomy.id), canManage: can(user.role, 'taxonomy.manage'),
    }, notice), status);
  };

  const showTerm = async (request: FastifyRequest, reply: FastifyReply, notice: Notice | null, status = 200) => {
    deps.auth.require(staffOf(request), 'taxonomy.manage');
    const { taxonomy: slug, id } = routeParams(request);
    const { index, taxonomy } = await taxonomyOf(slug);
    const term = index.term(id as TermId);
    if (!term || term.taxonomyId !== taxonomy.id) throw new AppError('TERM_NOT_FOUND', `${taxonomy.name} has no such term; it may have been merged or deleted.`);
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderTermEditPage(frame, { taxonomy, term, terms: index.termsOf(taxonomy.id) }, notice), status);
  };

  app.get('/taxonomies/:taxonomy/', async (request, reply) => showTree(request, reply, noticeFrom(request)));

  app.post('/taxonomies/:taxonomy/terms', async (request, reply) => {
    const { taxonomy } = routeParams(request);
    return submitForm(request, reply, async () => {
      const form = addForm.parse(request.body ?? {});
      await terms.addTerm(staffOf(request), taxonomy, { name: form.name, ...(form.slug ? { slug: form.slug } : {}), parentId: form.parentId ?? null });
    }, `/admin/taxonomies/${taxonomy}/?notice=term-added`, showTree);
  });

  app.get('/taxonomies/:taxonomy/terms/:id', async (request, reply) => showTerm(request, reply, noticeFrom(request)));

  app.post('/taxonomies/:taxonomy/terms/:id/rename', async (request, reply) => {
    const { taxonomy, id } = routeParams(request);
    return submitForm(request, reply, () => terms.renameTerm(staffOf(request), id!, renameForm.parse(request.body ?? {})),
      `/admin/taxonomies/${taxonomy}/terms/${id}?notice=term-renamed`, showTerm);
  });

  app.post('/taxonomies/:taxonomy/terms/:id/move', async (request, reply) => {
    const { taxonomy, id } = routeParams(request);
    return submitForm(request, reply, () => terms.moveTerm(staffOf(request), id!, moveForm.parse(request.body ?? {}).parentId ?? null),
      `/admin/taxonomies/${taxonomy}/?notice=term-moved`, showTerm);
  });

  app.post('/taxonomies/:taxonomy/terms/:id/merge', async (request, reply) => {
    const { taxonomy, id } = routeParams(request);
    return submitForm(request, reply, () => terms.mergeTerms(staffOf(request), id!, mergeForm.parse(request.body ?? {}).intoId),
      `/admin/taxonomies/${taxonomy}/?notice=term-merged`, showTerm);
  });
}
