import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { articleStatuses, type ArticleStatus } from '../../domain/article.js';
import { parseRedirectTarget, type UnpublishPolicy } from '../../domain/editorial.js';
import { isAppError } from '../../domain/errors.js';
import type { ArticleId, AuthorId } from '../../domain/ids.js';
import { paginate } from '../../domain/pagination.js';
import { can, type User } from '../../domain/staff.js';
import { renderArticleListPage, renderDashboardPage, type ArticleRow } from '../../render/admin/article-list-page.js';
import { renderEditorPage } from '../../render/admin/editor-page.js';
import { renderInboxPage } from '../../render/admin/inbox-page.js';
import { renderRevisionsPage } from '../../render/admin/revisions-page.js';
import { renderArticlePage } from '../../render/article-page.js';
import { statusOfKind } from '../error-status.js';
import { adminFrame, noticeFrom, sendAdminPage, staffOf, type AdminDeps } from './admin-context.js';
import { articleFieldsSchema, changesFromFields, parseInstant } from './article-fields.js';
import { editorView } from './editor-view.js';
import { analysisOrNull, inboxHints, suggestionsView } from './article-suggestions.js';
import { revisionDiff } from '../../render/admin/revision-diff.js';

const PAGE_SIZE = 25;
const listQuery = z.object({ status: z.union([z.enum(articleStatuses), z.literal('')]).default(''), author: z.string().max(100).default(''), q: z.string().max(200).default(''), page: z.coerce.number().int().min(1).default(1) });
const formExtras = z.object({
  version: z.coerce.number().int().min(0).default(0),
  action: z.enum(['save', ...articleStatuses]).default('save'),
  publishAt: z.string().max(40).default(''),
  unpublishPolicy: z.enum(['gone', 'redirect']).default('gone'),
  redirectTo: z.string().max(2000).default(''),
  /** A suggestion's one-click "Add": this term joins the ticked ones before the save. */
  addTerm: z.string().max(100).default(''),
});

/** The unpublish policy a form or API call asks for. */
export function unpublishPolicyOf(kind: 'gone' | 'redirect', redirectTo: string): UnpublishPolicy {
  return kind === 'redirect' ? { kind: 'redirect', to: parseRedirectTarget(redirectTo) } : { kind: 'gone' };
}

/** Rows for the article tables, with author names resolved. */
export async function articleRows(deps: AdminDeps, items: { article: ArticleRow['article'] }[]): Promise<ArticleRow[]> {
  const { authors } = await deps.editor.choices();
  const names = new Map(authors.map((a) => [a.id as string, a.name]));
  return items.map(({ article }) => ({ article, authorNames: article.authorIds.map((id) => names.get(id) ?? '?') }));
}

