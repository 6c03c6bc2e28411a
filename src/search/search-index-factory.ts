import type { Kysely } from 'kysely';
import type { SearchIndex } from '../app/ports.js';
import type { DatabaseCapabilities } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { KyselySearchIndex, type FullTextEngine } from './kysely-search-index.js';
import { postgresTsvectorEngine } from './postgres-search-index.js';
import { sqliteFts5Engine } from './sqlite-search-index.js';

/** The full-text engine the database offers, chosen by capability, never by dialect name. */
export function fullTextEngineFor(capabilities: Pick<DatabaseCapabilities, 'fullText'>): FullTextEngine {
  switch (capabilities.fullText) {
    case 'fts5':
      return sqliteFts5Engine;
    case 'tsvector':
      return postgresTsvectorEngine;
  }
}

/** The SearchIndex port over `db` (the database or an open transaction). */
export function createSearchIndex(db: Kysely<Database>, capabilities: Pick<DatabaseCapabilities, 'fullText'>): SearchIndex {
  return new KyselySearchIndex(db, fullTextEngineFor(capabilities));
}
