import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthorId } from '../../domain/ids.js';
import { mayManageAccount } from '../../domain/staff-rules.js';
import { roles, type UserId } from '../../domain/staff.js';
import { renderInvitedPage, renderStaffEditPage, renderStaffListPage } from '../../render/admin/staff-pages.js';
import { adminFrame, formRefusal, noticeFrom, sendAdminPage, staffOf, submitForm, type AdminDeps } from './admin-context.js';

const inviteForm = z.object({ name: z.string().max(200).default(''), email: z.string().max(320).default(''), role: z.enum(roles) });
const changeForm = z.object({ role: z.enum(roles), authorId: z.string().max(100).default('') });

/** `/admin/staff/`: accounts, invitations, role changes and deactivation (owners and administrators). */
export async function adminStaffRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { staff } = deps;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id as UserId;

  const listPage = async (request: FastifyRequest, reply: Parameters<typeof sendAdminPage>[0], notice = noticeFrom(request), status = 200) => {
    const actor = staffOf(request);
    const [accounts, authors] = await Promise.all([staff.list(actor), deps.authors.list()]);
    return sendAdminPage(reply, renderStaffListPage(await adminFrame(deps, request, reply), { staff: accounts, actor, authors }, notice), status);
  };
  const editPage = async (request: FastifyRequest, reply: Parameters<typeof sendAdminPage>[0], notice = noticeFrom(request), status = 200) => {
    const actor = staffOf(request);
    const user = await staff.get(idOf(request), actor);
    const view = { user, actor, authors: await deps.authors.list(), mayManage: mayManageAccount(actor.role, user.role) };
    return sendAdminPage(reply, renderStaffEditPage(await adminFrame(deps, request, reply), view, notice), status);
  };

  app.get('/staff/', async (request, reply) => listPage(request, reply));

  app.post('/staff/', async (request, reply) => {
    const actor = staffOf(request);
    const form = inviteForm.parse(request.body ?? {});
    const base = (await deps.settings.get()).url.replace(/\/$/, '');
    try {
      const invited = await staff.invite(form, actor, (token) => `${base}/admin/reset-password?token=${encodeURIComponent(token)}`);
      return sendAdminPage(reply, renderInvitedPage(await adminFrame(deps, request, reply), invited), 201);
    } catch (error) {
      const refused = formRefusal(error);
      return listPage(request, reply, refused.notice, refused.status);
    }
  });

  app.get('/staff/:id/edit', async (request, reply) => editPage(request, reply));

  app.post('/staff/:id', async (request, reply) => {
    const actor = staffOf(request);
    const form = changeForm.parse(request.body ?? {});
    return submitForm(request, reply, () => staff.update(idOf(request), { role: form.role, authorId: (form.authorId || null) as AuthorId | null }, actor),
      `/admin/staff/${idOf(request)}/edit?notice=staff-saved`, editPage);
  });

  for (const [action, notice] of [['deactivate', 'staff-deactivated'], ['reactivate', 'staff-reactivated']] as const) {
    app.post(`/staff/:id/${action}`, async (request, reply) => {
      const actor = staffOf(request);
      return submitForm(request, reply, () => staff[action](idOf(request), actor), `/admin/staff/${idOf(request)}/edit?notice=${notice}`, editPage);
    });
  }
}
