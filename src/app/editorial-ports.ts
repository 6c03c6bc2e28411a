import type { ArticleStatus } from '../domain/article.js';
import type { ArticleRevision, EditorialRecord, UnpublishPolicy } from '../domain/editorial.js';
import type { ArticleId, AuthorId, Slug } from '../domain/ids.js';
import type { UserId } from '../domain/staff.js';

/** What the back office's article list asks for; all filters combine with AND. */
export interface EditorialListFilter {
  status?: ArticleStatus;
  authorId?: AuthorId;
  /** Articles created by this member of staff. */
  createdBy?: UserId;
  /** Words in the title (case-insensitive substring). */
  text?: string;
  /** Leave out ingested items still waiting in (or turned down from) the inbox. */
  excludeInbox?: boolean;
}

/** The editor's bookkeeping stored beside articles: versions, ownership, unpublish policy and revisions. */
export interface EditorialRepository {
  get(id: ArticleId): Promise<EditorialRecord | null>;
  /**
   * Moves the article from version `expected` to `expected + 1` in one conditional UPDATE; false
   * when someone else saved first. Call inside the transaction that writes the article.
   */
  claimVersion(id: ArticleId, expected: number): Promise<boolean>;
  setCreatedBy(id: ArticleId, userId: UserId): Promise<void>;
  setUnpublished(id: ArticleId, policy: UnpublishPolicy | null): Promise<void>;
  /** The policy of the article with this slug, if it has one. */
  unpublishedBySlug(slug: Slug): Promise<UnpublishPolicy | null>;
  /** Ids of matching articles, most recently updated first. */
  list(filter: EditorialListFilter, page: { offset: number; limit: number }): Promise<ArticleId[]>;
  count(filter: EditorialListFilter): Promise<number>;
  insertRevision(revision: ArticleRevision): Promise<void>;
  /** Newest first. */
  listRevisions(articleId: ArticleId): Promise<ArticleRevision[]>;
  getRevision(id: string): Promise<ArticleRevision | null>;
}
