import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../domain/errors.js';
import type { OpenDatabase } from '../database.js';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, type ArchiveManifest } from './archive-manifest.js';
import { archiveTables } from './archive-tables.js';
import { appliedMigrations, type UntypedDb } from './applied-migrations.js';

export interface ArchiveProgress {
  (step: { phase: 'table' | 'media'; name: string; added: number; /** Rows and media files in all. */ total: number }): void;
}

const PAGE = 1000;

/** Writes `lines` to a file and returns its SHA-256. */
class HashedLines {
  private readonly hash = createHash('sha256');
  private readonly out;
  constructor(file: string) { this.out = createWriteStream(file); }
  async write(line: string): Promise<void> {
    const data = `${line}\n`;
    this.hash.update(data);
    if (!this.out.write(data)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }
  async close(): Promise<string> {
    await new Promise<void>((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return this.hash.digest('hex');
  }
}

async function exportTable(db: UntypedDb, table: (typeof archiveTables)[number], file: string, progress?: (added: number) => void): Promise<{ rows: number; sha256: string }> {
  const out = new HashedLines(file);
  let rows = 0;
  for (let offset = 0; ; offset += PAGE) {
    let query = db.selectFrom(table.name).selectAll();
    for (const column of table.orderBy) query = query.orderBy(column);
    const page = await query.limit(PAGE).offset(offset).execute();
    for (const row of page) await out.write(JSON.stringify(row));
    rows += page.length;
    progress?.(page.length);
    if (page.length < PAGE) break;
  }
  return { rows, sha256: await out.close() };
}

function* filesUnder(dir: string, base = dir): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* filesUnder(full, base);
    else if (!name.endsWith('.tmp')) yield path.relative(base, full).split(path.sep).join('/');
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

async function exportMedia(mediaDir: string | null, outDir: string, progress?: (name: string) => void): Promise<ArchiveManifest['media']> {
  const list = new HashedLines(path.join(outDir, 'media.jsonl'));
  let files = 0;
  let bytes = 0;
  for (const relative of mediaDir ? filesUnder(mediaDir) : []) {
    const from = path.join(mediaDir!, relative);
    const to = path.join(outDir, 'media', relative);
    mkdirSync(path.dirname(to), { recursive: true });
    await pipeline(createReadStream(from), createWriteStream(to));
    const size = statSync(to).size;
    await list.write(JSON.stringify({ path: relative, bytes: size, sha256: await sha256Of(to) }));
    files++;
    bytes += size;
    progress?.(relative);
  }
  return { files, bytes, list: 'media.jsonl', sha256: await list.close() };
}

/**
 * Exports the whole site into a new folder: `manifest.json`, one JSON Lines file per table and
 * the media files. The rows are read in one transaction, so the export is one consistent moment
 * of a site that keeps running; the folder appears under its name only when it is complete.
 */
export async function exportSite(database: OpenDatabase, target: { dir: string; mediaDir: string | null; generator: string; now: string }, progress?: ArchiveProgress): Promise<ArchiveManifest> {
  const dir = path.resolve(target.dir);
  if (existsSync(dir) && readdirSync(dir).length) throw new AppError('INVALID_INPUT', `${dir} exists and is not empty. Export into a new folder.`);
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(path.join(partial, 'tables'), { recursive: true });
  try {
    const mediaFiles = target.mediaDir ? [...filesUnder(target.mediaDir)].length : 0;
    const read = async (db: UntypedDb) => {
      let total = mediaFiles;
      for (const table of archiveTables) {
        const { count } = await db.selectFrom(table.name).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
        total += Number(count);
      }
      const tables: ArchiveManifest['tables'] = [];
      for (const table of archiveTables) {
        const file = `tables/${table.name}.jsonl`;
        const report = (added: number) => progress?.({ phase: 'table', name: table.name, added, total });
        tables.push({ name: table.name, file, ...(await exportTable(db, table, path.join(partial, file), report)) });
      }
      return { tables, total, migrations: await appliedMigrations(db) };
    };
    const db = database.db as unknown as UntypedDb;
    const { tables, total, migrations } = database.capabilities.multiWriter
      ? await db.transaction().setIsolationLevel('repeatable read').execute(read)
      : await db.transaction().execute(read);
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT, formatVersion: ARCHIVE_FORMAT_VERSION, exportedAt: target.now, generator: target.generator,
      migrations, tables, media: await exportMedia(target.mediaDir, partial, (name) => progress?.({ phase: 'media', name, added: 1, total })),
    };
    writeFileSync(path.join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(dir)) rmSync(dir, { recursive: true });
    renameSync(partial, dir);
    return manifest;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
