import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from './page-cache.js';

/** True when the client's cached copy is still current (RFC 9110 §13.1: If-None-Match wins over If-Modified-Since). */
function isFresh(request: FastifyRequest, page: CachedPage): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) {
    return inm.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t === page.etag || t === `W/${page.etag}`;
    });
  }
  const ims = request.headers['if-modified-since'];
  if (ims) {
    const since = Date.parse(ims);
    const modified = Date.parse(page.lastModified);
    return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
  }
  return false;
}

/** Sends a cached page, or 304 when the client already has it. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  reply.header('etag', page.etag).header('last-modified', page.lastModified).header('cache-control', page.headers['cache-control'] ?? 'public, no-cache');
  for (const [name, value] of Object.entries(page.headers)) reply.header(name, value);
  if (page.status === 200 && (request.method === 'GET' || request.method === 'HEAD') && isFresh(request, page)) {
    return reply.code(304).send();
  }
  return reply.code(page.status).type(page.contentType).send(page.body);
}
