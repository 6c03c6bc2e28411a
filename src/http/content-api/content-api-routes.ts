import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiKeyService } from '../../app/api-key-service.js';
import { tags as cacheTags, type CacheTag } from '../../app/content-events.js';
import type { ArticleFilter, ArticleOrder } from '../../app/ports.js';
import type { ArticleView, PublicSite } from '../../app/public-site.js';
import type { SettingsService } from '../../app/settings-service.js';
import type { TaxonomyService } from '../../app/taxonomy-service.js';
import type { Instant } from '../../domain/ids.js';
import { ghostAuthor, ghostPagination, ghostPost, ghostSettings, ghostTag, pickFields, type GhostRecord } from '../../render/ghost-content.js';
import { paths } from '../../render/paths.js';
import type { PageCache } from '../page-cache.js';
import { sendPage } from '../send-page.js';
import { NqlSyntaxError, parseNql, type NqlFilter } from './nql-filter.js';

export interface ContentApiDeps {
  site: PublicSite;
  settings: SettingsService;
  taxonomies: TaxonomyService;
  keys: ApiKeyService;
  cache: PageCache;
  plaintext: (html: string) => string;
}

type GhostErrorType = 'BadRequestError' | 'UnauthorizedError' | 'NotFoundError';

class GhostApiError extends Error {
  constructor(readonly status: number, readonly type: GhostErrorType, message: string, readonly context: string | null = null) {
    super(message);
  }
}

const listQuery = z.object({
  key: z.string().optional(),
  limit: z.union([z.literal('all'), z.coerce.number().int().min(1).max(100)]).default(15),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  include: z.string().max(200).optional(),
  fields: z.string().max(500).optional(),
  formats: z.string().max(100).optional(),
  filter: z.string().max(2000).optional(),
  order: z.string().max(100).optional(),
});
type ListQuery = z.infer<typeof listQuery>;

const csv = (value: string | undefined) => new Set((value ?? '').split(',').map((v) => v.trim()).filter(Boolean));

const orderFields: Record<string, ArticleOrder['field']> = { published_at: 'published_at', updated_at: 'updated_at', title: 'title' };

function parseOrder(order: string | undefined): ArticleOrder | undefined {
  if (!order) return undefined;
  const [field, direction = 'desc'] = order.trim().split(/\s+/);
  const mapped = field ? orderFields[field] : undefined;
  if (!mapped || !['asc', 'desc'].includes(direction.toLowerCase())) {
    throw new GhostApiError(400, 'BadRequestError', `Cannot order by "${order}": use published_at, updated_at or title, then asc or desc.`, 'order');
  }
  return { field: mapped, direction: direction.toLowerCase() as 'asc' | 'desc' };
}

/**
 * The read-only Content API, at Ghost's paths (`/ghost/api/content/…`, and `/ghost/api/v2|v3|v4/content/…`
 * for older clients) with Ghost's `?key=` content keys, parameters, shapes and error format.
 */
