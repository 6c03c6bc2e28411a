import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { PublicSite } from '../app/public-site.js';
import { isAppError } from '../domain/errors.js';
import { renderNotFoundPage, renderProblemPage } from '../render/error-pages.js';
import type { StaticAsset } from '../render/static-assets.js';
import { statusOfKind } from './error-status.js';
import type { PageCache } from './page-cache.js';
import { contentApiRoutes, type ContentApiDeps } from './content-api/content-api-routes.js';
import { publicRoutes } from './public-routes.js';
import { syndicationRoutes } from './syndication-routes.js';
import { searchRoutes } from './search-routes.js';
import type { SiteSearch } from '../app/site-search.js';
import type { SyndicationQueries } from '../app/syndication-queries.js';
import type { Clock } from '../app/ports.js';
import type { MediaService } from '../app/media-service.js';
import { mediaRoutes } from './media-routes.js';
import { installAdmin } from './admin/admin-routes.js';
import type { AdminDeps } from './admin/admin-context.js';
import type { QuoteService } from '../app/quote-service.js';
import { peopleRoutes } from './people-routes.js';
import type { RedirectResolver } from '../app/redirect-resolver.js';

export interface ServerDeps {
  site: PublicSite;
  contentApi: Omit<ContentApiDeps, 'site' | 'cache'>;
  syndication: SyndicationQueries;
  search: SiteSearch;
  clock: Clock;
  cache: PageCache;
  /** Rendered search pages (a cache of their own); null runs every search. */
  searchCache?: PageCache | null;
  assets: { stylesheet: StaticAsset; all: StaticAsset[] };
  sanitize: (html: string) => string;
  logLevel: string;
  /** Health details for operators (database reachable, version). */
  health: () => Promise<{ ok: boolean; database: string }>;
  /** Library images served at /media/… */
  media: MediaService;
  /** The back office under /admin (screens and the Admin JSON API). */
  admin?: AdminDeps;
  /** Pages per quoted person (/people/:slug/); left out, those pages are not served. */
  people?: QuoteService;
  /** Old addresses (imported permalinks, unpublished articles) that answer 301 or 410 instead of 404. */
  redirects?: RedirectResolver;
}

const HTML = 'text/html; charset=utf-8';

/** Builds the web application (routes, errors, assets) without listening; tests use `inject`. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logLevel === 'silent' ? false : { level: deps.logLevel },
    // Per-request lines only at debug level: at info a busy site would log every page view.
    logController: new LogController({ disableRequestLogging: deps.logLevel !== 'debug' && deps.logLevel !== 'trace' }),
    trustProxy: true,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
  });

  const notFound = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const moved = (request.method === 'GET' || request.method === 'HEAD') ? await deps.redirects?.resolve(request.url) : null;
    // A temporary redirect must not be remembered by browsers and proxies the way a permanent one may.
    if (moved?.location) return reply.header('cache-control', moved.status === 302 ? 'no-store' : 'public, max-age=3600').redirect(moved.location, moved.status);
    const frame = await deps.site.frame();
    if (moved) return reply.code(410).type(HTML).header('cache-control', 'no-store').send(renderNotFoundPage(frame, deps.assets, request.url.split('?')[0] ?? '/'));
    return reply.code(404).type(HTML).header('cache-control', 'no-store').send(renderNotFoundPage(frame, deps.assets, request.url.split('?')[0] ?? '/'));
  };

  for (const asset of deps.assets.all) {
    app.get(asset.path, (request, reply) => {
      reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', asset.etag);
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      return reply.type(asset.contentType).send(asset.body);
    });
  }

  app.get('/health', async (_request, reply) => {
    const health = await deps.health();
    return reply.code(health.ok ? 200 : 503).header('cache-control', 'no-store').send(health);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const [path, query] = splitUrl(request.url);
    // Directory-style URLs end in a slash; send /region/europe to /region/europe/ rather than a dead end.
    if ((request.method === 'GET' || request.method === 'HEAD') && !path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path) && !path.includes('//')) {
      return reply.redirect(`${path}/${query}`, 301);
    }
    return notFound(request, reply);
  });

  app.setErrorHandler(async (error, request, reply) => {
    const frame = await deps.site.frame().catch(() => null);
    if (isAppError(error)) {
      const status = statusOfKind[error.kind];
      if (status === 404 && frame) return notFound(request, reply);
      if (status >= 500) request.log.error({ err: error }, error.message);
      const title = status === 400 ? 'This address is not valid' : 'This page is not available';
      return reply.code(status).type(HTML).header('cache-control', 'no-store')
        .send(frame ? renderProblemPage(frame, deps.assets, title, error.message) : error.message);
    }
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return reply.code(statusCode).type(HTML).header('cache-control', 'no-store')
        .send(frame ? renderProblemPage(frame, deps.assets, 'This request could not be understood', 'Please check the address and try again.') : 'Bad request');
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).type(HTML).header('cache-control', 'no-store')
      .send(frame ? renderProblemPage(frame, deps.assets, 'Something went wrong', 'The page could not be shown because of an error on our side. It has been logged; please try again in a moment.') : 'Internal error');
  });

  // Registered last: plugins inherit the error handler in force when they load.
  if (deps.admin) await installAdmin(app, deps.admin);
  await app.register(searchRoutes, { search: deps.search, assets: deps.assets, cache: deps.searchCache ?? null });
  await app.register(syndicationRoutes, { syndication: deps.syndication, cache: deps.cache, clock: deps.clock, notFound });
  await app.register(contentApiRoutes, { ...deps.contentApi, site: deps.site, cache: deps.cache });
  await app.register(publicRoutes, { site: deps.site, cache: deps.cache, assets: deps.assets, sanitize: deps.sanitize, notFound, ...(deps.redirects ? { redirects: deps.redirects } : {}) });
  await app.register(mediaRoutes, { media: deps.media, notFound });
  if (deps.people) await app.register(peopleRoutes, { people: deps.people, site: deps.site, cache: deps.cache, assets: deps.assets, notFound });
  return app;
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  return q === -1 ? [url, ''] : [url.slice(0, q), url.slice(q)];
}
