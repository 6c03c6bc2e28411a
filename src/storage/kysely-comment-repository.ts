import type { Kysely } from 'kysely';
import type { CommentRepository } from '../app/ports.js';
import type { Comment, CommentId, CommentKind, CommentStatus } from '../domain/comment.js';
import type { ArticleId, Instant } from '../domain/ids.js';
import { insertObjects } from './multi-row-insert.js';
import type { CommentTable, Database } from './schema.js';

const toRow = (c: Comment): CommentTable => ({
  id: c.id, article_id: c.articleId, parent_id: c.parentId, kind: c.kind, author_name: c.authorName, author_email: c.authorEmail,
  author_url: c.authorUrl, body_html: c.bodyHtml, status: c.status, created_at: c.createdAt, origin_key: c.originKey,
});

const toComment = (r: CommentTable): Comment => ({
  id: r.id as CommentId, articleId: r.article_id as ArticleId, parentId: r.parent_id as CommentId | null, kind: r.kind as CommentKind,
  authorName: r.author_name, authorEmail: r.author_email, authorUrl: r.author_url, bodyHtml: r.body_html, status: r.status as CommentStatus,
  createdAt: r.created_at as Instant, originKey: r.origin_key,
});

/** Rows per INSERT: well under SQLite's 32,766 bound parameters at 11 columns each. */
const CHUNK = 500;

/** Comments over Kysely. */
export class KyselyCommentRepository implements CommentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertMany(comments: readonly Comment[]): Promise<void> {
    await insertObjects(this.db as Kysely<unknown>, 'comments', comments.map(toRow), { chunk: CHUNK });
  }

  async listForArticle(articleId: ArticleId): Promise<Comment[]> {
    const rows = await this.db.selectFrom('comments').selectAll().where('article_id', '=', articleId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toComment);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('comments').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
