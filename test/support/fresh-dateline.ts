import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { createDateline, type Dateline, type DatelineOverrides } from '../../src/main.js';
import { dropSchema, testPostgresUrl } from './databases.js';

/** A Dateline on a new database (seeded taxonomies, no demo content), as `dateline import` opens one; `dispose` removes it. */
export async function freshDateline(dialect: 'sqlite' | 'postgres', overrides: DatelineOverrides = {}): Promise<{ dateline: Dateline; dispose(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-site-'));
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const env: Record<string, string> = { DATA_DIR: dir, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example' };
  if (dialect === 'postgres') Object.assign(env, { DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema });
  const dateline = await createDateline(loadConfig(env), overrides);
  await dateline.prepare({ demoContent: false });
  return {
    dateline,
    async dispose() {
      await dateline.stop();
      rmSync(dir, { recursive: true, force: true });
      if (dialect === 'postgres') await dropSchema(schema);
    },
  };
}
