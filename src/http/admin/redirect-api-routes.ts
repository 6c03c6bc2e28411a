import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RedirectService } from '../../app/redirect-service.js';
import { redirectStatuses, statusOf, type Redirect } from '../../domain/redirect.js';
import { requireStaff } from './staff-request.js';
import { routeSchema } from './zod-route-schemas.js';

export const REDIRECTS_PAGE_SIZE = 50;

const listQuery = z.object({ q: z.string().trim().max(200).default(''), page: z.coerce.number().int().min(1).default(1) });
const idParams = z.object({ id: z.string().min(1).max(3000).describe('The old path, base64url-encoded (the `id` of a listed redirect).') });
const redirectBody = z.object({
  fromPath: z.string().min(1).max(2000).describe('The old path on this site, e.g. /old-section/story/'),
  toPath: z.string().max(2000).nullable().default(null).describe('A path on this site, or a full https:// address elsewhere; null for 410 Gone.'),
  status: z.union(redirectStatuses.map((s) => z.literal(s)) as [z.ZodLiteral<301>, z.ZodLiteral<302>, z.ZodLiteral<410>]).default(301),
}).strict();

/** The request schemas, shared with the screen's form handlers. */
export const redirectApiSchemas = { listQuery, redirectBody };

/** A redirect's id in URLs: its old path, which may hold slashes and a query, as base64url. */
export const redirectId = (fromPath: string) => Buffer.from(fromPath, 'utf8').toString('base64url');
export const fromPathOf = (id: string) => Buffer.from(id, 'base64url').toString('utf8');

/** A redirect as the admin API returns it. */
export function redirectJson(r: Redirect) {
  return { id: redirectId(r.fromPath), fromPath: r.fromPath, toPath: r.toPath, status: statusOf(r), kind: r.kind, createdAt: r.createdAt };
}

/** `/admin/api/redirects`: list (paged, searchable), add, edit and delete redirects (redirect.manage). */
export async function redirectApiRoutes(app: FastifyInstance, deps: { redirects: RedirectService }): Promise<void> {
  const { redirects } = deps;
  const from = (request: FastifyRequest) => fromPathOf((request.params as z.infer<typeof idParams>).id);

  app.get('/', { schema: { summary: 'Redirects by old path; q searches old and new addresses', tags: ['redirects'], querystring: routeSchema(listQuery) } }, async (request) => {
    const user = requireStaff(request, 'redirect.manage');
    const q = request.query as z.infer<typeof listQuery>;
    const { items, total } = await redirects.list(user, { text: q.q }, { offset: (q.page - 1) * REDIRECTS_PAGE_SIZE, limit: REDIRECTS_PAGE_SIZE });
    return { redirects: items.map(redirectJson), total, page: q.page, pageSize: REDIRECTS_PAGE_SIZE };
  });

  app.post('/', { schema: { summary: 'Add a redirect (loops and protocol-relative targets are refused)', tags: ['redirects'], body: routeSchema(redirectBody) } }, async (request, reply) => {
    const user = requireStaff(request, 'redirect.manage');
    return reply.code(201).send({ redirect: redirectJson(await redirects.create(user, request.body as z.infer<typeof redirectBody>)) });
  });

  app.get('/:id', { schema: { summary: 'One redirect', tags: ['redirects'], params: routeSchema(idParams) } }, async (request) => {
    const user = requireStaff(request, 'redirect.manage');
    return { redirect: redirectJson(await redirects.get(user, from(request))) };
  });

  app.put('/:id', { schema: { summary: 'Change a redirect (its old path too)', tags: ['redirects'], params: routeSchema(idParams), body: routeSchema(redirectBody) } }, async (request) => {
    const user = requireStaff(request, 'redirect.manage');
    return { redirect: redirectJson(await redirects.update(user, from(request), request.body as z.infer<typeof redirectBody>)) };
  });

  app.delete('/:id', { schema: { summary: 'Delete a redirect', tags: ['redirects'], params: routeSchema(idParams) } }, async (request, reply) => {
    const user = requireStaff(request, 'redirect.manage');
    await redirects.delete(user, from(request));
    return reply.code(204).send();
  });
}
