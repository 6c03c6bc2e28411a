import type { Kysely } from 'kysely';
import type { PresenceBeat, PresenceRepository } from '../app/ports.js';
import type { Instant } from '../domain/ids.js';
import type { Database } from './schema.js';

/** Editors' heartbeats in a table every app node reads, so presence holds across stateless nodes. */
export class KyselyPresenceRepository implements PresenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async beat(b: PresenceBeat): Promise<void> {
    await this.db.insertInto('editor_presence')
      .values({ article_id: b.articleId, user_id: b.userId, name: b.name, seen_at: b.seenAt, expires_at: b.expiresAt })
      .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet({ name: b.name, seen_at: b.seenAt, expires_at: b.expiresAt }))
      .execute();
  }

  async listPresent(articleId: string, now: Instant): Promise<{ userId: string; name: string }[]> {
    // Instants are ISO 8601 in UTC of one length, so text order is time order on both dialects.
    const rows = await this.db.selectFrom('editor_presence').select(['user_id', 'name'])
      .where('article_id', '=', articleId).where('expires_at', '>', now).orderBy('seen_at').execute();
    return rows.map((r) => ({ userId: r.user_id, name: r.name }));
  }

  async leave(articleId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('editor_presence').where('article_id', '=', articleId).where('user_id', '=', userId).execute();
  }

  async prune(now: Instant): Promise<number> {
    const result = await this.db.deleteFrom('editor_presence').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows ?? 0);
  }
}
