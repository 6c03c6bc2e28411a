import type { ArticleId, Instant } from './ids.js';

export type CommentId = string & { readonly __brand: 'CommentId' };

/** Where a comment stands: shown, waiting for moderation, or kept out of sight. */
export const commentStatuses = ['approved', 'pending', 'spam', 'trash'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

/** A reader's comment, or a ping from another site (pingback, trackback). */
export const commentKinds = ['comment', 'pingback', 'trackback'] as const;
export type CommentKind = (typeof commentKinds)[number];

/** A comment on an article; `bodyHtml` is always sanitized. */
export interface Comment {
  id: CommentId;
  articleId: ArticleId;
  /** The comment this one answers, for threads. */
  parentId: CommentId | null;
  kind: CommentKind;
  authorName: string;
  authorEmail: string | null;
  authorUrl: string | null;
  bodyHtml: string;
  status: CommentStatus;
  createdAt: Instant;
  /** Where an imported comment came from (`wxr:comment:12:34`), to recognise it on a second run. */
  originKey: string | null;
}
