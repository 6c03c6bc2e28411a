import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { isAppError } from '../../domain/errors.js';
import { renderMessagePage } from '../../render/admin/auth-pages.js';
import { statusOfKind } from '../error-status.js';
import { adminArticleRoutes } from './admin-article-routes.js';
import { adminAuthRoutes } from './admin-auth-routes.js';
import { adminApiRoutes } from './admin-api-routes.js';
import { adminManagementRoutes } from './admin-management-routes.js';
import { adminSiteRoutes } from './admin-site-routes.js';
import { adminTaxonomyRoutes } from './admin-taxonomy-routes.js';
import { adminFrame, sendAdminPage, type AdminDeps } from './admin-context.js';
import { installAdminGuards, isAdminApiUrl } from './admin-guards.js';

/** Problems as the Admin API reports them: a stable code, a message to act on, details. */
function apiError(reply: FastifyReply, status: number, code: string, message: string, details?: unknown): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send({ error: { code, message, ...(details ? { details } : {}) } });
}

/** The back office under /admin: screens and the JSON API, behind sign-in and CSRF checks. */
export async function installAdmin(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  await installAdminGuards(app, { auth: deps.auth, apiKeys: deps.apiKeys });
  await app.register(async (admin) => {
    admin.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.routeOptions.config.anonymous || request.staff) return;
      if (isAdminApiUrl(request.url)) return apiError(reply, 401, 'SIGN_IN_NEEDED', 'Sign in, or send an admin API key as "Authorization: Bearer KEY".');
      if (request.method === 'GET') return reply.redirect(`/admin/sign-in?notice=sign-in-needed&next=${encodeURIComponent(request.url)}`, 303);
      const frame = await adminFrame(deps, request, reply);
      return sendAdminPage(reply, renderMessagePage(frame, 'Please sign in', 'Your session has ended. Sign in again, then repeat what you were doing.', { href: '/admin/sign-in', label: 'Sign in' }), 401);
    });

    admin.setErrorHandler(async (error, request, reply) => {
      const api = isAdminApiUrl(request.url);
      if (error instanceof ZodError) {
        const message = error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
        if (api) return apiError(reply, 400, 'INVALID_INPUT', message, { issues: error.issues });
        const frame = await adminFrame(deps, request, reply);
        return sendAdminPage(reply, renderMessagePage(frame, 'That did not work', message, { href: '/admin/', label: 'Back to the dashboard' }), 400);
      }
      if (isAppError(error)) {
        const status = statusOfKind[error.kind];
        if (api) return apiError(reply, status, error.code, error.message, error.details);
        const frame = await adminFrame(deps, request, reply);
        return sendAdminPage(reply, renderMessagePage(frame, status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'That did not work', error.message, { href: '/admin/', label: 'Back to the dashboard' }), status);
      }
      const status = (error as { statusCode?: number }).statusCode;
      if (status && status >= 400 && status < 500) {
        if (api) return apiError(reply, status, 'BAD_REQUEST', (error as Error).message);
        return reply.code(status).type('text/plain; charset=utf-8').send('The request could not be understood.');
      }
      request.log.error({ err: error }, 'admin request failed');
      if (api) return apiError(reply, 500, 'INTERNAL', 'Something went wrong on our side; it has been logged.');
      return reply.code(500).type('text/plain; charset=utf-8').send('Something went wrong on our side; it has been logged.');
    });

    await admin.register(adminAuthRoutes, deps);
    await admin.register(adminArticleRoutes, deps);
    await admin.register(adminManagementRoutes, deps);
    await admin.register(adminTaxonomyRoutes, deps);
    await admin.register(adminSiteRoutes, deps);
    await admin.register(adminApiRoutes, { ...deps, prefix: '/api' });
  }, { prefix: '/admin' });
}
