import { sql, type Kysely, type Migration } from 'kysely';
import { orderedLinksOf } from '../../search/indexed-fields.js';
import { searchCardOfRow } from '../../search/search-card.js';
import type { ArticleSummaryRow } from '../article-rows.js';
import type { SearchMigrationCapabilities } from './0003-search.js';

const BATCH = 1000;

/**
 * The article columns a card held when this migration was written. Frozen here rather than read
 * from `articleSummaryColumns`: a migration runs against the tables as they stood at its turn, so
 * a column added by a later migration does not exist yet. Cards written without such a column are
 * not used (search-card.ts) until the article's next write or a rebuild.
 */
const CARD_COLUMNS = [
  'id', 'slug', 'title', 'standfirst', 'body_format', 'excerpt', 'language', 'status', 'published_at',
  'created_at', 'updated_at', 'feature_image', 'syndicated', 'source_id', 'original_publisher', 'original_url',
  'original_author', 'original_published_at', 'copyright_holder', 'copyright_line', 'licence', 'search_policy',
  'origin', 'inbox_state', 'content_hash',
] as const;

/**
 * SQLite: every index entry carries its article's search card (see docs/decisions/0005-search.md,
 * "Cards"), so a page of hits is read from the rows the index already joins. Existing entries get
 * theirs here. PostgreSQL has nothing to change: its hits are loaded from the articles.
 */
export function searchCardsMigration(capabilities: SearchMigrationCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (capabilities.fullText !== 'fts5') return;
      await sql`ALTER TABLE article_search_docs ADD COLUMN card TEXT`.execute(db);
      let after = '';
      for (;;) {
        const { rows } = await sql<ArticleSummaryRow>`SELECT ${sql.join(CARD_COLUMNS.map((c) => sql.ref(`a.${c}`)))}
          FROM article_search_docs d JOIN articles a ON a.id = d.article_id WHERE d.article_id > ${after} ORDER BY d.article_id LIMIT ${BATCH}`.execute(db);
        if (rows.length === 0) break;
        const { authorIds, termIds } = await orderedLinksOf(db, rows.map((r) => r.id));
        for (const row of rows) {
          const card = searchCardOfRow(row, authorIds.get(row.id) ?? [], termIds.get(row.id) ?? []);
          await sql`UPDATE article_search_docs SET card = ${card} WHERE article_id = ${row.id}`.execute(db);
        }
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}
