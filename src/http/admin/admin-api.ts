import type { FastifyInstance } from 'fastify';
import type { MediaService } from '../../app/media-service.js';
import { adminApiErrorHandler } from './admin-api-errors.js';
import { mediaApiRoutes } from './media-api-routes.js';

export interface AdminApiDeps {
  media: MediaService;
  mediaMaxBytes: number;
}

/**
 * The library and management parts of the Admin JSON API, registered inside /admin/api: the
 * back office's guards (admin-guards.ts) have set `request.staff` and checked the CSRF token.
 */
export async function adminApi(app: FastifyInstance, deps: AdminApiDeps): Promise<void> {
  app.setErrorHandler(adminApiErrorHandler);
  await app.register(mediaApiRoutes, { prefix: '/media', media: deps.media, maxBytes: deps.mediaMaxBytes });
}
