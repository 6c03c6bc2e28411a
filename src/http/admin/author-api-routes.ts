import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthorService } from '../../app/author-service.js';
import type { Author } from '../../domain/author.js';
import type { AuthorId } from '../../domain/ids.js';
import { requireStaff } from './staff-request.js';
import { routeSchema } from './zod-route-schemas.js';

export interface AuthorApiDeps {
  authors: AuthorService;
}

const idParams = z.object({ id: z.string().min(1).max(100) });
const link = z.object({ label: z.string().max(100), url: z.string().max(2000) }).strict();
const profile = {
  bio: z.string().max(5000).nullable().optional(),
  url: z.string().max(2000).nullable().optional(),
  avatarUrl: z.string().max(2000).nullable().optional(),
  links: z.array(link).max(20).optional(),
};
const createBody = z.object({ name: z.string().min(1).max(200), slug: z.string().max(100).optional(), ...profile }).strict();
const updateBody = z.object({ name: z.string().min(1).max(200).optional(), slug: z.string().max(100).optional(), ...profile }).strict();

/** An author as the admin API shows it. */
export function authorJson(author: Author) {
  return { id: author.id, slug: author.slug, name: author.name, bio: author.bio, url: author.url, avatarUrl: author.avatarUrl, links: author.links };
}

/** `/admin/api/authors`: list, read, add and edit authors (editors and above). Needs `request.staff` from the admin scope. */
export async function authorApiRoutes(app: FastifyInstance, deps: AuthorApiDeps): Promise<void> {
  const { authors } = deps;

  // Every member of staff reads authors: the editor's byline choices come from them.
  app.get('/', { schema: { summary: 'List authors', tags: ['authors'] } }, async (request) => {
    requireStaff(request);
    return { authors: (await authors.list()).map(authorJson) };
  });

  app.get('/:id', { schema: { summary: 'One author', tags: ['authors'], params: routeSchema(idParams) } }, async (request) => {
    requireStaff(request);
    const { id } = idParams.parse(request.params);
    return { author: authorJson(await authors.get(id as AuthorId)) };
  });

  app.post('/', { schema: { summary: 'Add an author (needs author.manage)', tags: ['authors'], body: routeSchema(createBody) } }, async (request, reply) => {
    const user = requireStaff(request, 'author.manage');
    const body = createBody.parse(request.body ?? {});
    const author = await authors.create({
      name: body.name, ...(body.slug === undefined ? {} : { slug: body.slug }),
      bio: body.bio ?? null, url: body.url ?? null, avatarUrl: body.avatarUrl ?? null, links: body.links ?? [],
    }, user);
    return reply.code(201).send({ author: authorJson(author) });
  });

  app.patch('/:id', { schema: { summary: 'Change an author\'s name, slug or profile', tags: ['authors'], params: routeSchema(idParams), body: routeSchema(updateBody) } }, async (request) => {
    const user = requireStaff(request, 'author.manage');
    const { id } = idParams.parse(request.params);
    const body = updateBody.parse(request.body ?? {});
    const current = await authors.get(id as AuthorId);
    const pick = <K extends keyof typeof body & keyof Author>(key: K) => (body[key] === undefined ? current[key] : body[key]);
    const author = await authors.update(current.id, {
      name: body.name ?? current.name, slug: body.slug ?? current.slug,
      bio: pick('bio') ?? null, url: pick('url') ?? null, avatarUrl: pick('avatarUrl') ?? null, links: body.links ?? current.links,
    }, user);
    return { author: authorJson(author) };
  });
}
