import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { tooLarge, type MediaService } from '../../app/media-service.js';
import { AppError } from '../../domain/errors.js';
import { canonicalUrlOf, cleanFilename, variantUrl, type MediaId, type MediaItem } from '../../domain/media.js';
import { requireStaff } from './staff-request.js';
import { routeSchema } from './zod-route-schemas.js';

export interface MediaApiDeps {
  media: MediaService;
  /** The upload size cap (MEDIA_MAX_BYTES), enforced while the upload streams in. */
  maxBytes: number;
}

const idParams = z.object({ id: z.string().min(1).max(100) });
const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(30),
});
const descriptionBody = z.object({
  altText: z.string().max(1000).optional(),
  caption: z.string().max(2000).nullable().optional(),
  credit: z.string().max(500).nullable().optional(),
}).strict();
const uploadFields = z.object({
  altText: z.string().max(1000).optional(),
  caption: z.string().max(2000).optional(),
  credit: z.string().max(500).optional(),
});

/** A library item as the admin API shows it: every rendition with its public URL. */
export function mediaJson(item: MediaItem) {
  return {
    id: item.id, originalFilename: item.originalFilename, mime: item.mime, width: item.width, height: item.height,
    bytes: item.bytes, sha256: item.sha256, altText: item.altText, caption: item.caption, credit: item.credit,
    uploadedBy: item.uploadedBy, createdAt: item.createdAt, url: canonicalUrlOf(item),
    variants: item.variants.map((v) => ({ width: v.width, height: v.height, format: v.format, bytes: v.bytes, url: variantUrl(item.sha256, v.width, v.format) })),
  };
}

/** `/admin/api/media`: upload, list, read, describe and remove library images. Needs `request.staff` from the admin scope. */
export async function mediaApiRoutes(app: FastifyInstance, deps: MediaApiDeps): Promise<void> {
  const { media } = deps;
  // Parts and fields are capped too, so a request cannot make the server buffer more than one file.
  await app.register(multipart, { limits: { fileSize: deps.maxBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12, headerPairs: 100 }, throwFileSizeLimit: true });

  app.post('/', { schema: { summary: 'Upload an image as multipart/form-data: the file in a field named "file", optional fields altText, caption and credit. 201 when new, 200 when the same bytes were already in the library', tags: ['media'], consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const user = requireStaff(request, 'media.upload');
    // A declared length over the cap is refused before a byte of the body is read.
    if (Number(request.headers['content-length'] ?? 0) > deps.maxBytes + 64 * 1024) throw tooLarge(deps.maxBytes);
    const part = await request.file();
    if (!part) throw new AppError('INVALID_INPUT', 'Send the image as a multipart form field named "file".', { details: { field: 'file' } });
    let bytes: Buffer;
    try {
      bytes = await part.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(deps.maxBytes);
      throw error;
    }
    const fields = uploadFields.parse(Object.fromEntries(Object.entries(part.fields).flatMap(([name, field]) => (
      field && !Array.isArray(field) && field.type === 'field' ? [[name, String(field.value)]] : []
    ))));
    const { item, created } = await media.upload({ bytes, filename: cleanFilename(part.filename), description: fields }, user);
    return reply.code(created ? 201 : 200).send({ media: mediaJson(item), created });
  });

  app.get('/', { schema: { summary: 'The library, newest first, paged', tags: ['media'], querystring: routeSchema(listQuery) } }, async (request) => {
    requireStaff(request, 'media.upload');
    const query = listQuery.parse(request.query);
    const { items, page } = await media.list(query.page, query.perPage);
    return { media: items.map(mediaJson), meta: { page: page.page, perPage: page.pageSize, total: page.total, pageCount: page.pageCount } };
  });

  app.get('/:id', { schema: { summary: 'One image with its renditions', tags: ['media'], params: routeSchema(idParams) } }, async (request) => {
    requireStaff(request, 'media.upload');
    const { id } = idParams.parse(request.params);
    return { media: mediaJson(await media.get(id as MediaId)) };
  });

  app.patch('/:id', { schema: { summary: 'Change alt text, caption or credit', tags: ['media'], params: routeSchema(idParams), body: routeSchema(descriptionBody) } }, async (request) => {
    const user = requireStaff(request, 'media.upload');
    const { id } = idParams.parse(request.params);
    const patch = descriptionBody.parse(request.body ?? {});
    const current = await media.get(id as MediaId);
    const item = await media.describe(id as MediaId, {
      altText: patch.altText ?? current.altText,
      caption: patch.caption === undefined ? current.caption : patch.caption,
      credit: patch.credit === undefined ? current.credit : patch.credit,
    }, user);
    return { media: mediaJson(item) };
  });

  app.delete('/:id', { schema: { summary: 'Remove an image; 409 while an article uses it', tags: ['media'], params: routeSchema(idParams) } }, async (request, reply) => {
    const user = requireStaff(request, 'media.upload');
    const { id } = idParams.parse(request.params);
    await media.delete(id as MediaId, user);
    return reply.code(204).send();
  });
}
