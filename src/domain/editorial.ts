import { assertStatusChange, type Article, type ArticleStatus, type FeatureImage } from './article.js';
import { AppError, isAppError } from './errors.js';
import { parseRedirectDestination } from './redirect-rules.js';
import type { ArticleId, AuthorId, Instant, TermId } from './ids.js';
import { can, type Role, type User, type UserId } from './staff.js';
import type { Syndication } from './syndication.js';

/** What a URL answers once its article is withdrawn: 410 Gone, or a permanent redirect. */
export type UnpublishPolicy = { kind: 'gone' } | { kind: 'redirect'; to: string };

/** The editor's bookkeeping on an article, beside the article itself. */
export interface EditorialRecord {
  /** Goes up by one with every save; a save that names an older version is refused. */
  version: number;
  createdBy: UserId | null;
  unpublished: UnpublishPolicy | null;
}

/** The editable fields of an article, as a revision keeps them. */
export interface ArticleSnapshot {
  title: string;
  slug: string;
  standfirst: string | null;
  body: string;
  excerpt: string | null;
  authorIds: AuthorId[];
  termIds: TermId[];
  featureImage: FeatureImage | null;
  syndication: Syndication | null;
}

export interface ArticleRevision {
  id: string;
  articleId: ArticleId;
  version: number;
  savedAt: Instant;
  savedBy: UserId | null;
  savedByName: string;
  note: string | null;
  snapshot: ArticleSnapshot;
}

/** The snapshot of an article's editable fields. */
export function snapshotOf(article: Article): ArticleSnapshot {
  return {
    title: article.title, slug: article.slug, standfirst: article.standfirst, body: article.bodySource, excerpt: article.excerpt,
    authorIds: [...article.authorIds], termIds: [...article.termIds], featureImage: article.featureImage, syndication: article.syndication,
  };
}

/** Statuses whose articles only editors may change: what readers see or will see. */
const editorOnly: ReadonlySet<ArticleStatus> = new Set(['scheduled', 'published', 'archived']);

/** True when the user created the article (authors and contributors work on their own articles only). */
export function isOwnArticle(user: User, record: EditorialRecord): boolean {
  return record.createdBy === user.id;
}

/**
 * Throws NOT_ALLOWED unless `user` may edit the article's content. Editors edit anything;
 * authors their own drafts and articles in review; contributors their own drafts.
 */
export function assertMayEdit(user: User, article: Pick<Article, 'status' | 'title'>, record: EditorialRecord): void {
  if (can(user.role, 'article.edit-any')) return;
  const own = isOwnArticle(user, record) && can(user.role, 'article.edit-own');
  const statusOk = article.status === 'draft' || (article.status === 'review' && can(user.role, 'article.submit-for-review'));
  if (!own || !statusOk) {
    throw new AppError('NOT_ALLOWED', own
      ? `"${article.title}" is ${article.status}; only an editor can change it now.`
      : `Your role (${user.role}) may edit only articles you created.`, { details: { capability: 'article.edit-any' } });
  }
}

/**
 * Throws NOT_ALLOWED unless `user` may move an article from one status to another. Publishing,
 * scheduling, archiving and taking anything back from readers need `article.publish`; an author
 * may send their own draft for review (and take it back); a contributor changes no status.
 */
export function assertMayMove(user: User, own: boolean, from: ArticleStatus, to: ArticleStatus): void {
  if (from === to) return;
  if (can(user.role, 'article.publish')) return;
  const authorStep = own && can(user.role, 'article.submit-for-review')
    && ((from === 'draft' && to === 'review') || (from === 'review' && to === 'draft'));
  if (authorStep) return;
  const capability = editorOnly.has(to) || editorOnly.has(from) ? 'article.publish' : 'article.submit-for-review';
  throw new AppError('NOT_ALLOWED', `Your role (${user.role}) cannot move an article from ${from} to ${to}.`, { details: { capability, from, to } });
}

/** The statuses a role may offer as next steps in the editor (the server checks again). */
export function nextStatusesFor(role: Role, own: boolean, from: ArticleStatus): ArticleStatus[] {
  const all: ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'archived'];
  const user = { role, id: '' } as User;
  return all.filter((to) => to !== from && (() => {
    try {
      assertStatusChange(from, to);
      assertMayMove(user, own, from, to);
      return true;
    } catch {
      return false;
    }
  })());
}

/** Checks a redirect target for an unpublished URL: a site path or an explicit http(s) URL (the rules of every redirect, see redirect-rules.ts). */
export function parseRedirectTarget(value: string): string {
  try {
    return parseRedirectDestination(value);
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError('INVALID_INPUT', error.message, { details: { field: 'redirectTo' } });
  }
}
