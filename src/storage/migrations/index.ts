import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as ingest from './0002-ingest.js';
import * as apiKeys from './0004-api-keys.js';

/** Every migration in order. Both dialects run the same list; names never change once shipped. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-ingest': ingest,
  '0004-api-keys': apiKeys,
};

/** Hands Kysely's Migrator the compiled-in migrations (no directory scanning, so bundles work). */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
