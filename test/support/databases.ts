import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../../src/storage/database.js';

/** The PostgreSQL server the tests use; CI starts it with ../shared/services.sh. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface TestDatabase {
  dialect: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty database. */
  open(): Promise<OpenDatabase & { url: string | null; sqlitePath: string; pgSchema?: string; dispose(): Promise<void> }>;
}

/** Every adapter the storage contract suites run against. Set DATELINE_TEST_POSTGRES=off only to work without a server. */
export const testDatabases: TestDatabase[] = [
  {
    dialect: 'sqlite',
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), 'dateline-test-'));
      const sqlitePath = path.join(dir, 'test.sqlite');
      const db = await openDatabase({ url: null, sqlitePath });
      return { ...db, url: null, sqlitePath, dispose: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
    },
  },
  ...(process.env.DATELINE_TEST_POSTGRES === 'off' ? [] : [{
    dialect: 'postgres' as const,
    async open() {
      const pgSchema = `t_${randomBytes(6).toString('hex')}`;
      const db = await openDatabase({ url: testPostgresUrl, sqlitePath: '', pgSchema, poolSize: 4 });
      return {
        ...db, url: testPostgresUrl, sqlitePath: '', pgSchema,
        dispose: async () => {
          await db.close();
          await dropSchema(pgSchema);
        },
      };
    },
  }]),
];

/** Removes a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
