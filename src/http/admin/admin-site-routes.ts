import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SiteSettings } from '../../domain/site-settings.js';
import { renderAuditPage } from '../../render/admin/audit-page.js';
import { renderRedirectEditPage, renderRedirectsPage } from '../../render/admin/redirects-page.js';
import { editableNotices, renderSettingsPage } from '../../render/admin/settings-page.js';
import { adminFrame, noticeFrom, sendAdminPage, staffOf, submitForm, type AdminDeps, type FormPage } from './admin-context.js';
import { AUDIT_PAGE_SIZE, auditApiSchemas } from './audit-api-routes.js';
import { fromPathOf, REDIRECTS_PAGE_SIZE, redirectApiSchemas, redirectId } from './redirect-api-routes.js';
import { changeSettings } from './settings-api-routes.js';

const idParams = z.object({ id: z.string().min(1).max(3000) });
const redirectForm = z.object({
  fromPath: z.string().max(2000).default(''),
  toPath: z.string().max(2000).default(''),
  status: z.enum(['301', '302', '410']).default('301').transform((s) => Number(s) as 301 | 302 | 410),
});
const settingsForm = z.object({
  name: z.string().max(200).default(''), description: z.string().max(1000).default(''), logoUrl: z.string().max(2000).default(''),
  contactEmail: z.string().max(320).default(''), membershipUrl: z.string().max(2000).default(''), feedContent: z.enum(['full', 'summary']).default('full'),
  ...Object.fromEntries(editableNotices.map(({ key }) => [`notices.${key}`, z.string().max(5000).default('')])),
});

/** The fields of the settings form that differ from the current settings, as a settings patch. */
function settingsChanges(form: Record<string, string>, current: SiteSettings): Record<string, unknown> {
  const nullable = (value: string) => value.trim() || null;
  const wanted: Record<string, unknown> = {
    name: form.name!.trim(), description: form.description!.trim(), logoUrl: nullable(form.logoUrl!), contactEmail: nullable(form.contactEmail!),
    membershipUrl: nullable(form.membershipUrl!), feedContent: form.feedContent,
  };
  const patch: Record<string, unknown> = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => current[key as keyof SiteSettings] !== value));
  // Browsers send CRLF line ends from text areas; the stored notices use LF.
  const notices = Object.fromEntries(editableNotices
    .map(({ key }) => [key, (form[`notices.${key}`] ?? '').replace(/\r\n/g, '\n').trim()] as const)
    .filter(([key, value]) => current.notices[key] !== value));
  if (Object.keys(notices).length) patch.notices = notices;
  return patch;
}

/** The redirects, site settings and audit log screens. */
export async function adminSiteRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const from = (request: FastifyRequest) => fromPathOf(idParams.parse(request.params).id);

  const showRedirects: FormPage = async (request, reply, notice, status = 200) => {
    const user = staffOf(request);
    const q = redirectApiSchemas.listQuery.parse(request.query);
    const { items, total } = await deps.redirects.list(user, { text: q.q }, { offset: (q.page - 1) * REDIRECTS_PAGE_SIZE, limit: REDIRECTS_PAGE_SIZE });
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderRedirectsPage(frame, {
      rows: items.map((redirect) => ({ id: redirectId(redirect.fromPath), redirect })), total, page: q.page, hasNext: q.page * REDIRECTS_PAGE_SIZE < total, q: q.q,
    }, notice), status);
  };

  const showRedirect: FormPage = async (request, reply, notice, status = 200) => {
    const redirect = await deps.redirects.get(staffOf(request), from(request));
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderRedirectEditPage(frame, { id: redirectId(redirect.fromPath), redirect }, notice), status);
  };

  const showSettings: FormPage = async (request, reply, notice, status = 200) => {
    deps.auth.require(staffOf(request), 'settings.manage');
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderSettingsPage(frame, await deps.settings.get(), notice), status);
  };

  app.get('/redirects/', async (request, reply) => showRedirects(request, reply, noticeFrom(request)));

  app.post('/redirects/', async (request, reply) => submitForm(request, reply, async () => {
    const form = redirectForm.parse(request.body ?? {});
    await deps.redirects.create(staffOf(request), { ...form, toPath: form.toPath || null });
  }, '/admin/redirects/?notice=redirect-saved', showRedirects));

  app.get('/redirects/:id/edit', async (request, reply) => showRedirect(request, reply, noticeFrom(request)));

  app.post('/redirects/:id', async (request, reply) => submitForm(request, reply, async () => {
    const form = redirectForm.parse(request.body ?? {});
    await deps.redirects.update(staffOf(request), from(request), { ...form, toPath: form.toPath || null });
  }, '/admin/redirects/?notice=redirect-saved', showRedirect));

  app.post('/redirects/:id/delete', async (request, reply) => {
    await deps.redirects.delete(staffOf(request), from(request));
    return reply.redirect('/admin/redirects/?notice=redirect-deleted', 303);
  });

  app.get('/settings/', async (request, reply) => showSettings(request, reply, noticeFrom(request)));

  app.post('/settings/', async (request, reply) => {
    const user = staffOf(request);
    deps.auth.require(user, 'settings.manage');
    return submitForm(request, reply, async () => {
      const form = settingsForm.parse(request.body ?? {}) as Record<string, string>;
      const patch = settingsChanges(form, await deps.settings.get());
      if (Object.keys(patch).length) await changeSettings(deps, user, patch);
    }, '/admin/settings/?notice=settings-saved', showSettings);
  });

  app.get('/audit/', async (request, reply) => {
    const { page } = auditApiSchemas.listQuery.parse(request.query);
    const entries = await deps.auth.auditLog(staffOf(request), { offset: (page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE + 1 });
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderAuditPage(frame, { entries: entries.slice(0, AUDIT_PAGE_SIZE), page, hasNext: entries.length > AUDIT_PAGE_SIZE }));
  });
}
