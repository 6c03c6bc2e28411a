import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { mayChangeMedia, tooLarge } from '../../app/media-service.js';
import { AppError } from '../../domain/errors.js';
import { cleanFilename, type MediaId } from '../../domain/media.js';
import { paginate } from '../../domain/pagination.js';
import { renderMediaEditPage, renderMediaLibraryPage } from '../../render/admin/media-pages.js';
import { adminFrame, formRefusal, noticeFrom, sendAdminPage, staffOf, submitForm, type AdminDeps } from './admin-context.js';

const PAGE_SIZE = 24;
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });
const describeForm = z.object({ altText: z.string().max(1000).default(''), caption: z.string().max(2000).default(''), credit: z.string().max(500).default('') });
const uploadForm = describeForm.extend({ file: z.instanceof(Buffer, { message: 'Choose an image file to upload.' }) });

/** Upload file names, kept aside while the multipart body becomes plain fields. */
const uploadNames = new WeakMap<FastifyRequest, string>();

/** `/admin/media/`: the library as a grid, uploads through a plain form, describing and deleting items. */
export async function adminMediaRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { media } = deps;
  // The body becomes plain fields (the file as a Buffer) before the CSRF check reads `_csrf` from it.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: deps.mediaMaxBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12, headerPairs: 100 },
    throwFileSizeLimit: true,
    async onFile(this: FastifyRequest, part: MultipartFile) {
      uploadNames.set(this, cleanFilename(part.filename));
      try {
        await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(deps.mediaMaxBytes);
        throw error;
      }
    },
  });
  const uploader = (request: FastifyRequest) => {
    const user = staffOf(request);
    deps.auth.require(user, 'media.upload');
    return user;
  };
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id as MediaId;

  const libraryPage = async (request: FastifyRequest, reply: Parameters<typeof sendAdminPage>[0], notice = noticeFrom(request), status = 200) => {
    uploader(request);
    const { page } = pageQuery.parse(request.query);
    const { items, page: info } = await media.list(page, PAGE_SIZE);
    const view = { items, total: info.total, page: info.page, pageCount: paginate(page, PAGE_SIZE, info.total).pageCount, maxBytes: deps.mediaMaxBytes };
    return sendAdminPage(reply, renderMediaLibraryPage(await adminFrame(deps, request, reply), view, notice), status);
  };
  const editPage = async (request: FastifyRequest, reply: Parameters<typeof sendAdminPage>[0], notice = noticeFrom(request), status = 200) => {
    const user = uploader(request);
    const item = await media.get(idOf(request));
    const view = { item, usedBy: await media.usage(item.id), mayChange: mayChangeMedia(user, item) };
    return sendAdminPage(reply, renderMediaEditPage(await adminFrame(deps, request, reply), view, notice), status);
  };

  app.get('/media/', async (request, reply) => libraryPage(request, reply));

  app.post('/media/', async (request, reply) => {
    const user = uploader(request);
    if (!request.isMultipart()) throw new AppError('INVALID_INPUT', 'Send the upload form as multipart/form-data with a "file" field.', { details: { field: 'file' } });
    try {
      const form = uploadForm.parse(request.body ?? {});
      const { item, created } = await media.upload({ bytes: form.file, filename: uploadNames.get(request) ?? 'upload', description: { altText: form.altText, caption: form.caption, credit: form.credit } }, user);
      return reply.redirect(`/admin/media/${item.id}/edit?notice=${created ? 'media-uploaded' : 'media-existed'}`, 303);
    } catch (error) {
      if (error instanceof z.ZodError) return libraryPage(request, reply, { kind: 'error', text: error.issues[0]?.message ?? 'Choose an image file to upload.' }, 400);
      const refused = formRefusal(error);
      return libraryPage(request, reply, refused.notice, refused.status);
    }
  });

  app.get('/media/:id/edit', async (request, reply) => editPage(request, reply));

  app.post('/media/:id', async (request, reply) => {
    const user = uploader(request);
    const form = describeForm.parse(request.body ?? {});
    return submitForm(request, reply, () => media.describe(idOf(request), form, user), `/admin/media/${idOf(request)}/edit?notice=media-saved`, editPage);
  });

  app.post('/media/:id/delete', async (request, reply) => {
    const user = uploader(request);
    return submitForm(request, reply, () => media.delete(idOf(request), user), '/admin/media/?notice=media-deleted', editPage);
  });
}
