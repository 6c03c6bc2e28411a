import type { Kysely } from 'kysely';
import type { ApiKey, ApiKeyId, ApiKeyType } from '../domain/api-key.js';
import type { Instant } from '../domain/ids.js';
import type { ApiKeyRepository } from '../app/ports.js';
import type { ApiKeyTable, Database } from './schema.js';

const toKey = (r: ApiKeyTable): ApiKey => ({
  id: r.id as ApiKeyId, type: r.type as ApiKeyType, name: r.name, secret: r.secret, createdAt: r.created_at as Instant,
  lastUsedAt: r.last_used_at as Instant | null, revokedAt: r.revoked_at as Instant | null,
});

/** API keys over Kysely. */
export class KyselyApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(k: ApiKey): Promise<void> {
    await this.db.insertInto('api_keys').values({
      id: k.id, type: k.type, name: k.name, secret: k.secret, created_at: k.createdAt, last_used_at: k.lastUsedAt, revoked_at: k.revokedAt,
    }).execute();
  }

  async findBySecret(secret: string): Promise<ApiKey | null> {
    const r = await this.db.selectFrom('api_keys').selectAll().where('secret', '=', secret).executeTakeFirst();
    return r ? toKey(r) : null;
  }

  async list(): Promise<ApiKey[]> {
    return (await this.db.selectFrom('api_keys').selectAll().orderBy('created_at').execute()).map(toKey);
  }

  async markUsed(id: ApiKeyId, at: Instant): Promise<void> {
    await this.db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revoke(id: ApiKeyId, at: Instant): Promise<void> {
    await this.db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
  }
}
