import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../app/auth-service.js';
import type { MediaService } from '../../app/media-service.js';
import type { SourceService } from '../../app/source-service.js';
import type { SettingsService } from '../../app/settings-service.js';
import type { AuthorService } from '../../app/author-service.js';
import type { StaffService } from '../../app/staff-service.js';
import { authorApiRoutes } from './author-api-routes.js';
import { staffApiRoutes } from './staff-api-routes.js';
import { adminApiErrorHandler } from './admin-api-errors.js';
import { mediaApiRoutes } from './media-api-routes.js';
import { sourceApiRoutes } from './source-api-routes.js';
import { settingsApiRoutes } from './settings-api-routes.js';
import { taxonomyApiRoutes } from './taxonomy-api-routes.js';
import { redirectApiRoutes } from './redirect-api-routes.js';
import { auditApiRoutes } from './audit-api-routes.js';
import type { RedirectService } from '../../app/redirect-service.js';
import type { TermManagement } from '../../app/term-management.js';

export interface AdminApiDeps {
  auth: AuthService;
  media: MediaService;
  mediaMaxBytes: number;
  sources: SourceService;
  settings: SettingsService;
  authors: AuthorService;
  staff: StaffService;
  terms: TermManagement;
  redirects: RedirectService;
}

/**
 * The library and management parts of the Admin JSON API, registered inside /admin/api: the
 * back office's guards (admin-guards.ts) have set `request.staff` and checked the CSRF token.
 */
export async function adminApi(app: FastifyInstance, deps: AdminApiDeps): Promise<void> {
  app.setErrorHandler(adminApiErrorHandler);
  // Answers about one site's back office are never for a shared cache.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  app.setNotFoundHandler(async (request, reply) => reply.code(404).header('cache-control', 'no-store')
    .send({ error: { code: 'NOT_FOUND', message: `There is no ${request.method} ${request.url.split('?')[0]} in the admin API.` } }));
  await app.register(mediaApiRoutes, { prefix: '/media', media: deps.media, maxBytes: deps.mediaMaxBytes });
  await app.register(sourceApiRoutes, { prefix: '/sources', sources: deps.sources });
  await app.register(settingsApiRoutes, { prefix: '/settings', settings: deps.settings, auth: deps.auth });
  await app.register(authorApiRoutes, { prefix: '/authors', authors: deps.authors });
  await app.register(staffApiRoutes, { prefix: '/staff', staff: deps.staff, settings: deps.settings });
  await app.register(taxonomyApiRoutes, { prefix: '/taxonomies', terms: deps.terms });
  await app.register(redirectApiRoutes, { prefix: '/redirects', redirects: deps.redirects });
  await app.register(auditApiRoutes, { prefix: '/audit', auth: deps.auth });
}
