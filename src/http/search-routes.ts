import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SiteSearch, SiteSearchRequest } from '../app/site-search.js';
import { searchInputLimits } from '../app/site-search.js';
import { AppError } from '../domain/errors.js';
import { parsePageNumber } from '../domain/pagination.js';
import type { LayoutAssets } from '../render/layout.js';
import { searchBasePath } from '../render/search-form.js';
import type { PageCache } from './page-cache.js';
import { sendPage } from './send-page.js';
import { renderSearchPage, searchPath } from '../render/search-page.js';

export interface SearchRoutesDeps {
  search: SiteSearch;
  assets: LayoutAssets;
  /**
   * Rendered search pages, kept apart from the main page cache: queries are unbounded, so they must
   * not push article pages out. Null runs every search (the benchmark's uncached figure).
   */
  cache?: PageCache | null;
}

const HTML = 'text/html; charset=utf-8';

/** A form field left empty arrives as ""; it means "no filter". */
const optional = (schema: z.ZodString) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const searchParams = z.object({
  // The index reads only the start of a long paste; beyond this, the request is not a search.
  q: z.string().max(searchInputLimits.accepted).optional(),
  page: z.string().max(20).optional(),
  author: optional(z.string().max(200)),
  source: optional(z.string().max(200)),
  from: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  to: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
}).catchall(z.unknown());

const fixedParams = new Set(Object.keys(searchParams.shape));

/**
 * The public search page, `/search/?q=…&page=…&<taxonomy>=<term>&author=…&source=…&from=…&to=…`.
 * Rendered pages are kept in a search cache of their own, keyed on the search as read (so the
 * order of parameters does not matter), and dropped by the cache tags of what they show, like
 * every cached page; browsers and proxies are still told `no-store`. Malformed parameters answer
 * 400 through the server's error handler, like every other page.
 */
export async function searchRoutes(app: FastifyInstance, deps: SearchRoutesDeps): Promise<void> {
  app.get(searchBasePath, async (request, reply) => {
    const parsed = searchParams.safeParse(request.query ?? {});
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'query';
      throw new AppError('INVALID_INPUT', `The search could not be read: check the ${field} value.`, { details: { field } });
    }
    const { q, page, author, source, from, to, ...rest } = parsed.data;
    const terms: Record<string, string> = {};
    for (const [name, value] of Object.entries(rest)) {
      if (fixedParams.has(name) || value === '' || value === undefined) continue;
      // Only taxonomy slugs are looked up; other parameters (utm_*, …) are ignored, but a repeated one is refused.
      if (typeof value !== 'string' || value.length > 200) throw new AppError('INVALID_INPUT', `The search could not be read: check the ${name.slice(0, 40)} value.`, { details: { field: name.slice(0, 40) } });
      terms[name] = value;
    }
    const searchRequest: SiteSearchRequest = {
      q: q ?? '', page: parsePageNumber(page), terms, author: author ?? null, source: source ?? null, from: from ?? null, to: to ?? null,
    };
    const key = cacheKeyOf(searchRequest);
    const cached = deps.cache?.get(key);
    if (cached) return sendPage(request, reply, cached);
    const startedAt = deps.cache?.begin() ?? 0;
    const data = await deps.search.search(searchRequest);
    const info = data.content.results?.page;
    if (info && info.page > info.pageCount) return reply.redirect(searchPath(data.content.request, info.pageCount), 302);
    // As bytes: a string body is measured for its length and then encoded again to be written (20 KB a page).
    const body = Buffer.from(renderSearchPage(data, deps.assets));
    const headers = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' };
    if (!deps.cache) return reply.code(200).type(HTML).headers(headers).send(body);
    return sendPage(request, reply, deps.cache.set(key, startedAt, { status: 200, body, contentType: HTML, headers, tags: data.tags }));
  });
}

/** One key per search, however its parameters were ordered or spaced. */
function cacheKeyOf(request: SiteSearchRequest): string {
  const terms = Object.fromEntries(Object.entries(request.terms).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return searchPath({ ...request, q: request.q.trim(), terms }, request.page);
}
