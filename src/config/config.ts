import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { DEFAULT_MEDIA_MAX_BYTES, DEFAULT_MEDIA_MAX_PIXELS } from '../domain/media.js';

/** Validated configuration, frozen after load. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  /** PostgreSQL schema to keep Dateline's tables in (created if missing); null uses the server's search_path. */
  databaseSchema: string | null;
  sqlitePath: string;
  siteUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  demoContent: boolean;
  schedulerIntervalMs: number;
  /** A JSON file with the site's starting taxonomies, instead of the built-in Region and Theme sets. */
  taxonomiesFile: string | null;
  /** A JSON table mapping IPTC subjects and places onto the site's terms, instead of the built-in one. */
  ninjsMappingFile: string | null;
  /** Outgoing mail (password resets): an smtp:// or smtps:// URL, and the sender. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Limits of server-side fetching (pages by URL, feeds). */
  fetch: { timeoutMs: number; maxBytes: number };
  /**
   * TEST ONLY: exact addresses the fetcher may reach although they are not public (the tests'
   * servers on 127.0.0.1). Never set in production: it reopens the door to internal services.
   */
  fetchAllowAddressesForTests: string[];
  /** TEST ONLY: extra ports the fetcher may use besides 80 and 443. */
  fetchAllowPortsForTests: number[];
  /** Upload limits of the media library; files live under DATA_DIR/media. */
  media: { maxBytes: number; maxPixels: number };
  /** Worker threads that prepare imported articles' text (0: on the writing thread); null picks one per core but one. */
  importThreads: number | null;
  /** SQLite: worker threads that answer searches from read-only connections (0: on the main thread); null picks one per core, up to four. */
  searchThreads: number | null;
  /** How far V8 may grow the heap past the live set during a site import, in per cent (null: the import's default; 0: V8's). */
  importHeapGrowthPercent: number | null;
}

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(2368),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'use lower-case letters, digits and underscores').optional(),
  SITE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_CONTENT: z.enum(['0', '1', 'true', 'false', 'yes', 'no']).default('1'),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(1000).default(30_000),
  TAXONOMIES_FILE: z.string().min(1).optional(),
  NINJS_MAPPING_FILE: z.string().min(1).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'use smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Dateline <no-reply@localhost>'),
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  FETCH_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  DATELINE_TEST_ALLOW_FETCH_ADDRESSES: z.string().optional(),
  DATELINE_TEST_ALLOW_FETCH_PORTS: z.string().optional(),
  IMPORT_THREADS: z.coerce.number().int().min(0).max(16).optional(),
  SEARCH_THREADS: z.coerce.number().int().min(0).max(16).optional(),
  IMPORT_HEAP_GROWTH: z.coerce.number().int().min(0).max(1000).optional(),
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(DEFAULT_MEDIA_MAX_BYTES),
  MEDIA_MAX_PIXELS: z.coerce.number().int().min(10_000).max(268_402_689).default(DEFAULT_MEDIA_MAX_PIXELS),
});

/** Reads configuration from environment variables (see README, "Configuration"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('CONFIG_INVALID', `The configuration is not valid: ${problems}.`, { details: { problems } });
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? null,
    databaseSchema: e.DATABASE_SCHEMA ?? null,
    sqlitePath: path.join(dataDir, 'dateline.sqlite'),
    siteUrl: e.SITE_URL ?? null,
    logLevel: e.LOG_LEVEL,
    demoContent: ['1', 'true', 'yes'].includes(e.DEMO_CONTENT),
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    taxonomiesFile: e.TAXONOMIES_FILE ? path.resolve(e.TAXONOMIES_FILE) : null,
    ninjsMappingFile: e.NINJS_MAPPING_FILE ? path.resolve(e.NINJS_MAPPING_FILE) : null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    fetch: { timeoutMs: e.FETCH_TIMEOUT_MS, maxBytes: e.FETCH_MAX_BYTES },
    importThreads: e.IMPORT_THREADS ?? null,
    searchThreads: e.SEARCH_THREADS ?? null,
    importHeapGrowthPercent: e.IMPORT_HEAP_GROWTH ?? null,
    fetchAllowAddressesForTests: list(e.DATELINE_TEST_ALLOW_FETCH_ADDRESSES),
    fetchAllowPortsForTests: list(e.DATELINE_TEST_ALLOW_FETCH_PORTS).map(Number).filter((n) => Number.isInteger(n) && n > 0 && n < 65536),
    media: { maxBytes: e.MEDIA_MAX_BYTES, maxPixels: e.MEDIA_MAX_PIXELS },
  });
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);
}
