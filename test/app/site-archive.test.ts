import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/app/system-clock.js';
import { articlePath } from '../../src/domain/article.js';
import type { Instant, Slug } from '../../src/domain/ids.js';
import type { MemberId } from '../../src/domain/member.js';
import { loadConfig } from '../../src/config/config.js';
import { createDateline, mediaDir, type Dateline } from '../../src/main.js';
import { archiveTables, isLeftOut } from '../../src/storage/site-archive/index.js';
import { createTestApp } from '../support/app.js';
import { dropSchema, testPostgresUrl } from '../support/databases.js';

const cleanups: (() => Promise<void>)[] = [];
after(async () => { for (const c of cleanups.reverse()) await c(); });
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-archive-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A Dateline on a new, empty database (no seeding), as `dateline restore` opens one. */
async function emptySite(dialect: 'sqlite' | 'postgres'): Promise<Dateline> {
  const env: Record<string, string> = { DATA_DIR: scratch(), LOG_LEVEL: 'silent', SITE_URL: 'https://news.example' };
  if (dialect === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    Object.assign(env, { DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema });
    cleanups.push(() => dropSchema(schema));
  }
  const dateline = await createDateline(loadConfig(env), { clock: fixedClock('2026-11-27T10:00:00Z') });
  cleanups.push(() => dateline.stop());
  return dateline;
}

/** Every exported table, read directly (not through the exporter), in a fixed order. */
async function tablesOf(dateline: Dateline): Promise<Record<string, unknown[]>> {
  const db = dateline.database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const out: Record<string, unknown[]> = {};
  for (const table of archiveTables) {
    let query = db.selectFrom(table.name).selectAll();
    for (const column of table.orderBy) query = query.orderBy(column);
    out[table.name] = await query.execute();
  }
  return out;
}

