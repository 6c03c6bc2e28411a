import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CacheTag } from '../app/content-events.js';
import type { Clock } from '../app/ports.js';
import type { FeedData, FeedScope, SyndicationQueries } from '../app/syndication-queries.js';
import type { Instant, Slug } from '../domain/ids.js';
import { renderAtomFeed } from '../render/feeds/atom.js';
import { buildFeedDocument, type FeedDocument } from '../render/feeds/feed-document.js';
import { feedFormatNames, feedFormats, type FeedFormat } from '../render/feeds/feed-paths.js';
import { renderJsonFeed } from '../render/feeds/json-feed.js';
import { renderRssFeed } from '../render/feeds/rss.js';
import { renderRobotsTxt } from '../render/robots.js';
import { parseSitemapName, renderNewsSitemap, renderSitemapIndex, renderUrlSet, sitemapIndexPath } from '../render/sitemaps.js';
import type { PageCache } from './page-cache.js';
import { sendPage } from './send-page.js';

export interface SyndicationRoutesDeps {
  syndication: SyndicationQueries;
  cache: PageCache;
  clock: Clock;
  /** Renders the 404 page for this request. */
  notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

const XML = 'application/xml; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

const serializers: Record<FeedFormat, (doc: FeedDocument) => string> = { rss: renderRssFeed, atom: renderAtomFeed, json: renderJsonFeed };

/** Feeds (RSS, Atom, JSON Feed) for the site and each archive, sitemaps and robots.txt. */
export async function syndicationRoutes(app: FastifyInstance, deps: SyndicationRoutesDeps): Promise<void> {
  const { syndication, cache, clock } = deps;
  /** Documents that go stale with time alone (the news sitemap's 48-hour window, and the index naming it), by cache key. */
  const expiries = new Map<string, Instant>();

  /** Serves from the cache, or loads, renders, caches and serves. `load` returning null means 404. */
  async function serve<T extends { tags: CacheTag[] }>(
    request: FastifyRequest, reply: FastifyReply, contentType: string,
    load: () => Promise<T | null>, render: (data: T) => string, expiresAt?: (data: T) => Instant | null,
  ): Promise<FastifyReply> {
    // These documents take no query parameters: keying on the path keeps cache-busting query strings out of the cache.
    const key = request.url.split('?')[0]!;
    const hit = cache.get(key);
    const expiry = expiries.get(key);
    if (hit && !(expiry && clock.now() >= expiry)) return sendPage(request, reply, hit);
    const startedAt = cache.begin();
    const data = await load();
    if (!data) return deps.notFound(request, reply);
    const entry = cache.set(key, startedAt, { status: 200, body: Buffer.from(render(data)), contentType, headers: {}, tags: data.tags });
    // A render that straddled an invalidation is not stored; the old expiry then stays, so the next request renders again.
    if (cache.get(key) === entry) {
      const expires = expiresAt?.(data) ?? null;
      if (expires) expiries.set(key, expires);
      else expiries.delete(key);
    }
    return sendPage(request, reply, entry);
  }

  const feed = (request: FastifyRequest, reply: FastifyReply, format: FeedFormat, scope: FeedScope) =>
    serve(request, reply, feedFormats[format].contentType, () => syndication.feed(scope), (data: FeedData) => serializers[format](buildFeedDocument(data)));

  for (const format of feedFormatNames) {
    const file = feedFormats[format].file;
    app.get(`/${file}`, (request, reply) => feed(request, reply, format, { kind: 'site' }));
    app.get<{ Params: { slug: string } }>(`/author/:slug/${file}`, (request, reply) =>
      feed(request, reply, format, { kind: 'author', slug: request.params.slug as Slug }));
    app.get<{ Params: { slug: string } }>(`/source/:slug/${file}`, (request, reply) =>
      feed(request, reply, format, { kind: 'source', slug: request.params.slug as Slug }));
    app.get<{ Params: { taxonomy: string; term: string } }>(`/:taxonomy/:term/${file}`, (request, reply) =>
      feed(request, reply, format, { kind: 'term', taxonomySlug: request.params.taxonomy, termSlug: request.params.term }));
  }

  app.get('/robots.txt', (request, reply) => serve(request, reply, TEXT, () => syndication.robots(), (data) => renderRobotsTxt(data.settings)));

  app.get(sitemapIndexPath, (request, reply) => serve(request, reply, XML, () => syndication.sitemapIndex(), renderSitemapIndex, (data) => data.expiresAt));

  app.get<{ Params: { file: string } }>('/sitemaps/:file', (request, reply) => {
    const name = parseSitemapName(request.params.file);
    if (!name) return deps.notFound(request, reply);
    switch (name.kind) {
      case 'news':
        return serve(request, reply, XML, () => syndication.newsSitemap(), renderNewsSitemap, (data) => data.expiresAt);
      case 'articles':
        return serve(request, reply, XML, () => syndication.articleSitemap(name.number), renderUrlSet);
      case 'archives':
        return serve(request, reply, XML, () => syndication.archiveSitemap(name.number), renderUrlSet);
    }
  });
}
