import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { SiteImportEvent } from '../../app/site-import/site-import-events.js';
import { ghostSiteEvents } from './ghost-site-events.js';
import { readGhostExport } from './read-ghost-export.js';

async function eventsOf(data: Record<string, unknown[]>, siteUrl: string | null = null): Promise<SiteImportEvent[]> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ghost-events-')), 'export.json');
  writeFileSync(file, JSON.stringify({ db: [{ meta: { exported_on: 1700000000000, version: '5.80.0' }, data }] }));
  const out: SiteImportEvent[] = [];
  for await (const e of ghostSiteEvents(await readGhostExport(file), { siteUrl })) out.push(e);
  return out;
}

const articles = (events: SiteImportEvent[]) => events.flatMap((e) => (e.type === 'article' ? [e.article] : []));

test('internal # tags go to their own source taxonomy (left out by default); public tags keep their tree', async () => {
  const events = await eventsOf({
    tags: [{ id: 't1', name: 'World', slug: 'world' }, { id: 't2', name: 'Europe', slug: 'europe', parent_id: 't1' }, { id: 't3', name: '#hero', slug: 'hash-hero', visibility: 'internal' }],
    posts: [],
  });
  const terms = events.flatMap((e) => (e.type === 'term' ? [e.term] : []));
  assert.deepEqual(terms.map((t) => [t.name, t.sourceTaxonomy, t.parentKey]), [['World', 'tag', null], ['Europe', 'tag', 'ghost:tag:t1'], ['#hero', 'internal-tag', null]]);
});

test('members-only and e-mail-only posts stay drafts with a note; scheduled posts stay scheduled; __GHOST_URL__ becomes the old address', async () => {
  const [paid, sent, scheduled] = articles(await eventsOf({
    posts: [
      { id: 'a', title: 'Paid', slug: 'paid', status: 'published', visibility: 'paid', html: '<p><img src="__GHOST_URL__/content/images/x.jpg"></p>', published_at: '2024-01-01T00:00:00.000Z' },
      { id: 'b', title: 'Sent', slug: 'sent', status: 'sent', html: '<p>x</p>' },
      { id: 'c', title: 'Later', slug: 'later', status: 'scheduled', html: '<p>x</p>', published_at: '2030-01-01T00:00:00.000Z', uuid: 'u-1' },
    ],
  }, 'https://old.example/'));
  assert.equal(paid!.status, 'draft');
  assert.match(paid!.notes.join(), /paid members only/);
  assert.match(paid!.bodyHtml, /src="https:\/\/old\.example\/content\/images\/x\.jpg"/);
  assert.equal(sent!.status, 'draft');
  assert.match(sent!.notes.join(), /e-mail newsletter/);
  assert.equal(scheduled!.status, 'scheduled');
  assert.equal(scheduled!.publishedAt, '2030-01-01T00:00:00.000Z');
  assert.deepEqual(scheduled!.oldPaths, ['/later/', '/p/u-1/']);
});

test('without the old address, relative images are reported; canonical URL becomes the original', async () => {
  const events = await eventsOf({
    posts: [{ id: 'a', title: 'A', slug: 'a', status: 'published', html: '<p><img src="/content/images/y.png"></p>', canonical_url: 'https://elsewhere.example/story' }],
  });
  const [post] = articles(events);
  assert.match(post!.notes.join(), /--source-url/);
  assert.deepEqual(post!.original, { url: 'https://elsewhere.example/story', publisher: null, author: null, canonical: true });
});

test('members come with their labels in order, status, note and subscription (subscribed, else a newsletter row, else not subscribed)', async () => {
  const events = await eventsOf({
    labels: [{ id: 'l1', name: 'VIP' }, { id: 'l2', name: 'Press' }],
    members: [
      { id: 'm1', email: 'a@example.org', name: 'Ann', note: 'founder', status: 'comped', subscribed: false, created_at: '2020-01-01T00:00:00.000Z' },
      { id: 'm2', email: 'b@example.org', status: 'paid' },
      { id: 'm3', email: 'c@example.org' },
      { id: 'm4' },
    ],
    members_labels: [{ member_id: 'm1', label_id: 'l2', sort_order: 1 }, { member_id: 'm1', label_id: 'l1', sort_order: 0 }, { member_id: 'm2', label_id: 'gone' }],
    members_newsletters: [{ member_id: 'm2', newsletter_id: 'n1' }],
  });
  const members = events.flatMap((e) => (e.type === 'member' ? [e.member] : []));
  assert.deepEqual(members.map((m) => [m.originKey, m.email, m.status, m.subscribed, m.labels]), [
    ['ghost:member:m1', 'a@example.org', 'comped', false, ['VIP', 'Press']],
    ['ghost:member:m2', 'b@example.org', 'paid', true, []],
    ['ghost:member:m3', 'c@example.org', null, false, []],
  ]);
  assert.equal(members[0]!.note, 'founder');
  assert.equal(members[0]!.createdAt, '2020-01-01T00:00:00.000Z');
  const broken = events.find((e) => e.type === 'skip');
  assert.ok(broken?.type === 'skip' && broken.originKey === 'ghost:members-at:3' && /email/.test(broken.reason));
});

test('with the old address, relative image paths (feature and body) point there; relative links stay relative', async () => {
  const [post] = articles(await eventsOf({
    posts: [{ id: 'a', title: 'A', slug: 'a', status: 'published', feature_image: '/content/images/f.jpg', html: '<p><a href="/tag/x/">x</a><img src="/content/images/y.png"><img src="//cdn.example/z.png"></p>' }],
  }, 'https://old.example/'));
  assert.equal(post!.featureImage?.url, 'https://old.example/content/images/f.jpg');
  assert.equal(post!.bodyHtml, '<p><a href="/tag/x/">x</a><img src="https://old.example/content/images/y.png"><img src="//cdn.example/z.png"></p>');
});
