import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import type { ApiKey, ApiKeyId, ApiKeyType } from '../domain/api-key.js';
import type { IdGenerator, Instant } from '../domain/ids.js';
import type { Clock, Store } from './ports.js';

/** Issues and checks API keys. Verified keys are remembered briefly so each request does not hit the database. */
export class ApiKeyService {
  private readonly verified = new Map<string, { key: ApiKey; until: number }>();

  constructor(private readonly deps: { store: Store; clock: Clock; newId: IdGenerator }) {}

  /** A new key; content keys are 26 hex characters, the format Ghost's Content API clients expect. */
  async create(type: ApiKeyType, name: string): Promise<ApiKey> {
    const clean = name.trim() || `${type} key`;
    const key: ApiKey = {
      id: this.deps.newId() as ApiKeyId, type, name: clean,
      secret: type === 'content' ? randomBytes(13).toString('hex') : randomBytes(32).toString('hex'),
      createdAt: this.deps.clock.now(), lastUsedAt: null, revokedAt: null,
    };
    // Admin keys can change content, so only their hash is stored; the secret is shown once, here.
    await this.deps.store.apiKeys.insert(type === 'admin' ? { ...key, secret: hashSecret(key.secret) } : key);
    return key;
  }

  list(): Promise<ApiKey[]> {
    return this.deps.store.apiKeys.list();
  }

  async revoke(idOrSecret: string): Promise<ApiKey> {
    const keys = await this.deps.store.apiKeys.list();
    const key = keys.find((k) => k.id === idOrSecret || k.secret === idOrSecret);
    if (!key) throw new AppError('NOT_FOUND', `There is no API key "${idOrSecret}".`);
    await this.deps.store.apiKeys.revoke(key.id, this.deps.clock.now());
    this.verified.clear();
    return key;
  }

  /** The live key of this type with this secret, or null. */
  async verify(secret: string | undefined, type: ApiKeyType): Promise<ApiKey | null> {
    if (!secret || secret.length > 128) return null;
    const now = Date.now();
    const cached = this.verified.get(secret);
    if (cached && cached.until > now) return cached.key.type === type ? cached.key : null;
    const key = await this.deps.store.apiKeys.findBySecret(type === 'admin' ? hashSecret(secret) : secret);
    if (!key || key.revokedAt || key.type !== type) return null;
    if (this.verified.size > 1000) this.verified.clear();
    this.verified.set(secret, { key, until: now + 60_000 });
    await this.deps.store.apiKeys.markUsed(key.id, this.deps.clock.now() as Instant);
    return key;
  }
}

function hashSecret(secret: string): string {
  return `sha256:${createHash('sha256').update(secret).digest('hex')}`;
}
