import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SourceId } from '../../domain/ids.js';
import { searchPolicies } from '../../domain/syndication.js';
import { renderSourceFormPage, renderSourceListPage, sourceFormValues } from '../../render/admin/source-pages.js';
import { adminFrame, noticeFrom, sendAdminPage, staffOf, submitForm, type AdminDeps } from './admin-context.js';

const sourceForm = z.object({
  name: z.string().max(500).default(''), slug: z.string().max(200).default(''), url: z.string().max(2000).default(''),
  defaultCopyrightLine: z.string().max(500).default(''), defaultLicence: z.string().max(2000).default(''),
  defaultSearchPolicy: z.enum(searchPolicies).default('noindex'),
});

/** `/admin/sources/`: sources with their licence terms, over the same service as the JSON API. */
export async function adminSourceRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { sources } = deps;
  const manager = (request: FastifyRequest) => {
    const user = staffOf(request);
    deps.auth.require(user, 'source.manage');
    return user;
  };
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id as SourceId;
  const termsOf = (form: z.infer<typeof sourceForm>) => ({
    url: form.url, defaultCopyrightLine: form.defaultCopyrightLine, defaultLicence: form.defaultLicence, defaultSearchPolicy: form.defaultSearchPolicy,
  });

  app.get('/sources/', async (request, reply) => {
    manager(request);
    return sendAdminPage(reply, renderSourceListPage(await adminFrame(deps, request, reply), await sources.list(), noticeFrom(request)));
  });

  app.get('/sources/new', async (request, reply) => {
    manager(request);
    return sendAdminPage(reply, renderSourceFormPage(await adminFrame(deps, request, reply), null, sourceFormValues(null), null));
  });

  app.post('/sources/', async (request, reply) => {
    const user = manager(request);
    const form = sourceForm.parse(request.body ?? {});
    return submitForm(request, reply, () => sources.create({ name: form.name, ...(form.slug.trim() ? { slug: form.slug } : {}), ...termsOf(form) }, user),
      (source) => `/admin/sources/${source.id}/edit?notice=source-created`,
      async (_request, _reply, notice, status) => sendAdminPage(reply, renderSourceFormPage(await adminFrame(deps, request, reply), null, form, notice), status));
  });

  app.get('/sources/:id/edit', async (request, reply) => {
    manager(request);
    const source = await sources.get(idOf(request));
    return sendAdminPage(reply, renderSourceFormPage(await adminFrame(deps, request, reply), source, sourceFormValues(source), noticeFrom(request)));
  });

  app.post('/sources/:id', async (request, reply) => {
    const user = manager(request);
    const source = await sources.get(idOf(request));
    const form = sourceForm.parse(request.body ?? {});
    return submitForm(request, reply, () => sources.update(source.id, { name: form.name, ...termsOf(form) }, user), `/admin/sources/${source.id}/edit?notice=source-saved`,
      async (_request, _reply, notice, status) => sendAdminPage(reply, renderSourceFormPage(await adminFrame(deps, request, reply), source, { ...form, slug: source.slug }, notice), status));
  });
}
