import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseAuthorLinks } from '../../domain/author.js';
import { AppError } from '../../domain/errors.js';
import type { AuthorId } from '../../domain/ids.js';
import { authorFormValues, renderAuthorFormPage, renderAuthorListPage, type AuthorFormValues } from '../../render/admin/author-pages.js';
import { adminFrame, noticeFrom, sendAdminPage, staffOf, submitForm, type AdminDeps } from './admin-context.js';

const authorForm = z.object({
  name: z.string().max(500).default(''), slug: z.string().max(200).default(''), bio: z.string().max(10_000).default(''),
  url: z.string().max(2000).default(''), avatarUrl: z.string().max(2000).default(''), links: z.string().max(20_000).default(''),
});

function profileOf(form: AuthorFormValues) {
  const { links, refused } = parseAuthorLinks(form.links);
  if (refused.length) throw new AppError('INVALID_INPUT', `This line is not a link: "${refused[0]}". Write a label, then an address starting with https://.`, { details: { field: 'links' } });
  return { name: form.name, slug: form.slug, bio: form.bio, url: form.url, avatarUrl: form.avatarUrl, links };
}

/** `/admin/authors/`: the bylines' people, with their public profile (portrait, biography, links). */
export async function adminAuthorRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { authors } = deps;
  const manager = (request: FastifyRequest) => {
    const user = staffOf(request);
    deps.auth.require(user, 'author.manage');
    return user;
  };
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id as AuthorId;

  app.get('/authors/', async (request, reply) => {
    manager(request);
    return sendAdminPage(reply, renderAuthorListPage(await adminFrame(deps, request, reply), await authors.list(), noticeFrom(request)));
  });

  app.get('/authors/new', async (request, reply) => {
    manager(request);
    return sendAdminPage(reply, renderAuthorFormPage(await adminFrame(deps, request, reply), null, authorFormValues(null), null));
  });

  app.post('/authors/', async (request, reply) => {
    const user = manager(request);
    const form = authorForm.parse(request.body ?? {});
    return submitForm(request, reply, () => authors.create(profileOf(form), user), (author) => `/admin/authors/${author.id}/edit?notice=author-created`,
      async (_request, _reply, notice, status) => sendAdminPage(reply, renderAuthorFormPage(await adminFrame(deps, request, reply), null, form, notice), status));
  });

  app.get('/authors/:id/edit', async (request, reply) => {
    manager(request);
    const author = await authors.get(idOf(request));
    return sendAdminPage(reply, renderAuthorFormPage(await adminFrame(deps, request, reply), author, authorFormValues(author), noticeFrom(request)));
  });

  app.post('/authors/:id', async (request, reply) => {
    const user = manager(request);
    const author = await authors.get(idOf(request));
    const form = authorForm.parse(request.body ?? {});
    return submitForm(request, reply, () => authors.update(author.id, profileOf(form), user), `/admin/authors/${author.id}/edit?notice=author-saved`,
      async (_request, _reply, notice, status) => sendAdminPage(reply, renderAuthorFormPage(await adminFrame(deps, request, reply), author, form, notice), status));
  });
}
