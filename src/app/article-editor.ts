import type { Article, ArticleStatus } from '../domain/article.js';
import type { Author } from '../domain/author.js';
import type { Source } from '../domain/source.js';
import { assertMayEdit, assertMayMove, isOwnArticle, snapshotOf, type ArticleRevision, type ArticleSnapshot, type EditorialRecord, type UnpublishPolicy } from '../domain/editorial.js';
import { AppError } from '../domain/errors.js';
import type { ArticleId, IdGenerator, Instant } from '../domain/ids.js';
import { can, type User } from '../domain/staff.js';
import type { ArticleChanges, ArticleService } from './article-service.js';
import type { AuthService } from './auth-service.js';
import type { EditorialListFilter } from './editorial-ports.js';
import type { Clock, Store } from './ports.js';

/** An article as the editor opens it: the article, its bookkeeping, and whether the user created it. */
export interface EditedArticle {
  article: Article;
  record: EditorialRecord;
  own: boolean;
}

export interface StatusChange {
  to: ArticleStatus;
  /** For `scheduled`: when to publish. */
  publishAt?: Instant | null;
  /** When the article leaves readers: what its URL answers from now on (410 unless told). */
  unpublish?: UnpublishPolicy | null;
}

const readerFacing = (status: ArticleStatus) => status === 'published' || status === 'scheduled';

/**
 * The back office's article desk: listing, writing, saving with optimistic locking, revisions,
 * and the workflow (draft → review → scheduled/published → archived), each step checked against
 * the user's role. HTTP routes and the Admin API both call this.
 */
export class ArticleEditor {
  constructor(private readonly deps: { store: Store; clock: Clock; newId: IdGenerator; articles: ArticleService; auth: AuthService }) {}

  /** Articles for the list screen; authors and contributors see the ones they created. */
  async list(user: User, filter: EditorialListFilter, page: { offset: number; limit: number }): Promise<{ items: EditedArticle[]; total: number }> {
    const scoped: EditorialListFilter = { ...filter, excludeInbox: true, ...(can(user.role, 'article.edit-any') ? {} : { createdBy: user.id }) };
    const { store } = this.deps;
    const [ids, total] = await Promise.all([store.editorial.list(scoped, page), store.editorial.count(scoped)]);
    const items = await Promise.all(ids.map((id) => this.load(store, user, id)));
    return { items, total };
  }

  /** Opens an article for editing; others' articles are closed to authors and contributors. */
  async open(user: User, id: ArticleId): Promise<EditedArticle> {
    const found = await this.load(this.deps.store, user, id);
    if (!found.own && !can(user.role, 'article.edit-any')) throw new AppError('NOT_ALLOWED', 'You may open only articles you created.', { details: { capability: 'article.edit-any' } });
    return found;
  }

  /** Starts a draft owned by the user. */
  async create(user: User, changes: ArticleChanges): Promise<EditedArticle> {
    this.deps.auth.require(user, 'article.create');
    return this.deps.store.transaction(async (tx) => {
      const article = await this.deps.articles.create({ ...changes, bodyFormat: changes.bodyFormat ?? 'html', featureImage: changes.featureImage, syndication: changes.syndication, status: 'draft' }, tx);
      await tx.editorial.setCreatedBy(article.id, user.id);
      await this.recordRevision(tx, user, article, 1, 'Created');
      return this.load(tx, user, article.id);
    });
  }

  /**
   * Saves the editor's fields if nobody saved since `expectedVersion`; otherwise EDIT_CONFLICT
   * (409) naming who saved last and when, so the editor can offer to reload or compare.
   */
  async save(user: User, id: ArticleId, expectedVersion: number, changes: ArticleChanges, note: string | null = null): Promise<EditedArticle> {
    return this.deps.store.transaction(async (tx) => {
      const current = await this.load(tx, user, id);
      assertMayEdit(user, current.article, current.record);
      await this.claim(tx, id, expectedVersion, current.record.version);
      const saved = await this.deps.articles.revise(id, changes, tx);
      await this.recordRevision(tx, user, saved, expectedVersion + 1, note);
      return this.load(tx, user, id);
    });
  }

  /** Moves the article along the workflow; the role decides which moves are allowed. */
  async changeStatus(user: User, id: ArticleId, change: StatusChange, expectedVersion?: number): Promise<EditedArticle> {
    const { auth } = this.deps;
    const result = await this.deps.store.transaction(async (tx) => {
      const current = await this.load(tx, user, id);
      const from = current.article.status;
      if (!current.own && !can(user.role, 'article.edit-any')) throw new AppError('NOT_ALLOWED', 'You may change only articles you created.', { details: { capability: 'article.edit-any' } });
      assertMayMove(user, current.own, from, change.to);
      await this.claim(tx, id, expectedVersion ?? current.record.version, current.record.version);
      const moved = change.to === 'published' && current.article.inboxState === 'pending'
        ? await this.deps.articles.publishFromInbox(id, tx)
        : await this.deps.articles.moveTo(id, change.to, { publishAt: change.publishAt ?? null }, tx);
      if (change.to === 'published') await tx.editorial.setUnpublished(id, null);
      else if (readerFacing(from) && !readerFacing(change.to)) await tx.editorial.setUnpublished(id, change.unpublish ?? { kind: 'gone' });
      // Every version has its revision, so a conflict can always say who made the newer one.
      if (from !== change.to) await this.recordRevision(tx, user, moved, current.record.version + 1, `${from} → ${change.to}`);
      return { before: current.article, after: moved };
    });
    const { before, after } = result;
    const actor = { kind: 'user' as const, user };
    if (after.status === 'published' && before.status !== 'published') await auth.audit(actor, 'article.publish', 'article', id, { title: after.title });
    else if (after.status === 'scheduled') await auth.audit(actor, 'article.schedule', 'article', id, { title: after.title, publishAt: after.publishedAt });
    else if (after.status === 'archived') await auth.audit(actor, 'article.archive', 'article', id, { title: after.title });
    else if (readerFacing(before.status)) await auth.audit(actor, 'article.unpublish', 'article', id, { title: after.title, to: after.status, policy: change.unpublish ?? { kind: 'gone' } });
    return this.load(this.deps.store, user, id);
  }

