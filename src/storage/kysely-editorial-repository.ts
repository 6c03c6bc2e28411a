import { sql, type Kysely } from 'kysely';
import type { EditorialListFilter, EditorialRepository } from '../app/editorial-ports.js';
import type { ArticleRevision, ArticleSnapshot, EditorialRecord, UnpublishPolicy } from '../domain/editorial.js';
import type { ArticleId, Instant, Slug } from '../domain/ids.js';
import type { UserId } from '../domain/staff.js';
import type { ArticleRevisionTable, Database } from './schema.js';

const toPolicy = (kind: string | null | undefined, to: string | null | undefined): UnpublishPolicy | null =>
  kind === 'gone' ? { kind: 'gone' } : kind === 'redirect' && to ? { kind: 'redirect', to } : null;

const toRevision = (r: ArticleRevisionTable): ArticleRevision => ({
  id: r.id, articleId: r.article_id as ArticleId, version: Number(r.version), savedAt: r.saved_at as Instant,
  savedBy: r.saved_by as UserId | null, savedByName: r.saved_by_name, note: r.note, snapshot: JSON.parse(r.snapshot) as ArticleSnapshot,
});

/** Versions, ownership, unpublish policy and revisions over Kysely, for both dialects. */
export class KyselyEditorialRepository implements EditorialRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: ArticleId): Promise<EditorialRecord | null> {
    const r = await this.db.selectFrom('articles').select(['version', 'created_by', 'unpublished_policy', 'redirect_to']).where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    return { version: Number(r.version ?? 1), createdBy: (r.created_by ?? null) as UserId | null, unpublished: toPolicy(r.unpublished_policy, r.redirect_to) };
  }

  async claimVersion(id: ArticleId, expected: number): Promise<boolean> {
    const result = await this.db.updateTable('articles').set({ version: expected + 1 })
      .where('id', '=', id).where('version', '=', expected).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setCreatedBy(id: ArticleId, userId: UserId): Promise<void> {
    await this.db.updateTable('articles').set({ created_by: userId }).where('id', '=', id).execute();
  }

  async setUnpublished(id: ArticleId, policy: UnpublishPolicy | null): Promise<void> {
    await this.db.updateTable('articles')
      .set({ unpublished_policy: policy?.kind ?? null, redirect_to: policy?.kind === 'redirect' ? policy.to : null })
      .where('id', '=', id).execute();
  }

  async unpublishedBySlug(slug: Slug): Promise<UnpublishPolicy | null> {
    const r = await this.db.selectFrom('articles').select(['unpublished_policy', 'redirect_to']).where('slug', '=', slug).executeTakeFirst();
    return r ? toPolicy(r.unpublished_policy, r.redirect_to) : null;
  }

  async list(filter: EditorialListFilter, page: { offset: number; limit: number }): Promise<ArticleId[]> {
    const rows = await this.filtered(filter).select('articles.id')
      .orderBy('articles.updated_at', 'desc').orderBy('articles.id', 'desc').limit(page.limit).offset(page.offset).execute();
    return rows.map((r) => r.id as ArticleId);
  }

  async count(filter: EditorialListFilter): Promise<number> {
    const r = await this.filtered(filter).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async insertRevision(v: ArticleRevision): Promise<void> {
    await this.db.insertInto('article_revisions').values({
      id: v.id, article_id: v.articleId, version: v.version, saved_at: v.savedAt, saved_by: v.savedBy, saved_by_name: v.savedByName,
      note: v.note, snapshot: JSON.stringify(v.snapshot),
    }).execute();
  }

  async listRevisions(articleId: ArticleId): Promise<ArticleRevision[]> {
    const rows = await this.db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId)
      .orderBy('version', 'desc').orderBy('saved_at', 'desc').execute();
    return rows.map(toRevision);
  }

  async getRevision(id: string): Promise<ArticleRevision | null> {
    const r = await this.db.selectFrom('article_revisions').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toRevision(r) : null;
  }

  private filtered(filter: EditorialListFilter) {
    let query = this.db.selectFrom('articles');
    if (filter.status) query = query.where('articles.status', '=', filter.status);
    if (filter.createdBy) query = query.where('articles.created_by', '=', filter.createdBy);
    if (filter.excludeInbox) query = query.where((eb) => eb.or([eb('articles.inbox_state', 'is', null), eb('articles.inbox_state', '=', 'accepted')]));
    if (filter.text?.trim()) {
      // Escape LIKE wildcards so a search for "50%" means the characters.
      const needle = `%${filter.text.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where(sql<boolean>`lower(articles.title) like ${needle} escape '\\'`);
    }
    if (filter.authorId) {
      const authorId = filter.authorId;
      query = query.where((eb) => eb.exists(eb.selectFrom('article_authors').select('article_authors.article_id')
        .whereRef('article_authors.article_id', '=', 'articles.id').where('article_authors.author_id', '=', authorId)));
    }
    return query;
  }
}
