import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readGhostExport, type GhostExport, type GhostPostItem } from '../../src/ingest/ghost/read-ghost-export.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/ghost-export/', import.meta.url));
const exportFiles = ['ghost-migrate/export-db-wrapped.json', 'ghost-migrate/export-flat.json', 'ghost-core/import-data-1.json'];

/** The tables of an export read the plain way (JSON.parse), as an independent count. */
function tablesOf(file: string): Record<string, unknown[]> {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return json.db?.[0]?.data ?? json.data?.data ?? json.data;
}

async function allPosts(exp: GhostExport): Promise<GhostPostItem[]> {
  const out: GhostPostItem[] = [];
  for await (const r of exp.posts()) { assert.ok(r.ok, JSON.stringify(r)); out.push(r.item); }
  return out;
}

for (const name of exportFiles) {
  test(`reads ${name}: every post, tag and user, with links resolved`, async () => {
    const file = path.join(corpus, name);
    const tables = tablesOf(file);
    const exp = await readGhostExport(file);
    const posts = await allPosts(exp);
    assert.deepEqual(exp.problems, []);
    assert.equal(posts.length, tables.posts!.length);
    assert.equal(exp.tags.length, (tables.tags ?? []).length);
    assert.equal(exp.users.length, (tables.users ?? []).length);
    assert.ok(exp.exportedOn && /^\d{4}-/.test(exp.exportedOn));
    const rawPosts = tables.posts as { title: string; slug: string }[];
    assert.deepEqual(posts.map((p) => p.post.slug), rawPosts.map((p) => p.slug));
    assert.deepEqual(posts.map((p) => p.post.title), rawPosts.map((p) => p.title));
    const links = (tables.posts_tags ?? []) as { post_id: unknown; tag_id: unknown }[];
    for (const link of links) {
      const post = posts.find((p) => p.post.id === String(link.post_id))!;
      assert.ok(post.tags.some((t) => t.id === String(link.tag_id)), `post ${String(link.post_id)} carries tag ${String(link.tag_id)}`);
    }
    const authorLinks = (tables.posts_authors ?? []) as { post_id: unknown; author_id: unknown }[];
    // 0.x bundles have no posts_authors; their posts are checked by the bundle test below.
    for (const p of tables.posts_authors ? posts : []) {
      const expected = authorLinks.filter((l) => String(l.post_id) === p.post.id).map((l) => String(l.author_id));
      assert.deepEqual(p.authors.map((a) => a.id), expected, `authors of ${p.post.slug}`);
    }
  });
}

test('the wrapped export: settings, dates as ISO instants, tags joined in order', async () => {
  const exp = await readGhostExport(path.join(corpus, 'ghost-migrate/export-db-wrapped.json'));
  assert.equal(exp.settings.title, 'My Ghost Site');
  const posts = await allPosts(exp);
  const first = posts[0]!;
  assert.equal(first.post.published_at, '2025-01-01T00:00:00.000Z');
  assert.deepEqual(first.tags.map((t) => t.name), ['News']);
  assert.deepEqual(first.authors.map((a) => a.name), ['Alice Johnson']);
  assert.equal(posts[2]!.post.html, null);
  assert.match(posts[2]!.post.lexical ?? '', /lexical-image\.jpg/);
});

test('the 0.x bundle: epoch-millisecond dates, numeric ids, a user without id as the author', async () => {
  const exp = await readGhostExport(path.join(corpus, 'ghost-core/import-data-1.json'));
  const [post] = await allPosts(exp);
  assert.equal(post!.post.id, '1');
  assert.equal(post!.post.published_at, new Date(1388318310783).toISOString());
  assert.equal(post!.authors[0]!.name, 'test user');
  assert.deepEqual(post!.tags.map((t) => t.slug), ['getting-started']);
});

const scratch = () => mkdtempSync(path.join(tmpdir(), 'dateline-ghost-'));

test('a JSON file that is not a Ghost export is refused with a reason', async () => {
  const file = path.join(scratch(), 'x.json');
  writeFileSync(file, JSON.stringify({ hello: 'world', items: [1, 2] }));
  await assert.rejects(readGhostExport(file), /not a Ghost export/);
});

test('a truncated export keeps the rows before the cut and then fails clearly', async () => {
  const source = readFileSync(path.join(corpus, 'ghost-migrate/export-db-wrapped.json'), 'utf8');
  const file = path.join(scratch(), 'cut.json');
  writeFileSync(file, source.slice(0, source.indexOf('"Post 3 - Lexical"')));
  const exp = await readGhostExport(file).catch((e: Error) => e);
  // The side tables come after the posts in this file, so the first pass itself hits the cut.
  assert.ok(exp instanceof Error);
  assert.match(exp.message, /not valid JSON/);
  assert.match(exp.message, /run the import again/);
});

test('an oversized row and an invalid row are reported one by one; the others are read', async () => {
  const file = path.join(scratch(), 'big.json');
  const posts = [
    { id: 'a', title: 'Fine', slug: 'fine', html: '<p>ok</p>' },
    { id: 'b', title: 'Huge', slug: 'huge', html: `<p>${'x'.repeat(5000)}</p>` },
    { id: 'c', title: 42, slug: 'bad' },
    { id: 'd', title: 'Also fine', slug: 'also-fine', html: '<p>ok</p>' },
  ];
  writeFileSync(file, JSON.stringify({ meta: { exported_on: 1, version: '5.0.0' }, data: { posts, tags: [{ id: 't', name: 'T' }, { id: 'u' }] } }));
  const exp = await readGhostExport(file, { maxRowChars: 1000 });
  assert.deepEqual(exp.problems.map((p) => [p.table, p.index]), [['tags', 1]]);
  const results = [];
  for await (const r of exp.posts()) results.push(r);
  assert.deepEqual(results.map((r) => (r.ok ? r.item.post.slug : `${r.problem.index}:${r.problem.message.split(' ')[0]}`)), ['fine', '1:row', '2:title:', 'also-fine']);
});

test('every corpus file under ghost-export is either read or refused with a reason', async () => {
  const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 4);
  for (const f of files) {
    try {
      const exp = await readGhostExport(path.join(corpus, f));
      for await (const r of exp.posts()) assert.ok(r.ok || r.problem.message);
    } catch (error) {
      assert.match((error as Error).message, /Ghost export|not valid JSON/, f);
    }
  }
});
