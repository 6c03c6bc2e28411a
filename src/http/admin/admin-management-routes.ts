import type { FastifyInstance } from 'fastify';
import { adminAuthorRoutes } from './admin-author-routes.js';
import type { AdminDeps } from './admin-context.js';
import { adminMediaRoutes } from './admin-media-routes.js';
import { adminSourceRoutes } from './admin-source-routes.js';
import { adminStaffRoutes } from './admin-staff-routes.js';

/** The management screens for authors, staff, sources and the media library. */
export async function adminManagementRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  await app.register(adminAuthorRoutes, deps);
  await app.register(adminStaffRoutes, deps);
  await app.register(adminSourceRoutes, deps);
  await app.register(adminMediaRoutes, deps);
}
