import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyService } from '../../app/api-key-service.js';
import type { ArticleAnalysisService } from '../../app/article-analysis.js';
import type { AuthorService } from '../../app/author-service.js';
import type { StaffService } from '../../app/staff-service.js';
import type { MediaService } from '../../app/media-service.js';
import type { SourceService } from '../../app/source-service.js';
import type { ArticleEditor } from '../../app/article-editor.js';
import type { AuthService } from '../../app/auth-service.js';
import type { PresenceBoard } from '../../app/presence.js';
import type { PublicSite } from '../../app/public-site.js';
import type { RedirectService } from '../../app/redirect-service.js';
import type { TermManagement } from '../../app/term-management.js';
import type { SettingsService } from '../../app/settings-service.js';
import type { TaxonomyService } from '../../app/taxonomy-service.js';
import { ZodError } from 'zod';
import { AppError, isAppError } from '../../domain/errors.js';
import { statusOfKind } from '../error-status.js';
import type { User } from '../../domain/staff.js';
import type { AdminAssets, AdminFrame, Notice } from '../../render/admin/admin-layout.js';
import type { LayoutAssets } from '../../render/layout.js';
import { csrfTokenFor } from './admin-guards.js';

/** What the back office needs from the application. */
export interface AdminDeps {
  auth: AuthService;
  apiKeys: ApiKeyService;
  editor: ArticleEditor;
  presence: PresenceBoard;
  site: PublicSite;
  settings: SettingsService;
  taxonomies: TaxonomyService;
  assets: AdminAssets;
  /** The public site's assets, for previews rendered exactly like the public page. */
  publicAssets: LayoutAssets;
  sanitize: (html: string) => string;
  /** The media library and its upload cap (MEDIA_MAX_BYTES). */
  media: MediaService;
  mediaMaxBytes: number;
  sources: SourceService;
  /** Article intelligence: the editor's suggestions and the inbox's "also from". */
  analysis: ArticleAnalysisService;
  /** The author, staff, source and media screens. */
  authors: AuthorService;
  staff: StaffService;
  /** Taxonomy screens: add, rename, move and merge terms, with redirects. */
  terms: TermManagement;
  redirects: RedirectService;
}

/** Fixed texts for notices carried across a redirect (`?notice=…`): nothing from the URL is shown as such. */
const notices: Record<string, Notice> = {
  'signed-out': { kind: 'success', text: 'You have signed out.' },
  'signed-out-everywhere': { kind: 'success', text: 'You have signed out on every device.' },
  'reset-sent': { kind: 'success', text: 'If there is an account for that address, a link to reset its password is on its way.' },
  'password-changed': { kind: 'success', text: 'Your password has been changed. Sign in with the new one.' },
  'sign-in-needed': { kind: 'error', text: 'Please sign in to continue.' },
  created: { kind: 'success', text: 'Article created.' },
  saved: { kind: 'success', text: 'Saved.' },
  moved: { kind: 'success', text: 'Status changed.' },
  restored: { kind: 'success', text: 'The revision was restored as the current version.' },
  'inbox-published': { kind: 'success', text: 'The item was published.' },
  'inbox-rejected': { kind: 'success', text: 'The item was rejected; its feed will not bring it back.' },
  welcome: { kind: 'success', text: 'Your site is set up and you are signed in as its owner.' },
  'term-added': { kind: 'success', text: 'Term added.' },
  'term-renamed': { kind: 'success', text: 'Term saved. If its slug changed, its old addresses now redirect to the new ones.' },
  'term-moved': { kind: 'success', text: 'Term moved.' },
  'term-merged': { kind: 'success', text: 'Terms merged: the articles moved over and the old addresses redirect.' },
  'redirect-saved': { kind: 'success', text: 'Redirect saved.' },
  'redirect-deleted': { kind: 'success', text: 'Redirect deleted.' },
  'settings-saved': { kind: 'success', text: 'Settings saved. Public pages show the change now.' },  'author-created': { kind: 'success', text: 'Author added.' },
  'author-saved': { kind: 'success', text: 'Author saved.' },
  'source-created': { kind: 'success', text: 'Source added.' },
  'source-saved': { kind: 'success', text: 'Source saved.' },
  'staff-saved': { kind: 'success', text: 'Account saved.' },
  'staff-deactivated': { kind: 'success', text: 'The account was deactivated and its sessions ended.' },
  'staff-reactivated': { kind: 'success', text: 'The account can sign in again.' },
  'media-uploaded': { kind: 'success', text: 'Image uploaded.' },
  'media-existed': { kind: 'success', text: 'This file was already in the library; here it is.' },
  'media-saved': { kind: 'success', text: 'Image description saved.' },
  'media-deleted': { kind: 'success', text: 'Image deleted.' },
};

export function noticeFrom(request: FastifyRequest): Notice | null {
  const key = (request.query as Record<string, unknown> | undefined)?.notice;
  return typeof key === 'string' ? notices[key] ?? null : null;
}

/** The frame of a back-office page for this request. */
export async function adminFrame(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply): Promise<AdminFrame> {
  const settings = await deps.settings.get();
  const user = request.staff?.user ?? null;
  return { siteName: settings.name, user: user && { name: user.name, role: user.role, email: user.email }, csrf: csrfTokenFor(request, reply), assets: deps.assets };
}

/** The signed-in user, or UNAUTHENTICATED (pages redirect to sign-in; the API answers 401). */
export function staffOf(request: FastifyRequest): User {
  const user = request.staff?.user;
  if (!user) throw new AppError('SIGN_IN_FAILED', 'Sign in to use the back office.', { details: { signInNeeded: true } });
  return user;
}

export const HTML = 'text/html; charset=utf-8';

/** Sends a back-office page: never cached, never framed by other sites. */
export function sendAdminPage(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type(HTML).header('cache-control', 'no-store').header('x-frame-options', 'DENY').send(body);
}

/**
 * A form's refusal to show on the form's own page (with its status): bad input, a conflict, a
 * vanished record. Anything else (no permission, a fault) is null and goes to the error handler.
 */
export function formProblem(error: unknown): { notice: Notice; status: number } | null {
  if (error instanceof ZodError) {
    return { notice: { kind: 'error', text: error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ') }, status: 400 };
  }
  if (isAppError(error) && (error.kind === 'invalid' || error.kind === 'conflict' || error.kind === 'not-found')) {
    return { notice: { kind: 'error', text: error.message }, status: statusOfKind[error.kind] };
  }
  return null;
}

/** formProblem for handlers that show the page themselves: the refusal, or the error thrown on. */
export function formRefusal(error: unknown): { notice: Notice; status: number } {
  const problem = formProblem(error);
  if (!problem) throw error;
  return problem;
}

/** A page that can show a form's refusal in place. */
export type FormPage = (request: FastifyRequest, reply: FastifyReply, notice: Notice | null, status?: number) => Promise<FastifyReply>;

/** Runs a form's change and redirects to `next` (post/redirect/get); a refusal is shown on `page` with its status. */
export async function submitForm<T>(request: FastifyRequest, reply: FastifyReply, change: () => Promise<T>, next: string | ((result: T) => string), page: FormPage): Promise<FastifyReply> {
  let result: T;
  try {
    result = await change();
  } catch (error) {
    const problem = formProblem(error);
    if (!problem) throw error;
    return page(request, reply, problem.notice, problem.status);
  }
  return reply.redirect(typeof next === 'string' ? next : next(result), 303);
}
