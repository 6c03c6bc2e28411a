import { parentPort, workerData } from 'node:worker_threads';
import type { SearchQuery } from '../app/ports.js';
import { KyselySearchIndex } from '../search/kysely-search-index.js';
import { sqliteFts5Engine } from '../search/sqlite-search-index.js';
import { openSqliteReader } from '../storage/database.js';

/** Worker thread: answers searches from its own read-only connection to the site's SQLite file. */
const index = new KyselySearchIndex(openSqliteReader((workerData as { sqlitePath: string }).sqlitePath), sqliteFts5Engine);

parentPort!.on('message', ({ id, query }: { id: number; query: SearchQuery }) => {
  index.search(query).then(
    (results) => parentPort!.postMessage({ id, results }),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
