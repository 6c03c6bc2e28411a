import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MediaService } from '../app/media-service.js';
import { formatOfExtension, mimeOf } from '../domain/media.js';

export interface MediaRoutesDeps {
  media: MediaService;
  notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

const fileName = /^([1-9]\d{0,5})\.(avif|webp|jpg|png)$/;
const hash = /^[0-9a-f]{64}$/;

/**
 * `/media/<sha256>/<width>.<ext>`: the renditions of library images. A URL names content that
 * never changes (the hash is of the upload, the width and format fix the rendition), so
 * browsers and CDNs may keep it for a year without asking again.
 */
export async function mediaRoutes(app: FastifyInstance, deps: MediaRoutesDeps): Promise<void> {
  app.get<{ Params: { hash: string; file: string } }>('/media/:hash/:file', async (request, reply) => {
    const match = fileName.exec(request.params.file);
    const format = match ? formatOfExtension(match[2]!) : null;
    if (!match || !format || !hash.test(request.params.hash)) return deps.notFound(request, reply);
    const etag = `"${request.params.hash.slice(0, 16)}-${request.params.file}"`;
    if (request.headers['if-none-match'] === etag) {
      return reply.code(304).header('etag', etag).header('cache-control', 'public, max-age=31536000, immutable').send();
    }
    const file = await deps.media.openVariant(request.params.hash, Number(match[1]), format);
    if (!file) return deps.notFound(request, reply);
    return reply
      .header('content-type', mimeOf(format))
      .header('content-length', file.bytes)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .send(file.stream);
  });
}
