import { AppError } from './errors.js';
import { cutGraphemes, graphemeLength } from './text-cut.js';
import type { ArticleId, AuthorId, Instant, Slug, TermId } from './ids.js';
import type { Syndication } from './syndication.js';

/** `review`: submitted by its author, waiting for an editor to publish or schedule it. */
export const articleStatuses = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const bodyFormats = ['markdown', 'html'] as const;
export type BodyFormat = (typeof bodyFormats)[number];

/** How an article came in: written here, imported from a file or URL, or pulled from a feed. */
export const articleOrigins = ['editorial', 'import', 'feed'] as const;
export type ArticleOrigin = (typeof articleOrigins)[number];

/**
 * Where an ingested article stands in the editorial inbox: waiting for an editor, taken on, or
 * turned down (remembered, so a feed does not bring it back). Null for articles written here.
 */
export const inboxStates = ['pending', 'accepted', 'rejected'] as const;
export type InboxState = (typeof inboxStates)[number];

export interface FeatureImage {
  url: string;
  alt: string;
  caption: string | null;
  credit: string | null;
}

/** An article as the domain knows it. `bodyHtml` is always sanitized; `bodySource` is what the author wrote. */
export interface Article {
  id: ArticleId;
  slug: Slug;
  title: string;
  standfirst: string | null;
  bodySource: string;
  bodyFormat: BodyFormat;
  bodyHtml: string;
  excerpt: string | null;
  language: string;
  status: ArticleStatus;
  publishedAt: Instant | null;
  createdAt: Instant;
  updatedAt: Instant;
  authorIds: AuthorId[];
  termIds: TermId[];
  featureImage: FeatureImage | null;
  syndication: Syndication | null;
  origin: ArticleOrigin;
  inboxState: InboxState | null;
  /** Fingerprint of the normalised title and body text, to recognise a story already stored. */
  contentHash: string | null;
}

const allowedTransitions: Record<ArticleStatus, readonly ArticleStatus[]> = {
  draft: ['review', 'scheduled', 'published', 'archived'],
  review: ['draft', 'scheduled', 'published', 'archived'],
  scheduled: ['draft', 'review', 'published', 'archived'],
  published: ['draft', 'review', 'archived'],
  archived: ['draft', 'review', 'published'],
};

/** Throws unless an article may move from `from` to `to`. */
export function assertStatusChange(from: ArticleStatus, to: ArticleStatus): void {
  if (from === to) return;
  if (!allowedTransitions[from].includes(to)) {
    throw new AppError('INVALID_STATUS_CHANGE', `An article that is ${from} cannot become ${to}.`, { details: { from, to } });
  }
}

/** True when readers may see the article at `now`. */
export function isVisible(article: Pick<Article, 'status' | 'publishedAt'>, now: Instant): boolean {
  return article.status === 'published' && article.publishedAt !== null && article.publishedAt <= now;
}

/** The public path of an article: /YYYY/MM/slug/ from its publication date (UTC). */
export function articlePath(article: Pick<Article, 'slug' | 'publishedAt' | 'createdAt'>): string {
  const when = article.publishedAt ?? article.createdAt;
  return `/${when.slice(0, 4)}/${when.slice(5, 7)}/${article.slug}/`;
}

/** A plain-text excerpt of at most `max` characters, cut at a word boundary. */
export function excerptFromText(text: string, max = 240): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const head = cutGraphemes(clean, max + 1);
  if (head.length === clean.length && graphemeLength(head) <= max) return clean;
  const cut = cutGraphemes(clean, max - 1);
  const nextIsBreak = clean.charAt(cut.length) === ' ';
  if (nextIsBreak) return `${cut.replace(/[\s,;:.–-]+$/, '')}…`;
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
