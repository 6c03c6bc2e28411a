import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PublicSite } from '../app/public-site.js';
import type { QuoteService } from '../app/quote-service.js';
import { renderPersonPage } from '../render/person-page.js';
import type { LayoutAssets } from '../render/layout.js';
import type { PageCache } from './page-cache.js';
import { pageCacheKey } from './public-routes.js';
import { sendPage } from './send-page.js';

export interface PeopleRoutesDeps {
  people: QuoteService;
  site: PublicSite;
  cache: PageCache;
  assets: LayoutAssets;
  notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

const PAGE_SIZE = 100;

/** /people/:slug/: every published quote of one person, cached and invalidated by `person:<id>` and its articles' tags. */
export async function peopleRoutes(app: FastifyInstance, deps: PeopleRoutesDeps): Promise<void> {
  app.get<{ Params: { slug: string } }>('/people/:slug/', async (request, reply) => {
    const key = pageCacheKey(request.url);
    const hit = deps.cache.get(key);
    if (hit) return sendPage(request, reply, hit);
    const startedAt = deps.cache.begin();
    const view = await deps.people.personPage(request.params.slug, { offset: 0, limit: PAGE_SIZE });
    if (!view) return deps.notFound(request, reply);
    const data = { frame: await deps.site.frame(), content: view, tags: ['settings', 'taxonomy', ...view.tags] };
    const entry = deps.cache.set(key, startedAt, {
      status: 200, body: Buffer.from(renderPersonPage(data, deps.assets)), contentType: 'text/html; charset=utf-8', headers: {}, tags: data.tags,
    });
    return sendPage(request, reply, entry);
  });
}
