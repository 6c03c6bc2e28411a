import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EditedArticle } from '../../app/article-editor.js';
import { articlePath, articleStatuses, type Article } from '../../domain/article.js';
import type { ArticleId, AuthorId } from '../../domain/ids.js';
import type { AdminDeps } from './admin-context.js';
import { adminApi } from './admin-api.js';
import { staffOf } from './admin-context.js';
import { unpublishPolicyOf } from './admin-article-routes.js';
import { articleFieldsSchema, changesFromFields, parseInstant } from './article-fields.js';
import { suggestionsView } from './article-suggestions.js';
import { routeSchema, useZodSchemas } from './zod-route-schemas.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const listQuery = z.object({
  status: z.enum(articleStatuses).optional(), author: z.string().max(100).optional(), q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1), limit: z.coerce.number().int().min(1).max(100).default(25),
});
const saveBody = articleFieldsSchema.extend({ version: z.number().int().min(1).describe('The version the change is based on; a stale one is refused with 409.') });
const statusBody = z.object({
  to: z.enum(articleStatuses),
  publishAt: z.string().max(40).optional().describe('For "scheduled": when to publish (ISO 8601).'),
  unpublish: z.object({ kind: z.enum(['gone', 'redirect']), to: z.string().max(2000).optional() }).optional().describe('When the article leaves readers: 410 Gone (default) or a redirect.'),
  version: z.number().int().min(1).optional(),
});
const restoreBody = z.object({ version: z.number().int().min(1) });
const suggestBody = z.object({
  title: z.string().max(1000).default(''),
  standfirst: z.string().max(10_000).optional(),
  body: z.string().max(500_000).default('').describe('The body as typed, HTML.'),
  language: z.string().max(20).optional(),
  termIds: z.array(z.string().max(100)).max(1000).default([]).describe('Terms ticked already: they are not suggested again.'),
});
const inboxQuery = z.object({ state: z.enum(['pending', 'rejected']).default('pending'), page: z.coerce.number().int().min(1).default(1) });

const errorSchema = routeSchema(z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }));
const articleSchema = routeSchema(z.object({ article: z.object({ id: z.string(), title: z.string(), status: z.enum(articleStatuses), version: z.number() }).passthrough() }));
const responses = (ok: Record<string, unknown>) => ({ 200: ok, 201: ok, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema });

/** An article as the Admin API returns it. */
function articleJson(article: Article, version: number) {
  return {
    id: article.id, slug: article.slug, path: articlePath(article), title: article.title, standfirst: article.standfirst, excerpt: article.excerpt,
    body: article.bodyFormat === 'html' ? article.bodySource : article.bodyHtml, bodyHtml: article.bodyHtml,
    status: article.status, publishedAt: article.publishedAt, createdAt: article.createdAt, updatedAt: article.updatedAt,
    authorIds: article.authorIds, termIds: article.termIds, featureImage: article.featureImage, syndication: article.syndication,
    origin: article.origin, inboxState: article.inboxState, version,
  };
}
const edited = (e: EditedArticle) => ({ article: articleJson(e.article, e.record.version), unpublished: e.record.unpublished });

/**
 * The Admin JSON API under /admin/api: what the screens do, for scripts and integrations. Works
 * with a session (send the X-CSRF-Token header) or an admin API key (Authorization: Bearer KEY).
 * Schemas are zod; OpenAPI is generated from them at /admin/api/openapi.json.
 */