/** Dashboard, article list, the editor (save and workflow), preview, revisions and the inbox. */
export async function adminArticleRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { editor } = deps;
  const idParam = (request: FastifyRequest) => (request.params as { id: string }).id as ArticleId;

  app.get('/', async (request, reply) => {
    const user = staffOf(request);
    const canReview = can(user.role, 'article.publish');
    const [review, recent, inbox] = await Promise.all([
      canReview ? editor.list(user, { status: 'review' }, { offset: 0, limit: 10 }) : null,
      editor.list(user, {}, { offset: 0, limit: 10 }),
      can(user.role, 'inbox.manage') ? editor.inbox(user, 'pending', { offset: 0, limit: 1 }) : null,
    ]);
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderDashboardPage(frame, {
      inReview: await articleRows(deps, review?.items ?? []), recent: await articleRows(deps, recent.items), inboxCount: inbox?.total ?? 0, canReview,
    }, noticeFrom(request)));
  });

  app.get('/articles/', async (request, reply) => {
    const user = staffOf(request);
    const q = listQuery.parse(request.query);
    const filter = { ...(q.status ? { status: q.status } : {}), ...(q.author ? { authorId: q.author as AuthorId } : {}), ...(q.q ? { text: q.q } : {}) };
    const first = await editor.list(user, filter, { offset: (q.page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const info = paginate(q.page, PAGE_SIZE, first.total);
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderArticleListPage(frame, {
      rows: await articleRows(deps, first.items), total: first.total, page: info.page, pageCount: info.pageCount,
      filter: { status: q.status, author: q.author, q: q.q }, authors: (await editor.choices()).authors,
    }, noticeFrom(request)));
  });

  app.get('/articles/new', async (request, reply) => {
    const user = staffOf(request);
    deps.auth.require(user, 'article.create');
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderEditorPage(frame, await editorView(deps, user, null), noticeFrom(request)));
  });

  app.post('/articles/', async (request, reply) => {
    const user = staffOf(request);
    const fields = articleFieldsSchema.parse(request.body ?? {});
    try {
      const created = await editor.create(user, changesFromFields(fields, (await editor.choices()).sources));
      return reply.redirect(`/admin/articles/${created.article.id}/edit?notice=created`, 303);
    } catch (error) {
      if (!isAppError(error) || error.kind !== 'invalid' && error.kind !== 'conflict' && error.kind !== 'not-found') throw error;
      const frame = await adminFrame(deps, request, reply);
      return sendAdminPage(reply, renderEditorPage(frame, await editorView(deps, user, null, fields), { kind: 'error', text: error.message }), statusOfKind[error.kind]);
    }
  });

  app.get('/articles/:id/edit', async (request, reply) => {
    const user = staffOf(request);
    const edited = await editor.open(user, idParam(request));
    const frame = await adminFrame(deps, request, reply);
    const [view, analysis, index] = await Promise.all([editorView(deps, user, edited), analysisOrNull(deps, edited.article.id, request.log), deps.taxonomies.index()]);
    const suggestions = suggestionsView(analysis, index, edited.article.termIds);
    return sendAdminPage(reply, renderEditorPage(frame, { ...view, suggestions }, noticeFrom(request)));
  });

  // One form, several buttons: save the fields (when the user may), then take the workflow step asked for.
  app.post('/articles/:id', async (request, reply) => {
    const user = staffOf(request);
    const id = idParam(request);
    const parsed = articleFieldsSchema.parse(request.body ?? {});
    const extras = formExtras.parse(request.body ?? {});
    const fields = extras.addTerm && !parsed.termIds.includes(extras.addTerm) ? { ...parsed, termIds: [...parsed.termIds, extras.addTerm] } : parsed;
    let version = extras.version;
    try {
      const current = await editor.open(user, id);
      const view = await editorView(deps, user, current);
      if (view.canEdit) version = (await editor.save(user, id, version, changesFromFields(fields, view.sources))).record.version;
      if (extras.action !== 'save') {
        await editor.changeStatus(user, id, {
          to: extras.action as ArticleStatus,
          publishAt: parseInstant(extras.publishAt, 'publishAt'),
          unpublish: unpublishPolicyOf(extras.unpublishPolicy, extras.redirectTo),
        }, version);
      }
      return reply.redirect(`/admin/articles/${id}/edit?notice=${extras.action === 'save' ? 'saved' : 'moved'}`, 303);
    } catch (error) {
      if (!isAppError(error) || !['invalid', 'conflict', 'not-found', 'forbidden'].includes(error.kind)) throw error;
      const edited = await editor.open(user, id);
      const frame = await adminFrame(deps, request, reply);
      // After a conflict the form carries the current version, so saving again deliberately replaces theirs.
      const conflict = isAppError(error, 'EDIT_CONFLICT') ? { message: error.message } : null;
      const view = await editorView(deps, user, edited, fields, conflict);
      return sendAdminPage(reply, renderEditorPage(frame, view, conflict ? null : { kind: 'error', text: error.message }), statusOfKind[error.kind]);
    }
  });

  app.get('/articles/:id/preview', async (request, reply) => {
    const user = staffOf(request);
    const { article } = await editor.open(user, idParam(request));
    const page = renderArticlePage(await deps.site.preview(article), deps.publicAssets, deps.sanitize);
    // The preview is the public page exactly; it must not be indexed or cached anywhere.
    return sendAdminPage(reply.header('x-robots-tag', 'noindex'), page.html);
  });

  app.get<{ Querystring: { from?: string; to?: string } }>('/articles/:id/revisions', async (request, reply) => {
    const user = staffOf(request);
    const id = idParam(request);
    const edited = await editor.open(user, id);
    const revisions = await editor.revisions(user, id);
    const to = revisions.find((r) => r.id === request.query.to) ?? revisions[0];
    const from = revisions.find((r) => r.id === request.query.from) ?? revisions.find((r) => to && r.version < to.version);
    const [{ authors }, index] = await Promise.all([editor.choices(), deps.taxonomies.index()]);
    const names = new Map<string, string>([...authors.map((a) => [a.id, a.name] as const), ...index.terms.map((t) => [t.id, t.name] as const)]);
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderRevisionsPage(frame, {
      article: edited.article, version: edited.record.version, revisions,
      diff: from && to ? { from, to, parts: revisionDiff(from.snapshot, to.snapshot, (id) => names.get(id) ?? id) } : null,
      canRestore: (await editorView(deps, user, edited)).canEdit,
    }, noticeFrom(request)));
  });

  app.post('/articles/:id/revisions/:revision/restore', async (request, reply) => {
    const user = staffOf(request);
    const id = idParam(request);
    const { version } = formExtras.pick({ version: true }).parse(request.body ?? {});
    await editor.restore(user, id, (request.params as { revision: string }).revision, version);
    return reply.redirect(`/admin/articles/${id}/edit?notice=restored`, 303);
  });

  app.get<{ Querystring: { rejected?: string; page?: string } }>('/inbox/', async (request, reply) => {
    const user = staffOf(request);
    const rejected = request.query.rejected === '1';
    const page = Math.max(1, Number.parseInt(request.query.page ?? '1', 10) || 1);
    const { items, total } = await editor.inbox(user, rejected ? 'rejected' : 'pending', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const info = paginate(page, PAGE_SIZE, total);
    const hints = await inboxHints(deps, items);
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderInboxPage(frame, { items, hints, total, rejected, page: info.page, pageCount: info.pageCount, canPublish: can(user.role, 'article.publish') }, noticeFrom(request)));
  });

  const decide = (decision: 'publish' | 'reject') => async (request: FastifyRequest, reply: FastifyReply) => {
    await editor.decideInbox(staffOf(request) as User, idParam(request), decision);
    return reply.redirect(`/admin/inbox/?notice=inbox-${decision === 'publish' ? 'published' : 'rejected'}`, 303);
  };
  app.post('/inbox/:id/publish', decide('publish'));
  app.post('/inbox/:id/reject', decide('reject'));
}
