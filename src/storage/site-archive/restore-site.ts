import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../domain/errors.js';
import type { OpenDatabase } from '../database.js';
import { appliedMigrations, type UntypedDb } from './applied-migrations.js';
import { ARCHIVE_FORMAT_VERSION, archiveManifest, type ArchiveManifest } from './archive-manifest.js';
import { archiveTables, type ArchiveTable } from './archive-tables.js';
import type { ArchiveProgress } from './export-site.js';

const BATCH = 200;
type Row = Record<string, unknown>;

function refuse(message: string): never {
  throw new AppError('IMPORT_UNREADABLE', message);
}

function readManifest(dir: string): ArchiveManifest {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) refuse(`${dir} is not a Dateline export: it has no manifest.json.`);
  let json: unknown;
  try { json = JSON.parse(readFileSync(file, 'utf8')); } catch { refuse(`${file} is not valid JSON; the export is damaged.`); }
  const parsed = archiveManifest.safeParse(json);
  if (!parsed.success) refuse(`${file} is not a Dateline export manifest (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}).`);
  if (parsed.data.formatVersion > ARCHIVE_FORMAT_VERSION) refuse(`This export uses format version ${parsed.data.formatVersion}; this Dateline reads up to ${ARCHIVE_FORMAT_VERSION}. Upgrade Dateline, then restore.`);
  return parsed.data;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

async function* linesOf(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

/** Every byte is checked before anything is written, so a damaged export changes nothing. */
async function verify(dir: string, manifest: ArchiveManifest): Promise<{ path: string; sha256: string }[]> {
  for (const table of manifest.tables) {
    const file = path.join(dir, table.file);
    if (!existsSync(file) || (await sha256Of(file)) !== table.sha256) refuse(`${table.file} is missing or does not match the manifest; the export is damaged or incomplete.`);
  }
  const listFile = path.join(dir, manifest.media.list);
  if (!existsSync(listFile) || (await sha256Of(listFile)) !== manifest.media.sha256) refuse(`${manifest.media.list} is missing or does not match the manifest.`);
  const media: { path: string; sha256: string }[] = [];
  for await (const line of linesOf(listFile)) {
    const entry = JSON.parse(line) as { path: string; sha256: string };
    if (entry.path.split('/').some((part) => part === '..' || part === '') || path.isAbsolute(entry.path)) refuse(`Media path ${entry.path} leaves the media folder; the export is not trustworthy.`);
    const file = path.join(dir, 'media', entry.path);
    if (!existsSync(file) || (await sha256Of(file)) !== entry.sha256) refuse(`media/${entry.path} is missing or does not match the manifest.`);
    media.push(entry);
  }
  return media;
}

/** Rows with a parent in the same table, ordered so every parent comes before its children. */
function parentsFirst(rows: Row[], table: ArchiveTable): Row[] {
  const id = table.idColumn!;
  const parent = table.parentColumn!;
  const byId = new Map(rows.map((r) => [r[id], r]));
  const placed = new Set<unknown>();
  const out: Row[] = [];
  const place = (row: Row, depth: number) => {
    if (placed.has(row[id]) || depth > rows.length) return;
    const up = row[parent] == null ? undefined : byId.get(row[parent]);
    if (up) place(up, depth + 1);
    placed.add(row[id]);
    out.push(row);
  };
  for (const row of rows) place(row, 0);
  return out;
}

async function restoreTable(db: UntypedDb, dir: string, table: ArchiveTable, entry: ArchiveManifest['tables'][number], total: number, progress?: ArchiveProgress): Promise<void> {
  let batch: Row[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await db.insertInto(table.name).values(batch).execute();
    progress?.({ phase: 'table', name: table.name, added: batch.length, total });
    batch = [];
  };
  if (table.parentColumn) {
    const rows: Row[] = [];
    for await (const line of linesOf(path.join(dir, entry.file))) rows.push(JSON.parse(line) as Row);
    for (const row of parentsFirst(rows, table)) { batch.push(row); if (batch.length >= BATCH) await flush(); }
  } else {
    for await (const line of linesOf(path.join(dir, entry.file))) { batch.push(JSON.parse(line) as Row); if (batch.length >= BATCH) await flush(); }
  }
  await flush();
}

/**
 * Rebuilds a site from an export into an empty database of either engine. The whole restore of
 * the rows is one transaction: it either lands complete or leaves the database as it was.
 * Media files are copied first (content-addressed names, so leftovers of a failed run are harmless).
 */
export async function restoreSite(database: OpenDatabase, source: { dir: string; mediaDir: string | null }, progress?: ArchiveProgress): Promise<ArchiveManifest> {
  const dir = path.resolve(source.dir);
  const manifest = readManifest(dir);
  const db = database.db as unknown as UntypedDb;
  const known = new Set(await appliedMigrations(db));
  const newer = manifest.migrations.filter((m) => !known.has(m));
  if (newer.length) refuse(`This export comes from a newer Dateline (migrations ${newer.join(', ')} are unknown here). Upgrade Dateline, then restore.`);
  const byName = new Map(manifest.tables.map((t) => [t.name, t]));
  const unknownTables = manifest.tables.filter((t) => !archiveTables.some((a) => a.name === t.name)).map((t) => t.name);
  if (unknownTables.length) refuse(`This export has tables this Dateline does not restore (${unknownTables.join(', ')}). Upgrade Dateline, then restore.`);
  for (const table of archiveTables) {
    const { count } = await db.selectFrom(table.name).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    if (Number(count) > 0) refuse(`The database already holds a site (table ${table.name} has ${Number(count)} rows). Restore into a new, empty database: a new DATA_DIR, or a new DATABASE_URL / DATABASE_SCHEMA.`);
  }
  const media = await verify(dir, manifest);

  const total = manifest.media.files + manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  if (media.length && !source.mediaDir) refuse('The export has media files but no media folder is configured.');
  for (const entry of media) {
    const to = path.join(source.mediaDir!, entry.path);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(dir, 'media', entry.path), `${to}.tmp`);
    renameSync(`${to}.tmp`, to);
    progress?.({ phase: 'media', name: entry.path, added: 1, total });
  }

  await db.transaction().execute(async (tx) => {
    for (const table of archiveTables) {
      const entry = byName.get(table.name);
      if (entry) await restoreTable(tx, dir, table, entry, total, progress);
    }
  });
  return manifest;
}