  /** What the side panel offers: every author and every source (with its licence defaults). */
  async choices(): Promise<{ authors: Author[]; sources: Source[] }> {
    const [authors, sources] = await Promise.all([this.deps.store.authors.list(), this.deps.store.sources.list()]);
    return { authors: authors.sort((a, b) => a.name.localeCompare(b.name)), sources: sources.sort((a, b) => a.name.localeCompare(b.name)) };
  }

  /** Ingested items waiting in the inbox (or those turned down), newest first. */
  async inbox(user: User, state: 'pending' | 'rejected', page: { offset: number; limit: number }): Promise<{ items: Article[]; total: number }> {
    this.deps.auth.require(user, 'inbox.manage');
    const [items, total] = await Promise.all([this.deps.store.articles.listInbox(state, page), this.deps.store.articles.countInbox(state)]);
    return { items, total };
  }

  /** Publishes or rejects an inbox item; a rejected item is remembered so its feed does not bring it back. */
  async decideInbox(user: User, id: ArticleId, decision: 'publish' | 'reject'): Promise<Article> {
    this.deps.auth.require(user, 'inbox.manage');
    if (decision === 'publish') this.deps.auth.require(user, 'article.publish');
    const article = await this.deps.store.transaction(async (tx) => {
      const record = await tx.editorial.get(id);
      const done = decision === 'publish' ? await this.deps.articles.publishFromInbox(id, tx) : await this.deps.articles.rejectFromInbox(id, tx);
      if (record) {
        await tx.editorial.claimVersion(id, record.version);
        await this.recordRevision(tx, user, done, record.version + 1, decision === 'publish' ? 'Published from the inbox' : 'Rejected in the inbox');
      }
      return done;
    });
    await this.deps.auth.audit({ kind: 'user', user }, decision === 'publish' ? 'inbox.publish' : 'inbox.reject', 'article', id, { title: article.title });
    return article;
  }

  /** Every saved revision, newest first. */
  async revisions(user: User, id: ArticleId): Promise<ArticleRevision[]> {
    await this.open(user, id);
    return this.deps.store.editorial.listRevisions(id);
  }

  async revision(user: User, id: ArticleId, revisionId: string): Promise<ArticleRevision> {
    await this.open(user, id);
    const revision = await this.deps.store.editorial.getRevision(revisionId);
    if (!revision || revision.articleId !== id) throw new AppError('NOT_FOUND', 'There is no such revision of this article.');
    return revision;
  }

  /** Makes an old revision the current text, as a new revision (nothing is lost). */
  async restore(user: User, id: ArticleId, revisionId: string, expectedVersion: number): Promise<EditedArticle> {
    const revision = await this.revision(user, id, revisionId);
    return this.save(user, id, expectedVersion, changesOf(revision.snapshot), `Restored version ${revision.version}`);
  }

  private async claim(tx: Store, id: ArticleId, expected: number, current: number): Promise<void> {
    if (expected === current && (await tx.editorial.claimVersion(id, expected))) return;
    const [latest] = await tx.editorial.listRevisions(id);
    const who = latest ? `${latest.savedByName} saved it at ${latest.savedAt.slice(0, 16).replace('T', ' ')} UTC` : 'Someone else changed it';
    throw new AppError('EDIT_CONFLICT', `This article changed while you were editing: ${who} (version ${current}; you have version ${expected}). Reload to see their changes, or compare them with yours.`, {
      details: { version: current, yourVersion: expected, savedBy: latest?.savedByName ?? null, savedAt: latest?.savedAt ?? null },
    });
  }

  private async recordRevision(tx: Store, user: User, article: Article, version: number, note: string | null): Promise<void> {
    await tx.editorial.insertRevision({
      id: this.deps.newId(), articleId: article.id, version, savedAt: this.deps.clock.now(),
      savedBy: user.id, savedByName: user.name, note, snapshot: snapshotOf(article),
    });
  }

  private async load(store: Store, user: User, id: ArticleId): Promise<EditedArticle> {
    const [article, record] = await Promise.all([store.articles.getById(id), store.editorial.get(id)]);
    if (!article || !record) throw new AppError('ARTICLE_NOT_FOUND', `There is no article with id ${id}.`, { details: { id } });
    return { article, record, own: isOwnArticle(user, record) };
  }
}

/** The save that brings a snapshot back. */
export function changesOf(snapshot: ArticleSnapshot): ArticleChanges {
  return {
    title: snapshot.title, slug: snapshot.slug, standfirst: snapshot.standfirst, body: snapshot.body, excerpt: snapshot.excerpt,
    authorIds: snapshot.authorIds, termIds: snapshot.termIds, featureImage: snapshot.featureImage, syndication: snapshot.syndication,
  };
}
