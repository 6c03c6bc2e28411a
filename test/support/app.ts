import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { fixedClock } from '../../src/app/system-clock.js';
import { loadConfig } from '../../src/config/config.js';
import { createDateline, type Dateline } from '../../src/main.js';
import { dropSchema, testPostgresUrl, type TestDatabase } from './databases.js';

export interface TestApp {
  dateline: Dateline;
  server: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  dispose(): Promise<void>;
}

/** A wired Dateline on a fresh database of the given dialect, with a settable clock and an in-process server. */
export async function createTestApp(dialect: TestDatabase['dialect'], options: { demo?: boolean; now?: string; pgSchema?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-app-'));
  const schema = options.pgSchema ?? `t_${randomBytes(6).toString('hex')}`;
  const env: Record<string, string> = { DATA_DIR: dir, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example', PORT: '2368' };
  if (dialect === 'postgres') Object.assign(env, { DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema });
  Object.assign(env, options.env);
  const clock = fixedClock(options.now ?? '2026-11-27T10:00:00Z');
  const dateline = await createDateline(loadConfig(env), { clock });
  await dateline.prepare({ demoContent: options.demo ?? true });
  const server = await dateline.buildServer();
  await server.ready();
  return {
    dateline, server, clock,
    async dispose() {
      await server.close();
      await dateline.stop();
      rmSync(dir, { recursive: true, force: true });
      // A shared schema belongs to whoever passed it in.
      if (dialect === 'postgres' && !options.pgSchema) await dropSchema(schema);
    },
  };
}
