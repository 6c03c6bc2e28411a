import { sql, type Kysely } from 'kysely';
import { indexedFieldsAfter } from '../../search/indexed-fields.js';
import type { SearchFacts, SearchSource } from '../../search/search-document.js';

const BATCH = 500;

/**
 * For migrations that add a search table beside the others: calls `write` with every article
 * that has an entry already, its key and its indexed fields, in batches of ids. An article without
 * a key has no entry in the other tables either; its next write or a rebuild gives it one.
 */
export async function forEachSearchEntry(db: Kysely<unknown>, write: (key: number, fields: SearchSource & SearchFacts) => Promise<void>): Promise<void> {
  const keys = await sql<{ doc_id: number; article_id: string }>`SELECT doc_id, article_id FROM article_search_docs`.execute(db);
  const keyOf = new Map(keys.rows.map((r) => [r.article_id, r.doc_id]));
  let after = '';
  for (;;) {
    const batch = await indexedFieldsAfter(db, after, BATCH);
    for (const fields of batch) {
      const key = keyOf.get(fields.id);
      if (key !== undefined) await write(key, fields);
    }
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1]!.id;
  }
}
