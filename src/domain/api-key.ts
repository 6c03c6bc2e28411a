import type { Brand, Instant } from './ids.js';

export type ApiKeyId = Brand<string, 'ApiKeyId'>;

/** Content keys read published content (Ghost-compatible); admin keys will drive the Admin API. */
export const apiKeyTypes = ['content', 'admin'] as const;
export type ApiKeyType = (typeof apiKeyTypes)[number];

export interface ApiKey {
  id: ApiKeyId;
  type: ApiKeyType;
  name: string;
  /** For content keys: 26 lower-case hex characters, the format Ghost's clients check for. */
  secret: string;
  createdAt: Instant;
  lastUsedAt: Instant | null;
  revokedAt: Instant | null;
}
