import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';

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
  });
}
