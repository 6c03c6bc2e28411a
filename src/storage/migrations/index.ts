import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as ingest from './0002-ingest.js';
import type { DatabaseCapabilities } from '../database.js';
import { searchMigration } from './0003-search.js';
import * as apiKeys from './0004-api-keys.js';
import * as staff from './0005-staff.js';
import * as siteImport from './0006-site-import.js';
import * as media from './0008-media.js';
import * as revisions from './0007-revisions.js';
import * as quotes from './0009-quotes.js';
import * as intelligence from './0011-intelligence.js';
import * as adminScreens from './0012-admin-screens.js';
import * as authorProfiles from './0013-author-profiles.js';
import * as membersAndImportMedia from './0014-members-and-import-media.js';
import { searchByPublicationMigration } from './0016-search-by-publication.js';
import * as analysisQueue from './0015-analysis-queue.js';
import { searchStemsTableMigration } from './0018-search-stems-table.js';
import { searchCardsMigration } from './0019-search-cards.js';
import { searchTitleStemsMigration } from './0020-search-title-stems.js';
import { searchWordsMigration } from './0021-search-words.js';

/**
 * Every migration in order. Both dialects run the same list; names never change once shipped.
 * One whose statements depend on what the engine can do is a function of its capabilities.
 */
const migrations: Record<string, Migration | ((capabilities: DatabaseCapabilities) => Migration)> = {
  '0001-initial': initial,
  '0002-ingest': ingest,
  '0003-search': searchMigration,
  '0004-api-keys': apiKeys,
  '0005-staff': staff,
  '0006-site-import': siteImport,
  '0008-media': media,
  '0007-revisions': revisions,
  '0009-quotes': quotes,
  '0011-intelligence': intelligence,
  '0012-admin-screens': adminScreens,
  '0013-author-profiles': authorProfiles,
  '0014-members-and-import-media': membersAndImportMedia,
  '0016-search-by-publication': searchByPublicationMigration,
  '0015-analysis-queue': analysisQueue,
  '0018-search-stems-table': searchStemsTableMigration,
  '0019-search-cards': searchCardsMigration,
  '0020-search-title-stems': searchTitleStemsMigration,
  '0021-search-words': searchWordsMigration,
};

/** Hands Kysely's Migrator the compiled-in migrations for an engine with these capabilities (no directory scanning, so bundles work). */
export function migrationProviderFor(capabilities: DatabaseCapabilities): MigrationProvider {
  return {
    getMigrations: async () => Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, typeof m === 'function' ? m(capabilities) : m])),
  };
}
