import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageData, PublicSite } from '../app/public-site.js';
import { RedirectResolver } from '../app/redirect-resolver.js';
import { articlePath } from '../domain/article.js';
import type { Slug } from '../domain/ids.js';
import { parsePageNumber } from '../domain/pagination.js';
import { renderArticlePage } from '../render/article-page.js';
import { renderAuthorIndexPage, renderSourceIndexPage, renderTaxonomyIndexPage } from '../render/directory-pages.js';
import { renderArchivePage, renderHomePage } from '../render/listing-page.js';
import { renderProblemPage } from '../render/error-pages.js';
import type { LayoutAssets } from '../render/layout.js';
import { withPage } from '../render/paths.js';
import type { PageCache } from './page-cache.js';
import { sendPage } from './send-page.js';

export interface PublicRoutesDeps {
  site: PublicSite;
  cache: PageCache;
  assets: LayoutAssets;
  sanitize: (html: string) => string;
  /** Renders the 404 page for this request. */
  notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
  /** Old addresses that now live elsewhere; the home page consults it for `/?p=123`-style links. */
  redirects?: RedirectResolver;
}

type Rendered = { html: string; headers?: Record<string, string> };

const HTML = 'text/html; charset=utf-8';

/** The public, server-rendered site: home, articles, archives and directories. */
export async function publicRoutes(app: FastifyInstance, deps: PublicRoutesDeps): Promise<void> {
  const { site, cache, assets } = deps;

  /** Serves from the cache, or loads, renders, caches and serves. `load` returning null means 404. */
  async function page<T>(request: FastifyRequest, reply: FastifyReply, load: () => Promise<PageData<T> | null>, render: (data: PageData<T>) => Rendered): Promise<FastifyReply> {
    const key = pageCacheKey(request.url);
    const hit = cache.get(key);
    if (hit) return sendPage(request, reply, hit);
    const startedAt = cache.begin();
    const data = await load();
    if (!data) return deps.notFound(request, reply);
    const rendered = render(data);
    const entry = cache.set(key, startedAt, {
      status: 200, body: Buffer.from(rendered.html), contentType: HTML, headers: rendered.headers ?? {}, tags: data.tags,
    });
    return sendPage(request, reply, entry);
  }

  /** Listing pages: a page number past the end redirects to the last page. */
  async function listing<T extends { page: { page: number; pageCount: number } } | { listing: { page: { page: number; pageCount: number } } }>(
    request: FastifyRequest, reply: FastifyReply, basePath: string,
    load: (page: number) => Promise<PageData<T> | null>, render: (data: PageData<T>) => string,
  ): Promise<FastifyReply> {
    const pageNumber = parsePageNumber((request.query as Record<string, unknown>).page);
    return page(request, reply, async () => {
      const data = await load(pageNumber);
      if (!data) return null;
      const info = 'listing' in data.content ? data.content.listing.page : data.content.page;
      if (info.page > info.pageCount) throw new Redirect(withPage(basePath, info.pageCount), 302);
      return data;
    }, (data) => ({ html: render(data) }));
  }

  app.get('/', async (request, reply) => {
    // An old WordPress link (`/?p=123`) reaches the home route; it should reach the article instead.
    if (deps.redirects && RedirectResolver.namesOldContent(request.url)) {
      const moved = await deps.redirects.resolve(request.url);
      if (moved) return deps.notFound(request, reply);
    }
    return listing(request, reply, '/', (p) => site.home(p), (d) => renderHomePage(d, assets));
  });

  app.get<{ Params: { year: string; month: string; slug: string } }>('/:year(^\\d{4})/:month(^\\d{2})/:slug/', async (request, reply) => {
    const { year, month, slug } = request.params;
    return page(request, reply, async () => {
      const data = await site.article(slug as Slug);
      if (data) {
        const canonical = articlePath(data.content.article);
        if (canonical !== `/${year}/${month}/${slug}/`) throw new Redirect(canonical, 301);
      } else {
        // A withdrawn article answers as its editor chose: gone for good, or moved elsewhere.
        const withdrawn = await site.withdrawn(slug as Slug);
        if (withdrawn?.kind === 'redirect') throw new Redirect(withdrawn.to, 301);
        if (withdrawn?.kind === 'gone') throw new Gone();
      }
      return data;
    }, (data) => renderArticlePage(data, assets, deps.sanitize));
  });

  app.get('/author/', (request, reply) => page(request, reply, () => site.authorIndex(), (d) => ({ html: renderAuthorIndexPage(d, assets) })));
  app.get<{ Params: { slug: string } }>('/author/:slug/', (request, reply) =>
    listing(request, reply, `/author/${request.params.slug}/`, (p) => site.authorArchive(request.params.slug as Slug, p), (d) => renderArchivePage(d, assets)));

  app.get('/source/', (request, reply) => page(request, reply, () => site.sourceIndex(), (d) => ({ html: renderSourceIndexPage(d, assets) })));
  app.get<{ Params: { slug: string } }>('/source/:slug/', (request, reply) =>
    listing(request, reply, `/source/${request.params.slug}/`, (p) => site.sourceArchive(request.params.slug as Slug, p), (d) => renderArchivePage(d, assets)));

  app.get<{ Params: { taxonomy: string } }>('/:taxonomy/', (request, reply) =>
    page(request, reply, () => site.taxonomyIndex(request.params.taxonomy), (d) => ({ html: renderTaxonomyIndexPage(d, assets) })));
  app.get<{ Params: { taxonomy: string; term: string } }>('/:taxonomy/:term/', (request, reply) => {
    const { taxonomy, term } = request.params;
    return listing(request, reply, `/${taxonomy}/${term}/`, (p) => site.termArchive(taxonomy, term, p), (d) => renderArchivePage(d, assets));
  });

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof Redirect) return reply.redirect(error.location, error.status);
    if (error instanceof Gone) {
      const frame = await site.frame();
      return reply.code(410).type(HTML).header('cache-control', 'no-store')
        .send(renderProblemPage(frame, assets, 'This article has been withdrawn', 'The publisher has taken this article down. It is no longer available.'));
    }
    throw error;
  });
}

/** Thrown inside a page load to redirect instead of rendering (past the last page, or a non-canonical article path). */
export class Redirect extends Error {
  constructor(readonly location: string, readonly status: 301 | 302) {
    super(`Redirect to ${location}`);
  }
}

/** Thrown inside a page load when the article was withdrawn and its URL answers 410 Gone. */
export class Gone extends Error {
  constructor() {
    super('Gone');
  }
}

/**
 * The cache key of a public page: its path and the one parameter pages read (`page`). Tracking
 * parameters (utm_*, fbclid…) and junk query strings share the cached page instead of forcing
 * a new render each, so they can neither slow the site down nor push real pages out.
 */
export function pageCacheKey(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const page = new URLSearchParams(url.slice(q + 1)).get('page');
  return page === null ? url.slice(0, q) : `${url.slice(0, q)}?page=${page}`;
}
