import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { SchemaScopedPostgresDialect } from './postgres/schema-scoped-introspector.js';
import pg from 'pg';
import { AppError } from '../domain/errors.js';
import { migrationProviderFor } from './migrations/index.js';
import type { Database } from './schema.js';

/** What shared storage code may rely on; it branches on these, never on a dialect's name. */
export interface DatabaseCapabilities {
  /** Full-text search flavour the engine offers. */
  fullText: 'fts5' | 'tsvector';
  /** Whether several processes may write at once (PostgreSQL) or one process owns the file (SQLite). */
  multiWriter: boolean;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  capabilities: DatabaseCapabilities;
  /** Human-readable location for messages: the file path or the URL without password. */
  location: string;
  /** Runs a long series of writes (a site import) with the engine tuned for them; see `sqliteBulkWrites`. */
  bulkWrites: BulkWrites;
  close(): Promise<void>;
}

export type BulkWrites = <T>(work: () => Promise<T>) => Promise<T>;

export interface DatabaseConfig {
  /** `postgres://…` for PostgreSQL; otherwise SQLite at `sqlitePath`. */
  url: string | null;
  sqlitePath: string;
  /** PostgreSQL schema to use (tests isolate themselves in their own). */
  pgSchema?: string;
  poolSize?: number;
}

/** Opens the configured database and applies pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  const opened = config.url && /^postgres(ql)?:\/\//.test(config.url) ? await openPostgres(config.url, config) : openSqlite(config.sqlitePath);
  try {
    await migrate(opened.db, opened.capabilities, config.pgSchema);
  } catch (error) {
    await opened.close();
    throw describeOpenFailure(error, opened.location);
  }
  return opened;
}

function openSqlite(file: string): OpenDatabase {
  const location = path.resolve(file);
  let sqlite: BetterSqlite3.Database;
  try {
    fs.mkdirSync(path.dirname(location), { recursive: true });
    sqlite = new BetterSqlite3(location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    applyReadSettings(sqlite);
    // Reading the schema touches the file header: a corrupt file fails here, with a clear message.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw describeOpenFailure(error, location);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    capabilities: { fullText: 'fts5', multiWriter: false },
    location,
    bulkWrites: (work) => sqliteBulkWrites(sqlite, work),
    close: () => db.destroy(),
  };
}

/** How much of the database file SQLite reads through a memory map (virtual address space, not memory). */
const SQLITE_MMAP_BYTES = 1 << 30;
/** SQLite's page cache per connection, in KiB. */
const SQLITE_CACHE_KIB = 32_768;

/**
 * A read-only connection to the site's SQLite file with the same read settings as the main one,
 * for readers on other threads (search). WAL lets them read while the main connection writes.
 */
export function openSqliteReader(file: string): Kysely<Database> {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  applyReadSettings(sqlite);
  // A search asks the same few statements every time; preparing them was a twentieth of a search thread's time.
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/**
 * Settings every connection to the site's file shares. Reads (search above all: FTS5 lists,
 * article rows with bodies in overflow pages) come from the mapped file rather than a read() copy
 * each, and a page cache of 32 MB rather than 2 MB keeps the hot index pages: at 100,000 articles
 * the search scenario spent a fifth of its SQLite time in system calls.
 */
function applyReadSettings(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
}

/**
 * SQLite's page cache during bulk writes, in KiB: 8 MB instead of the 32 MB searches want. A bulk
 * write's pages are read once or written; the file's pages stay in the OS cache anyway. At 100,000
 * imported posts the smaller cache took the same time (44.6 and 45.8 s against 44.8 and 44.3,
 * alternating) and 21–24 MB less peak memory.
 */
const BULK_CACHE_KIB = 8_192;

/** WAL pages between checkpoints during bulk writes: 256 MB instead of SQLite's 4 MB. */
const BULK_WAL_CHECKPOINT_PAGES = 65_536;

/**
 * During a bulk import SQLite's default checkpoint every 1,000 WAL pages cost more than all the
 * inserts: each checkpoint copies pages into the database file and waits for the disk, and the
 * index pages a batch touches are copied again by the next one. Checkpointing every 256 MB
 * instead, and once at the end (which also empties the WAL file), makes commits cheap.
 *
 * The memory map is off meanwhile: an import's writes go through the page cache anyway, and every
 * page its lookups touched through the map stayed in the process's resident memory, so a
 * 100,000-post import peaked at 747 MB with it and 335 MB without (and ran 1,319 → 1,401 posts/s).
 * The page cache shrinks to 8 MB for the same reason (BULK_CACHE_KIB). These settings belong to
 * this connection only, so a killed import leaves nothing behind.
 */
async function sqliteBulkWrites<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  const saved = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma(`wal_autocheckpoint = ${BULK_WAL_CHECKPOINT_PAGES}`);
  sqlite.pragma('mmap_size = 0');
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    sqlite.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
    sqlite.pragma(`wal_autocheckpoint = ${saved}`);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
}

/**
 * Kysely prepares every query afresh; preparing costs as much as running a small statement. The
 * same SQL text gets the same prepared statement (least recently used dropped past `size`).
 * Nothing in Dateline streams a query (the one case where a statement stays busy).
 */
function withStatementCache(sqlite: BetterSqlite3.Database, size = 300): { close(): void; prepare(sql: string): BetterSqlite3.Statement } {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

async function openPostgres(url: string, config: DatabaseConfig): Promise<OpenDatabase> {
  const location = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolSize ?? 10,
    ...(config.pgSchema ? { options: `-c search_path=${config.pgSchema}` } : {}),
  });
  try {
    const client = await pool.connect();
    try {
      if (config.pgSchema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${config.pgSchema.replace(/"/g, '')}"`);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new AppError('DATABASE_UNAVAILABLE', `Cannot connect to PostgreSQL at ${location}. Check that the server is running and DATABASE_URL is right.`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new SchemaScopedPostgresDialect({ pool }, config.pgSchema) });
  return { db, capabilities: { fullText: 'tsvector', multiWriter: true }, location, bulkWrites: (work) => work(), close: () => db.destroy() };
}

async function migrate(db: Kysely<Database>, capabilities: DatabaseCapabilities, schema: string | undefined): Promise<void> {
  // Name the schema explicitly: otherwise Kysely looks for its bookkeeping tables in every schema
  // and, finding another site's, skips creating its own.
  // Unordered: migrations developed side by side may land in either order; each is self-contained.
  const migrator = new Migrator({ db, allowUnorderedMigrations: true, provider: migrationProviderFor(capabilities), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new AppError('DATABASE_UNAVAILABLE', `Database migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`, { cause: error });
}

function describeOpenFailure(error: unknown, location: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(message)) {
    return new AppError('DATABASE_CORRUPT',
      `The database file ${location} is damaged or is not an SQLite database. Restore it from a backup, or move it aside to start an empty site.`,
      { cause: error, details: { file: location } });
  }
  if (['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'EACCES', 'EPERM', 'EROFS', 'EEXIST', 'ENOTDIR'].includes(code) || /readonly|read-only|unable to open/i.test(message)) {
    return new AppError('DATABASE_NOT_WRITABLE',
      `Cannot write the database file ${location}. Make sure its folder exists and is writable by this user, or set DATA_DIR to a writable folder.`,
      { cause: error, details: { file: location } });
  }
  return new AppError('DATABASE_UNAVAILABLE', `Cannot open the database ${location}: ${message}`, { cause: error, details: { file: location } });
}

/** A connection URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}