function mediaOf(dateline: Dateline): Record<string, string> {
  const root = mediaDir(dateline.config);
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, name.name);
      if (name.isDirectory()) walk(full);
      else out[path.relative(root, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(root);
  return out;
}

test('every table of the schema is exported or left out with a reason', async () => {
  const app = await createTestApp('sqlite', { demo: false });
  cleanups.push(() => app.dispose());
  const tables = await app.dateline.database.db.introspection.getTables();
  const uncovered = tables.map((t) => t.name).filter((name) => !isLeftOut(name) && !archiveTables.some((a) => a.name === name));
  assert.deepEqual(uncovered, [], 'add new tables to src/storage/site-archive/archive-tables.ts');
});

test('export → restore: SQLite → PostgreSQL → SQLite reproduces every table, every media file and the pages', async () => {
  const original = await createTestApp('sqlite', { demo: true });
  cleanups.push(() => original.dispose());
  const d = original.dateline;
  // Beyond the demo content: staff, an API key, the audit trail they leave, and media files.
  await d.services.auth.createUser({ email: 'owner@news.example', name: 'Owner', password: 'correct horse battery staple', role: 'owner' }, { kind: 'cli' });
  await d.services.apiKeys.create('content', 'mobile app');
  // Members, and what an import did with an old site's media, with every kind of value they hold.
  await d.store.members.insert({
    id: '0193a000-0000-7000-8000-000000000001' as MemberId, email: 'Reader@Example.org', name: 'Rea Der', note: 'met at the fair', status: 'comped', subscribed: true,
    labels: ['VIP', 'Пресса'], createdAt: '2025-01-02T03:04:05.000Z' as Instant, updatedAt: '2025-02-03T04:05:06.000Z' as Instant, originKey: 'ghost:member:m1',
  });
  await d.store.members.insert({
    id: '0193a000-0000-7000-8000-000000000002' as MemberId, email: 'joined@here.example', name: null, note: null, status: 'free', subscribed: false,
    labels: [], createdAt: '2026-01-01T00:00:00.000Z' as Instant, updatedAt: '2026-01-01T00:00:00.000Z' as Instant, originKey: null,
  });
  await d.store.importMedia.record({ sourceKey: 'wxr:https://old.example', url: 'https://old.example/a.pdf?x=1&y=2', state: 'external', mediaId: null, reason: 'not an image', at: '2026-01-01T00:00:00.000Z' as Instant });
  const media = mediaDir(d.config);
  mkdirSync(path.join(media, 'ab', 'cd'), { recursive: true });
  writeFileSync(path.join(media, 'ab', 'cd', 'photo-640.webp'), randomBytes(3000));
  writeFileSync(path.join(media, 'logo.png'), randomBytes(500));

  const before = await tablesOf(d);
  assert.ok((before.articles?.length ?? 0) >= 20 && (before.users?.length ?? 0) === 1);
  assert.equal(before.members?.length, 2);
  assert.equal(before.import_media?.length, 1);

  const first = path.join(scratch(), 'export-1');
  const manifest = await d.archive.export(first);
  assert.equal(manifest.tables.find((t) => t.name === 'articles')?.rows, before.articles!.length);
  assert.equal(manifest.media.files, 2);

  const pgSite = await emptySite('postgres');
  await pgSite.archive.restore(first);
  assert.deepEqual(await tablesOf(pgSite), before);
  assert.deepEqual(mediaOf(pgSite), mediaOf(d));

  const second = path.join(scratch(), 'export-2');
  await pgSite.archive.export(second);
  // Byte-identical exports from either engine: the format does not depend on the database.
  for (const table of manifest.tables) {
    assert.equal(readFileSync(path.join(second, table.file), 'utf8'), readFileSync(path.join(first, table.file), 'utf8'), table.name);
  }

  const back = await emptySite('sqlite');
  await back.archive.restore(second);
  assert.deepEqual(await tablesOf(back), before);
  // Restored members keep their case-insensitive uniqueness.
  assert.equal((await back.store.members.getByEmail('reader@example.ORG'))?.labels.join(), 'VIP,Пресса');
  await assert.rejects(back.store.members.insert({ ...(await back.store.members.getByEmail('joined@here.example'))!, id: '0193a000-0000-7000-8000-000000000003' as MemberId, email: 'JOINED@here.example' }), /already a member/);
  assert.deepEqual(mediaOf(back), mediaOf(d));

  // The restored site serves the same pages, and search works (its index was rebuilt).
  const server = await back.buildServer();
  cleanups.push(() => server.close());
  const published = (before.articles as { slug: string; title: string; status: string; published_at: string; created_at: string }[]).find((a) => a.status === 'published')!;
  const { title } = published;
  const word = title.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w)) ?? 'report';
  const searchUrl = `/search/?q=${encodeURIComponent(word)}`;
  for (const url of ['/', articlePath({ slug: published.slug as Slug, publishedAt: published.published_at as Instant, createdAt: published.created_at as Instant }), searchUrl]) {
    const [a, b] = await Promise.all([original.server.inject(url), server.inject(url)]);
    assert.equal(a.statusCode, 200, url);
    assert.equal(b.statusCode, a.statusCode, url);
    assert.equal(b.body, a.body, url);
  }
  assert.match((await server.inject(searchUrl)).body, /<mark>/i);
});

test('a restore refuses a database that already holds a site, and a damaged export, and changes nothing', async () => {
  const app = await createTestApp('sqlite', { demo: true });
  cleanups.push(() => app.dispose());
  const dir = path.join(scratch(), 'export');
  await app.dateline.archive.export(dir);

  await assert.rejects(app.dateline.archive.restore(dir), /already holds a site.*new, empty database/);

  const articles = readFileSync(path.join(dir, 'tables/articles.jsonl'), 'utf8');
  writeFileSync(path.join(dir, 'tables/articles.jsonl'), articles.replace('"title":"', '"title":"X'));
  const target = await emptySite('sqlite');
  await assert.rejects(target.archive.restore(dir), /articles\.jsonl is missing or does not match the manifest/);
  const rows = await tablesOf(target);
  assert.ok(Object.values(rows).every((r) => r.length === 0), 'nothing was written');

  await assert.rejects(target.archive.restore(scratch()), /not a Dateline export: it has no manifest\.json/);
});

test('an export refuses a folder that is not empty and leaves no partial folder behind', async () => {
  const app = await createTestApp('sqlite', { demo: false });
  cleanups.push(() => app.dispose());
  const dir = scratch();
  writeFileSync(path.join(dir, 'keep.txt'), 'mine');
  await assert.rejects(app.dateline.archive.export(dir), /not empty/);
  assert.deepEqual(readdirSync(dir), ['keep.txt']);
  assert.equal(existsSync(`${dir}.partial`), false);
});