export async function contentApiRoutes(app: FastifyInstance, deps: ContentApiDeps): Promise<void> {
  const { site, cache } = deps;

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    return payload;
  });

  app.setErrorHandler(async (error, _request, reply) => {
    if (error instanceof GhostApiError) {
      return reply.code(error.status).header('cache-control', 'no-store').send({ errors: [{ message: error.message, context: error.context, type: error.type, code: null, help: null }] });
    }
    if (error instanceof NqlSyntaxError) {
      return reply.code(400).header('cache-control', 'no-store').send({ errors: [{ message: error.message, context: 'filter', type: 'BadRequestError', code: null, help: null }] });
    }
    reply.log.error({ err: error }, 'content api request failed');
    return reply.code(500).header('cache-control', 'no-store').send({ errors: [{ message: 'The server could not answer this request.', context: null, type: 'InternalServerError', code: null, help: null }] });
  });

  /** Checks the key, then serves from the cache or builds, caches and sends the JSON. */
  async function respond(request: FastifyRequest, reply: FastifyReply, build: (q: ListQuery) => Promise<{ body: GhostRecord; tags: CacheTag[] }>): Promise<FastifyReply> {
    const parsed = listQuery.safeParse(request.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new GhostApiError(400, 'BadRequestError', `Invalid value for "${issue?.path.join('.')}": ${issue?.message}.`, String(issue?.path[0] ?? ''));
    }
    const key = await deps.keys.verify(parsed.data.key, 'content');
    if (!key) throw new GhostApiError(401, 'UnauthorizedError', 'Unknown Content API Key', 'key');
    const hit = cache.get(request.url);
    if (hit) return sendPage(request, reply, hit);
    const startedAt = cache.begin();
    const { body, tags } = await build(parsed.data);
    const entry = cache.set(request.url, startedAt, {
      status: 200, body: Buffer.from(JSON.stringify(body)), contentType: 'application/json; charset=utf-8',
      headers: { 'cache-control': 'public, max-age=0, must-revalidate' }, tags,
    });
    return sendPage(request, reply, entry);
  }

  const viewTags = (views: ArticleView[]): CacheTag[] => [
    cacheTags.settings, cacheTags.taxonomy, cacheTags.homeList,
    ...views.flatMap((v) => [cacheTags.article(v.article.id), ...v.authors.map((a) => cacheTags.author(a.id))]),
  ];

  async function articleFilter(nql: NqlFilter): Promise<Omit<ArticleFilter, 'now'>> {
    const index = await deps.taxonomies.index();
    const filter: { -readonly [K in keyof Omit<ArticleFilter, 'now'>]: Omit<ArticleFilter, 'now'>[K] } = {};
    const termIdsFor = (slugs: string[]) => index.terms.filter((t) => slugs.includes(t.slug)).map((t) => t.id);
    for (const group of nql) {
      const key = group[0]!.key.replace(/\.slug$/, '');
      const values = group.flatMap((c) => c.values);
      const ops = new Set(group.map((c) => c.op));
      const positive = [...ops].every((op) => op === 'eq' || op === 'in');
      const negative = [...ops].every((op) => op === 'ne' || op === 'nin');
      switch (key) {
        case 'tag': case 'tags': case 'primary_tag':
          if (positive) filter.termGroups = [...(filter.termGroups ?? []), termIdsFor(values)];
          else if (negative) filter.excludeTermIds = [...(filter.excludeTermIds ?? []), ...termIdsFor(values)];
          else throw new GhostApiError(400, 'BadRequestError', 'Tags can be matched (tag:x, tag:[x,y]) or excluded (tag:-x), not compared.', 'filter');
          break;
        case 'author': case 'authors': case 'primary_author': {
          if (!positive) throw new GhostApiError(400, 'BadRequestError', 'Authors can be matched (author:x, author:[x,y]) only.', 'filter');
          const authors = await Promise.all(values.map((slug) => site.authorBySlug(slug)));
          filter.authorIds = authors.filter((a) => !!a).map((a) => a!.id);
          break;
        }
        case 'slug':
          if (!positive) throw new GhostApiError(400, 'BadRequestError', 'slug can be matched only.', 'filter');
          filter.slugs = values as never;
          break;
        case 'id':
          if (!positive) throw new GhostApiError(400, 'BadRequestError', 'id can be matched only.', 'filter');
          filter.ids = values as never;
          break;
        case 'published_at':
          for (const clause of group) {
            const at = new Date(clause.values[0]!.replace(' ', 'T'));
            if (Number.isNaN(at.getTime())) throw new GhostApiError(400, 'BadRequestError', `"${clause.values[0]}" is not a date.`, 'filter');
            const iso = at.toISOString() as Instant;
            if (clause.op === 'gt' || clause.op === 'gte') filter.publishedAfter = (clause.op === 'gte' ? new Date(at.getTime() - 1).toISOString() : iso) as Instant;
            else if (clause.op === 'lt' || clause.op === 'lte') filter.publishedBefore = (clause.op === 'lte' ? new Date(at.getTime() + 1).toISOString() : iso) as Instant;
            else throw new GhostApiError(400, 'BadRequestError', 'published_at is compared with >, <, >= or <=.', 'filter');
          }
          break;
        case 'visibility': case 'status': case 'type':
          // Everything the Content API shows is public, published posts.
          if (!values.every((v) => ['public', 'published', 'post'].includes(v))) filter.ids = [];
          break;
        case 'featured':
          // Dateline has no featured flag: featured:true matches nothing, featured:false everything.
          if (values.includes('true')) filter.ids = [];
          break;
        default:
          throw new GhostApiError(400, 'BadRequestError', `Filtering by "${key}" is not supported.`, 'filter');
      }
    }
    return filter;
  }

  const postOptions = (q: ListQuery) => ({ include: csv(q.include), formats: q.formats ? csv(q.formats) : new Set(['html']), plaintext: deps.plaintext });
  const fieldsOf = (q: ListQuery) => (q.fields ? csv(q.fields) : null);

  const browsePosts = (request: FastifyRequest, reply: FastifyReply) => respond(request, reply, async (q) => {
    const settings = await deps.settings.get();
    const limit = q.limit === 'all' ? 10_000 : q.limit;
    const { items, total } = await site.browse(await articleFilter(parseNql(q.filter)), { offset: (q.page - 1) * limit, limit, order: parseOrder(q.order) });
    const posts = items.map((v) => pickFields(ghostPost(v, settings, postOptions(q)), fieldsOf(q)));
    return { body: { posts, meta: ghostPagination(q.page, q.limit, total) }, tags: viewTags(items) };
  });

  const readPost = (by: (request: FastifyRequest) => { id?: string; slug?: string }) => (request: FastifyRequest, reply: FastifyReply) => respond(request, reply, async (q) => {
    const view = await site.visibleArticle(by(request));
    if (!view) throw new GhostApiError(404, 'NotFoundError', 'Post not found.', 'posts');
    const settings = await deps.settings.get();
    return { body: { posts: [pickFields(ghostPost(view, settings, postOptions(q)), fieldsOf(q))] }, tags: viewTags([view]) };
  });

  const authorTags = (ids: string[]) => [cacheTags.settings, cacheTags.authorDirectory, cacheTags.homeList, ...ids.map(cacheTags.author)];

  const browseAuthors = (request: FastifyRequest, reply: FastifyReply) => respond(request, reply, async (q) => {
    const settings = await deps.settings.get();
    const withCount = csv(q.include).has('count.posts');
    const [authors, counts] = await Promise.all([site.authorIndex(), withCount ? site.counts() : null]);
    const all = authors.content.map((a) => pickFields(ghostAuthor(a, settings, counts?.authors.get(a.id) ?? (withCount ? 0 : undefined)), fieldsOf(q)));
    const limit = q.limit === 'all' ? all.length || 1 : q.limit;
    return { body: { authors: all.slice((q.page - 1) * limit, q.page * limit), meta: ghostPagination(q.page, q.limit, all.length) }, tags: authorTags(authors.content.map((a) => a.id)) };
  });

  const readAuthor = (by: (request: FastifyRequest) => { id?: string; slug?: string }) => (request: FastifyRequest, reply: FastifyReply) => respond(request, reply, async (q) => {
    const settings = await deps.settings.get();
    const wanted = by(request);
    const author = (await site.authorIndex()).content.find((a) => a.id === wanted.id || a.slug === wanted.slug);
    if (!author) throw new GhostApiError(404, 'NotFoundError', 'Author not found.', 'authors');
    const count = csv(q.include).has('count.posts') ? (await site.counts()).authors.get(author.id) ?? 0 : undefined;
    return { body: { authors: [pickFields(ghostAuthor(author, settings, count), fieldsOf(q))] }, tags: authorTags([author.id]) };
  });

  const tagList = async (q: ListQuery) => {
    const [settings, index] = await Promise.all([deps.settings.get(), deps.taxonomies.index()]);
    const counts = csv(q.include).has('count.posts') ? await site.counts() : null;
    return index.taxonomies.flatMap((taxonomy) => index.termsOf(taxonomy.id).map((term) => ({
      term, record: pickFields(ghostTag(term, taxonomy, settings, counts ? counts.terms.get(term.id) ?? 0 : undefined), fieldsOf(q)),
    })));
  };
  const termTags = [cacheTags.settings, cacheTags.taxonomy, cacheTags.homeList];

  const browseTags = (request: FastifyRequest, reply: FastifyReply) => respond(request, reply, async (q) => {
    const all = await tagList(q);
    const limit = q.limit === 'all' ? all.length || 1 : q.limit;
    return { body: { tags: all.slice((q.page - 1) * limit, q.page * limit).map((t) => t.record), meta: ghostPagination(q.page, q.limit, all.length) }, tags: termTags };
  });

  const readTag = (by: (request: FastifyRequest) => { id?: string; slug?: string }) => (request: FastifyRequest, reply: FastifyReply) => respond(request, reply, async (q) => {
    const wanted = by(request);
    const found = (await tagList(q)).find((t) => t.term.id === wanted.id || t.term.slug === wanted.slug);
    if (!found) throw new GhostApiError(404, 'NotFoundError', 'Tag not found.', 'tags');
    return { body: { tags: [found.record] }, tags: termTags };
  });

  const browseSettings = (request: FastifyRequest, reply: FastifyReply) => respond(request, reply, async () => {
    const [settings, index] = await Promise.all([deps.settings.get(), deps.taxonomies.index()]);
    const navigation = [{ label: 'Latest', url: '/' }, ...index.taxonomies.map((t) => ({ label: t.pluralName, url: paths.taxonomyIndex(t) }))];
    return { body: { settings: ghostSettings(settings, navigation), meta: {} }, tags: [cacheTags.settings, cacheTags.taxonomy] };
  });

  /** Dateline's extension: every taxonomy with its terms (Ghost has only tags). */
  const browseTaxonomies = (request: FastifyRequest, reply: FastifyReply) => respond(request, reply, async () => {
    const [settings, index] = await Promise.all([deps.settings.get(), deps.taxonomies.index()]);
    const taxonomies = index.taxonomies.map((t) => ({
      id: t.id, slug: t.slug, name: t.name, plural_name: t.pluralName, description: t.description,
      terms: index.termsOf(t.id).map((term) => ghostTag(term, t, settings)),
    }));
    return { body: { taxonomies, meta: ghostPagination(1, 'all', taxonomies.length) }, tags: termTags };
  });

  const emptyPages = (request: FastifyRequest, reply: FastifyReply) => respond(request, reply, async (q) => ({
    body: { pages: [], meta: ghostPagination(q.page, q.limit, 0) }, tags: [cacheTags.settings],
  }));
  const noPage = (request: FastifyRequest, reply: FastifyReply) => respond(request, reply, async () => {
    throw new GhostApiError(404, 'NotFoundError', 'Page not found.', 'pages');
  });

  const params = (request: FastifyRequest) => request.params as { id?: string; slug?: string };
  for (const prefix of ['/ghost/api/content', '/ghost/api/v2/content', '/ghost/api/v3/content', '/ghost/api/v4/content']) {
    app.get(`${prefix}/posts/`, browsePosts);
    app.get(`${prefix}/posts/slug/:slug/`, readPost(params));
    app.get(`${prefix}/posts/:id/`, readPost(params));
    app.get(`${prefix}/authors/`, browseAuthors);
    app.get(`${prefix}/authors/slug/:slug/`, readAuthor(params));
    app.get(`${prefix}/authors/:id/`, readAuthor(params));
    app.get(`${prefix}/tags/`, browseTags);
    app.get(`${prefix}/tags/slug/:slug/`, readTag(params));
    app.get(`${prefix}/tags/:id/`, readTag(params));
    // Dateline keeps no separate static pages yet; Ghost clients get an empty list, not an error.
    app.get(`${prefix}/pages/`, emptyPages);
    app.get(`${prefix}/pages/slug/:slug/`, noPage);
    app.get(`${prefix}/pages/:id/`, noPage);
    app.get(`${prefix}/settings/`, browseSettings);
    app.get(`${prefix}/taxonomies/`, browseTaxonomies);
  }
}
