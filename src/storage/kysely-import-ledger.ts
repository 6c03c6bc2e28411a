import type { Kysely } from 'kysely';
import type { ImportLedger } from '../app/ports.js';
import type { Instant } from '../domain/ids.js';
import type { ImportItem, ImportItemState, ImportRun } from '../domain/import-run.js';
import { chunksOf } from '../domain/chunks.js';
import { insertObjects } from './multi-row-insert.js';
import type { Database, ImportItemTable, ImportRunTable } from './schema.js';

const runToRow = (r: ImportRun): ImportRunTable => ({
  id: r.id, format: r.format, source_key: r.sourceKey, file_hash: r.fileHash, file_name: r.fileName, state: r.state,
  started_at: r.startedAt, finished_at: r.finishedAt, summary: r.summary ? JSON.stringify(r.summary) : null,
});

const rowToRun = (r: ImportRunTable): ImportRun => ({
  id: r.id, format: r.format, sourceKey: r.source_key, fileHash: r.file_hash, fileName: r.file_name, state: r.state as ImportRun['state'],
  startedAt: r.started_at as Instant, finishedAt: r.finished_at as Instant | null,
  summary: r.summary ? (JSON.parse(r.summary) as Record<string, number>) : null,
});

const rowToItem = (r: ImportItemTable): ImportItem => ({
  sourceKey: r.source_key, originKey: r.origin_key, runId: r.run_id, state: r.state as ImportItemState, targetId: r.target_id, reason: r.reason, at: r.at as Instant,
});

const itemToRow = (item: ImportItem): ImportItemTable => ({
  source_key: item.sourceKey, origin_key: item.originKey, run_id: item.runId, state: item.state, target_id: item.targetId, reason: item.reason, at: item.at,
});

/** Checkpoint rows per INSERT (7 columns each). */
const ITEM_CHUNK = 2000;
/** Origin keys per lookup: within SQLite's and PostgreSQL's limits on bound parameters. */
const KEY_CHUNK = 1000;

/** Import checkpoints over Kysely. */
export class KyselyImportLedger implements ImportLedger {
  constructor(private readonly db: Kysely<Database>) {}

  async insertRun(run: ImportRun): Promise<void> {
    await this.db.insertInto('import_runs').values(runToRow(run)).execute();
  }

  async updateRun(run: ImportRun): Promise<void> {
    const { id, ...row } = runToRow(run);
    await this.db.updateTable('import_runs').set(row).where('id', '=', id).execute();
  }

  async findUnfinishedRun(fileHash: string): Promise<ImportRun | null> {
    const r = await this.db.selectFrom('import_runs').selectAll().where('file_hash', '=', fileHash).where('state', '=', 'running')
      .orderBy('started_at', 'desc').executeTakeFirst();
    return r ? rowToRun(r) : null;
  }

  async listRuns(): Promise<ImportRun[]> {
    return (await this.db.selectFrom('import_runs').selectAll().orderBy('started_at').execute()).map(rowToRun);
  }

  async recordItem(item: ImportItem): Promise<void> {
    await this.db.insertInto('import_items').values(itemToRow(item)).execute();
  }

  async recordItems(items: readonly ImportItem[]): Promise<void> {
    await insertObjects(this.db as Kysely<unknown>, 'import_items', items.map(itemToRow), { chunk: ITEM_CHUNK });
  }

  async itemsOf(sourceKey: string): Promise<Map<string, Pick<ImportItem, 'state' | 'targetId'>>> {
    const rows = await this.db.selectFrom('import_items').select(['origin_key', 'state', 'target_id']).where('source_key', '=', sourceKey).execute();
    return new Map(rows.map((r) => [r.origin_key, { state: r.state as ImportItemState, targetId: r.target_id }]));
  }

  async itemsAmong(sourceKey: string, originKeys: readonly string[]): Promise<Map<string, Pick<ImportItem, 'state' | 'targetId'>>> {
    const found = new Map<string, Pick<ImportItem, 'state' | 'targetId'>>();
    for (const chunk of chunksOf(originKeys, KEY_CHUNK)) {
      const rows = await this.db.selectFrom('import_items').select(['origin_key', 'state', 'target_id'])
        .where('source_key', '=', sourceKey).where('origin_key', 'in', chunk).execute();
      for (const r of rows) found.set(r.origin_key, { state: r.state as ImportItemState, targetId: r.target_id });
    }
    return found;
  }

  async hasItems(sourceKey: string): Promise<boolean> {
    return !!(await this.db.selectFrom('import_items').select('origin_key').where('source_key', '=', sourceKey).limit(1).executeTakeFirst());
  }

  async listItems(runId: string, state?: ImportItemState): Promise<ImportItem[]> {
    let query = this.db.selectFrom('import_items').selectAll().where('run_id', '=', runId);
    if (state) query = query.where('state', '=', state);
    return (await query.orderBy('origin_key').execute()).map(rowToItem);
  }
}