export async function adminApiRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { editor } = deps;
  useZodSchemas(app);
  // Integrators read /admin/api/openapi.json; a route left out of it is a route nobody can find.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { summary?: string; hide?: boolean } | undefined;
    if (!schema?.summary && !schema?.hide) throw new Error(`Admin API route ${String(route.method)} ${route.url} has no schema summary; give it one so /admin/api/openapi.json documents it.`);
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Dateline Admin API', version: '1', description: 'The back office as JSON. Authenticate with a session cookie plus the X-CSRF-Token header, or with "Authorization: Bearer KEY" (dateline api-key create --type admin).' },
      components: { securitySchemes: { adminKey: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'dateline_session' } } },
      security: [{ adminKey: [] }, { session: [] }],
    },
  });
  const id = (request: FastifyRequest) => (request.params as { id: string }).id as ArticleId;
  const sources = async () => (await editor.choices()).sources;

  app.get('/openapi.json', { config: { anonymous: true }, schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-store').send(app.swagger()));

  app.get('/articles', { schema: { summary: 'List articles (authors and contributors see their own)', tags: ['articles'], querystring: routeSchema(listQuery) } }, async (request) => {
    const q = request.query as z.infer<typeof listQuery>;
    const filter = { ...(q.status ? { status: q.status } : {}), ...(q.author ? { authorId: q.author as AuthorId } : {}), ...(q.q ? { text: q.q } : {}) };
    const { items, total } = await editor.list(staffOf(request), filter, { offset: (q.page - 1) * q.limit, limit: q.limit });
    return { articles: items.map((e) => articleJson(e.article, e.record.version)), total, page: q.page };
  });

  app.post('/articles', { schema: { summary: 'Create a draft', tags: ['articles'], body: routeSchema(articleFieldsSchema), response: responses(articleSchema) } }, async (request, reply) => {
    const fields = request.body as z.infer<typeof articleFieldsSchema>;
    const created = await editor.create(staffOf(request), changesFromFields(fields, await sources()));
    return reply.code(201).send(edited(created));
  });

  app.get('/articles/:id', { schema: { summary: 'One article with its version', tags: ['articles'], params: routeSchema(idParams), response: responses(articleSchema) } }, async (request) =>
    edited(await editor.open(staffOf(request), id(request))));

  app.put('/articles/:id', { schema: { summary: 'Save (also the editor\'s autosave); 409 when someone saved since `version`', tags: ['articles'], params: routeSchema(idParams), body: routeSchema(saveBody), response: responses(articleSchema) } }, async (request) => {
    const body = request.body as z.infer<typeof saveBody>;
    return edited(await editor.save(staffOf(request), id(request), body.version, changesFromFields(body, await sources())));
  });

  app.post('/articles/:id/status', { schema: { summary: 'Move along the workflow (draft, review, scheduled, published, archived)', tags: ['articles'], params: routeSchema(idParams), body: routeSchema(statusBody), response: responses(articleSchema) } }, async (request) => {
    const body = request.body as z.infer<typeof statusBody>;
    return edited(await editor.changeStatus(staffOf(request), id(request), {
      to: body.to, publishAt: parseInstant(body.publishAt ?? '', 'publishAt'),
      unpublish: body.unpublish ? unpublishPolicyOf(body.unpublish.kind, body.unpublish.to ?? '') : null,
    }, body.version));
  });

  app.get('/articles/:id/revisions', { schema: { summary: 'Saved revisions, newest first', tags: ['revisions'], params: routeSchema(idParams) } }, async (request) =>
    ({ revisions: await editor.revisions(staffOf(request), id(request)) }));

  app.post('/articles/:id/revisions/:revision/restore', { schema: { summary: 'Restore a revision as a new version', tags: ['revisions'], params: routeSchema(idParams.extend({ revision: z.string().max(100) })), body: routeSchema(restoreBody), response: responses(articleSchema) } }, async (request) => {
    const { version } = request.body as z.infer<typeof restoreBody>;
    return edited(await editor.restore(staffOf(request), id(request), (request.params as { revision: string }).revision, version));
  });

  app.post('/articles/:id/presence', { schema: { summary: 'Heartbeat of an open editor; answers who else has the article open', tags: ['articles'], params: routeSchema(idParams) } }, async (request) => {
    const user = staffOf(request);
    await editor.open(user, id(request));
    return { others: (await deps.presence.heartbeat(id(request), { userId: user.id, name: user.name })).map((p) => ({ name: p.name })) };
  });

  app.post('/suggestions', { schema: { summary: 'Suggestions (regions, themes, places, people, other copies) for text not saved yet: the editor\'s side panel while typing', tags: ['articles'], body: routeSchema(suggestBody) } }, async (request) => {
    deps.auth.require(staffOf(request), 'article.create');
    const body = request.body as z.infer<typeof suggestBody>;
    const [analysis, index] = await Promise.all([
      deps.analysis.analyseDraft({ title: body.title, standfirst: body.standfirst ?? null, body: body.body, bodyFormat: 'html', language: body.language ?? null }),
      deps.taxonomies.index(),
    ]);
    return { suggestions: suggestionsView(analysis, index, body.termIds) };
  });

  app.get('/inbox', { schema: { summary: 'Ingested items waiting (or rejected)', tags: ['inbox'], querystring: routeSchema(inboxQuery) } }, async (request) => {
    const q = request.query as z.infer<typeof inboxQuery>;
    const { items, total } = await editor.inbox(staffOf(request), q.state, { offset: (q.page - 1) * 25, limit: 25 });
    return { items: items.map((a) => articleJson(a, 0)), total };
  });

  for (const decision of ['publish', 'reject'] as const) {
    app.post(`/inbox/:id/${decision}`, { schema: { summary: decision === 'publish' ? 'Publish an inbox item' : 'Reject an inbox item (remembered)', tags: ['inbox'], params: routeSchema(idParams) } }, async (request) =>
      ({ article: articleJson(await editor.decideInbox(staffOf(request), id(request), decision), 0) }));
  }

  await app.register(adminApi, { auth: deps.auth, media: deps.media, mediaMaxBytes: deps.mediaMaxBytes, sources: deps.sources, settings: deps.settings, authors: deps.authors, staff: deps.staff, terms: deps.terms, redirects: deps.redirects });
}
