import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthService } from '../../app/auth-service.js';
import { requireStaff } from './staff-request.js';
import { routeSchema } from './zod-route-schemas.js';

export const AUDIT_PAGE_SIZE = 50;
const listQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

/** The audit log's page query, shared with the screen. */
export const auditApiSchemas = { listQuery };

/** `/admin/api/audit`: who did what, when, newest first (owners and administrators: audit.read). */
export async function auditApiRoutes(app: FastifyInstance, deps: { auth: AuthService }): Promise<void> {
  app.get('/', { schema: { summary: 'The audit log, newest first', tags: ['audit'], querystring: routeSchema(listQuery) } }, async (request, reply) => {
    const user = requireStaff(request, 'audit.read');
    const { page } = request.query as z.infer<typeof listQuery>;
    const entries = await deps.auth.auditLog(user, { offset: (page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE + 1 });
    return reply.header('cache-control', 'no-store').send({ entries: entries.slice(0, AUDIT_PAGE_SIZE), page, hasMore: entries.length > AUDIT_PAGE_SIZE });
  });
}
