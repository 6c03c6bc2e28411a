import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../app/auth-service.js';
import type { MediaService } from '../../app/media-service.js';
import type { SourceService } from '../../app/source-service.js';
import type { SettingsService } from '../../app/settings-service.js';
import { adminApiErrorHandler } from './admin-api-errors.js';
import { mediaApiRoutes } from './media-api-routes.js';
import { sourceApiRoutes } from './source-api-routes.js';
import { settingsApiRoutes } from './settings-api-routes.js';
import { staffSessionHook } from './staff-session-hook.js';

export interface AdminApiDeps {
  auth: AuthService;
  media: MediaService;
  mediaMaxBytes: number;
  sources: SourceService;
  settings: SettingsService;
}

/**
 * The admin JSON API under /admin/api. One scope: the authentication hook sets `request.staff`
 * for every route in it, and errors come back as JSON.
 */
export async function adminApi(app: FastifyInstance, deps: AdminApiDeps): Promise<void> {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', staffSessionHook(deps.auth));
  app.setErrorHandler(adminApiErrorHandler);
  app.setNotFoundHandler(async (request, reply) => reply.code(404).header('cache-control', 'no-store')
    .send({ error: { code: 'NOT_FOUND', message: `There is no ${request.method} ${request.url.split('?')[0]} in the admin API.` } }));
  await app.register(mediaApiRoutes, { prefix: '/media', media: deps.media, maxBytes: deps.mediaMaxBytes });
  await app.register(sourceApiRoutes, { prefix: '/sources', sources: deps.sources });
  await app.register(settingsApiRoutes, { prefix: '/settings', settings: deps.settings, auth: deps.auth });
}
