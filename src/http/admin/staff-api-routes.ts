import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SettingsService } from '../../app/settings-service.js';
import type { StaffService } from '../../app/staff-service.js';
import type { AuthorId } from '../../domain/ids.js';
import { roles, type User, type UserId } from '../../domain/staff.js';
import { requireStaff } from './staff-request.js';
import { routeSchema } from './zod-route-schemas.js';

export interface StaffApiDeps {
  staff: StaffService;
  settings: SettingsService;
}

const idParams = z.object({ id: z.string().min(1).max(100) });
const inviteBody = z.object({ name: z.string().min(1).max(200), email: z.string().min(3).max(320), role: z.enum(roles) }).strict();
const updateBody = z.object({ role: z.enum(roles).optional(), authorId: z.string().max(100).nullable().optional() }).strict();

/** A member of staff as the admin API shows it: never the password hash. */
export function staffJson(user: User) {
  return { id: user.id, email: user.email, name: user.name, role: user.role, authorId: user.authorId, createdAt: user.createdAt, disabledAt: user.disabledAt };
}

/** `/admin/api/staff`: accounts, invitations, role changes and deactivation (owners and administrators). */
export async function staffApiRoutes(app: FastifyInstance, deps: StaffApiDeps): Promise<void> {
  const { staff } = deps;

  app.get('/', { schema: { summary: 'Staff accounts (needs staff.manage)', tags: ['staff'] } }, async (request) => ({ staff: (await staff.list(requireStaff(request, 'staff.manage'))).map(staffJson) }));

  app.get('/:id', { schema: { summary: 'One staff account', tags: ['staff'], params: routeSchema(idParams) } }, async (request) => {
    const { id } = idParams.parse(request.params);
    return { user: staffJson(await staff.get(id as UserId, requireStaff(request, 'staff.manage'))) };
  });

  // The set-password link is returned only when it could not be mailed, for the caller to pass on.
  app.post('/', { schema: { summary: 'Invite someone: creates the account and mails a single-use set-password link (returned when it could not be mailed)', tags: ['staff'], body: routeSchema(inviteBody) } }, async (request, reply) => {
    const actor = requireStaff(request, 'staff.manage');
    const body = inviteBody.parse(request.body ?? {});
    const base = (await deps.settings.get()).url.replace(/\/$/, '');
    const invited = await staff.invite(body, actor, (token) => `${base}/admin/reset-password?token=${encodeURIComponent(token)}`);
    return reply.code(201).send({ user: staffJson(invited.user), invitation: { mailed: invited.mailed, problem: invited.mailProblem, link: invited.mailed ? null : invited.link } });
  });

  app.patch('/:id', { schema: { summary: 'Change a role or the byline an account writes under; the last owner stays an owner', tags: ['staff'], params: routeSchema(idParams), body: routeSchema(updateBody) } }, async (request) => {
    const actor = requireStaff(request, 'staff.manage');
    const { id } = idParams.parse(request.params);
    const body = updateBody.parse(request.body ?? {});
    const current = await staff.get(id as UserId, actor);
    const user = await staff.update(current.id, { role: body.role ?? current.role, authorId: body.authorId === undefined ? current.authorId : (body.authorId as AuthorId | null) }, actor);
    return { user: staffJson(user) };
  });

  for (const action of ['deactivate', 'reactivate'] as const) {
    app.post(`/:id/${action}`, { schema: { summary: action === 'deactivate' ? 'Deactivate an account and end its sessions' : 'Reactivate an account', tags: ['staff'], params: routeSchema(idParams) } }, async (request) => {
      const actor = requireStaff(request, 'staff.manage');
      const { id } = idParams.parse(request.params);
      return { user: staffJson(await staff[action](id as UserId, actor)) };
    });
  }
}
