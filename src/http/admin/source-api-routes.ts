import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SourceService } from '../../app/source-service.js';
import type { SourceId } from '../../domain/ids.js';
import type { Source } from '../../domain/source.js';
import { searchPolicies } from '../../domain/syndication.js';
import { requireStaff } from './staff-request.js';
import { routeSchema } from './zod-route-schemas.js';

export interface SourceApiDeps {
  sources: SourceService;
}

const idParams = z.object({ id: z.string().min(1).max(100) });
const terms = {
  url: z.string().max(2000).nullable().optional(),
  defaultCopyrightLine: z.string().max(500).nullable().optional(),
  defaultLicence: z.string().max(2000).nullable().optional(),
  defaultSearchPolicy: z.enum(searchPolicies).optional(),
};
const createBody = z.object({ name: z.string().min(1).max(200), slug: z.string().max(100).optional(), ...terms }).strict();
const updateBody = z.object({ name: z.string().min(1).max(200).optional(), ...terms }).strict();

/** A source as the admin API shows it: its licence terms are the defaults of every story republished from it. */
export function sourceJson(source: Source) {
  return {
    id: source.id, slug: source.slug, name: source.name, url: source.url,
    defaultCopyrightLine: source.defaultCopyrightLine, defaultLicence: source.defaultLicence, defaultSearchPolicy: source.defaultSearchPolicy,
  };
}

/** `/admin/api/sources`: list, read, add and edit sources with their licence terms. Needs `request.staff` from the admin scope. */
export async function sourceApiRoutes(app: FastifyInstance, deps: SourceApiDeps): Promise<void> {
  const { sources } = deps;

  // Every member of staff reads sources: the editor fills an article's attribution from them.
  app.get('/', { schema: { summary: 'List sources with their licence terms', tags: ['sources'] } }, async (request) => {
    requireStaff(request);
    return { sources: (await sources.list()).map(sourceJson) };
  });

  app.get('/:id', { schema: { summary: 'One source', tags: ['sources'], params: routeSchema(idParams) } }, async (request) => {
    requireStaff(request);
    const { id } = idParams.parse(request.params);
    return { source: sourceJson(await sources.get(id as SourceId)) };
  });

  app.post('/', { schema: { summary: 'Add a source (needs source.manage)', tags: ['sources'], body: routeSchema(createBody) } }, async (request, reply) => {
    const user = requireStaff(request, 'source.manage');
    const body = createBody.parse(request.body ?? {});
    const source = await sources.create({
      name: body.name, ...(body.slug === undefined ? {} : { slug: body.slug }), url: body.url ?? null,
      defaultCopyrightLine: body.defaultCopyrightLine ?? null, defaultLicence: body.defaultLicence ?? null, defaultSearchPolicy: body.defaultSearchPolicy ?? 'noindex',
    }, user);
    return reply.code(201).send({ source: sourceJson(source) });
  });

  app.patch('/:id', { schema: { summary: 'Change a source\'s name or licence terms', tags: ['sources'], params: routeSchema(idParams), body: routeSchema(updateBody) } }, async (request) => {
    const user = requireStaff(request, 'source.manage');
    const { id } = idParams.parse(request.params);
    const body = updateBody.parse(request.body ?? {});
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    return { source: sourceJson(await sources.update(id as SourceId, changes, user)) };
  });
}
