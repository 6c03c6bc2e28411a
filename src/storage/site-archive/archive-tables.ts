/**
 * The tables a site export carries, in the order a restore writes them (every table after the
 * tables its foreign keys point at). A test checks that every table of the schema is either here
 * or in `tablesLeftOut` with a reason, so a new migration cannot be silently left out of backups.
 */
export interface ArchiveTable {
  name: string;
  /** Columns that order the rows, so two exports of the same site are byte-identical. */
  orderBy: readonly string[];
  /** A column pointing at another row of the same table: parents are restored first. */
  parentColumn?: string;
  idColumn?: string;
}

export const archiveTables: readonly ArchiveTable[] = [
  { name: 'settings', orderBy: ['key'] },
  { name: 'taxonomies', orderBy: ['id'] },
  { name: 'terms', orderBy: ['id'], parentColumn: 'parent_id', idColumn: 'id' },
  { name: 'authors', orderBy: ['id'] },
  { name: 'sources', orderBy: ['id'] },
  { name: 'articles', orderBy: ['id'] },
  { name: 'article_authors', orderBy: ['article_id', 'author_id'] },
  { name: 'article_terms', orderBy: ['article_id', 'term_id'] },
  { name: 'article_revisions', orderBy: ['id'] },
  { name: 'feeds', orderBy: ['id'] },
  { name: 'feed_items', orderBy: ['feed_id', 'item_key'] },
  { name: 'users', orderBy: ['id'] },
  { name: 'api_keys', orderBy: ['id'] },
  { name: 'audit_log', orderBy: ['id'] },
  { name: 'comments', orderBy: ['id'] },
  { name: 'redirects', orderBy: ['from_path'] },
  { name: 'import_runs', orderBy: ['id'] },
  { name: 'import_items', orderBy: ['source_key', 'origin_key'] },
  { name: 'media', orderBy: ['id'] },
  { name: 'media_variants', orderBy: ['media_id', 'width', 'format'] },
  { name: 'people', orderBy: ['id'] },
  { name: 'quotes', orderBy: ['id'] },
  { name: 'theme_models', orderBy: ['taxonomy_id'] },
  { name: 'article_fingerprints', orderBy: ['article_id'] },
  { name: 'article_fingerprint_keys', orderBy: ['lookup_key', 'article_id'] },
  { name: 'members', orderBy: ['id'] },
  { name: 'import_media', orderBy: ['source_key', 'url'] },
  { name: 'article_analyses', orderBy: ['article_id'] },
  // Pending analyses survive a move; a claim in the export has long expired by the time it is restored.
  { name: 'analysis_queue', orderBy: ['article_id'] },
];

/** Tables deliberately not exported, and why. */
export const tablesLeftOut: Readonly<Record<string, string>> = {
  sessions: 'sign-in sessions are secrets of one running site; staff sign in again after a restore',
  sign_in_failures: 'throttling state is short-lived',
  password_resets: 'reset links are short-lived secrets',
  editor_presence: 'who has an article open is known for seconds; open editors send it again',
  article_search: 'the search index is derived from the articles and rebuilt on restore',
  article_search_docs: 'the search index is derived from the articles and rebuilt on restore',
  article_search_words: 'the search index\'s vocabulary is derived from the articles and rebuilt on restore',
  kysely_migration: 'the migration history is the target database\'s own; the manifest lists the export\'s',
  kysely_migration_lock: 'the migration lock is the target database\'s own',
};

/**
 * The search index's FTS5 tables (`article_search_…_fts`) and the shadow tables SQLite keeps their
 * data in (`article_search_…_fts_data`, `_idx`…): derived from the articles, like `article_search_docs`.
 */
const SEARCH_FTS_TABLE = /^article_search_(?:\w+_)?fts(?:_|$)/;

export function isLeftOut(table: string): boolean {
  return table in tablesLeftOut || SEARCH_FTS_TABLE.test(table) || table.startsWith('sqlite_');
}
