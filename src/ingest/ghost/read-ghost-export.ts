import { createReadStream } from 'node:fs';
import { parser } from 'stream-json';
import type { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import {
  ghostMemberRecord, ghostPostRecord, ghostSideTables,
  type GhostMemberRecord, type GhostPostMetaRecord, type GhostPostRecord, type GhostSideTable, type GhostTagRecord, type GhostUserRecord,
} from './ghost-export-records.js';
import { JsonRowWalker, type WalkedRow } from './json-row-walker.js';

/** A problem with one row of the export; the rest of the import goes on. */
export interface GhostRowProblem {
  table: string;
  index: number;
  message: string;
}

/** A member with the names of their labels and whether any newsletter subscription names them. */
export interface GhostMemberItem {
  index: number;
  member: GhostMemberRecord;
  labels: string[];
  /** Ghost 5 keeps subscriptions in members_newsletters: true when a row there names the member. */
  inNewsletters: boolean;
}

/** A post with what the side tables say about it. */
export interface GhostPostItem {
  index: number;
  post: GhostPostRecord;
  tags: GhostTagRecord[];
  authors: GhostUserRecord[];
  meta: GhostPostMetaRecord | null;
}

export type GhostStreamItem<T> = { ok: true; item: T } | { ok: false; problem: GhostRowProblem };

export interface GhostExport {
  exportedOn: string | null;
  version: string | null;
  tags: GhostTagRecord[];
  users: GhostUserRecord[];
  settings: Record<string, unknown>;
  /** Problems found while reading the side tables. */
  problems: GhostRowProblem[];
  /** Streams the posts (a second pass over the file), each joined to its tags, authors and meta. */
  posts(): AsyncGenerator<GhostStreamItem<GhostPostItem>>;
  /** Streams the members, where the export has them. */
  members(): AsyncGenerator<GhostStreamItem<GhostMemberItem>>;
}

export interface GhostReadLimits {
  /** Characters of text in one row before it is refused as oversized. */
  maxRowChars: number;
}

const DEFAULT_LIMITS: GhostReadLimits = { maxRowChars: 32 * 1024 * 1024 };

async function* walk(file: string, wantTable: (table: string) => boolean, limits: GhostReadLimits): AsyncGenerator<WalkedRow> {
  const walker = new JsonRowWalker(wantTable, limits.maxRowChars);
  const tokens = createReadStream(file, { encoding: 'utf8' }).pipe(parser.asStream({ packKeys: true, streamKeys: false, packStrings: false, streamStrings: true, packNumbers: true, streamNumbers: false }));
  try {
    for await (const token of tokens) {
      walker.consume(token as { name: string; value?: unknown });
      while (walker.rows.length) yield walker.rows.shift()!;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('IMPORT_UNPARSEABLE', `The Ghost export is not valid JSON (${message}). Rows read before this point were kept; fix or re-export the file and run the import again.`, { cause: error });
  }
}

/** Rows of a link table (posts_tags, members_labels…) by the row they hang from, with their order. */
type Links = Map<string, { id: string; order: number }[]>;

function addLink(links: Links, from: string, to: string, order: number | null | undefined): void {
  const list = links.get(from) ?? [];
  list.push({ id: to, order: order ?? list.length });
  links.set(from, list);
}

function linked(links: Links, from: string): string[] {
  return (links.get(from) ?? []).sort((a, b) => a.order - b.order).map((l) => l.id);
}

function issue(table: string, index: number, error: z.ZodError): GhostRowProblem {
  const first = error.issues[0];
  return { table, index, message: `${first?.path.join('.') || 'row'}: ${first?.message ?? 'invalid'}` };
}

function oversized(row: Extract<WalkedRow, { kind: 'oversized' }>): GhostRowProblem {
  return { table: row.table, index: row.index, message: `row is too large (${row.chars.toLocaleString('en')} characters of text); skipped` };
}

/**
 * Opens a Ghost JSON export (0.x to 5.x, wrapped or flat). The first pass reads everything but
 * posts and members, which is small (of members it keeps only their links to labels and
 * newsletters, a few bytes each); posts and members stream on later passes, so the memory used
 * does not grow with the size of the articles.
 */
export async function readGhostExport(file: string, limits: GhostReadLimits = DEFAULT_LIMITS): Promise<GhostExport> {
  let exportedOn: string | null = null;
  let version: string | null = null;
  let sawData = false;
  const problems: GhostRowProblem[] = [];
  const side = { tags: [] as GhostTagRecord[], users: [] as GhostUserRecord[], settings: {} as Record<string, unknown> };
  const postTags: Links = new Map();
  const postAuthors: Links = new Map();
  const postMeta = new Map<string, GhostPostMetaRecord>();
  const labelNames = new Map<string, string>();
  const memberLabels: Links = new Map();
  const subscribedMembers = new Set<string>();

  for await (const row of walk(file, (t) => t in ghostSideTables || t === 'posts', limits)) {
    if (row.kind === 'meta') {
      const meta = (row.value ?? {}) as { exported_on?: unknown; version?: unknown };
      const on = typeof meta.exported_on === 'number' || typeof meta.exported_on === 'string' ? new Date(meta.exported_on) : null;
      exportedOn = on && !Number.isNaN(on.getTime()) ? on.toISOString() : null;
      version = typeof meta.version === 'string' ? meta.version : null;
      continue;
    }
    sawData = true;
    if (row.table === 'posts') continue; // counted as present; read on the second pass
    if (row.kind === 'oversized') { problems.push(oversized(row)); continue; }
    const table = row.table as GhostSideTable;
    const parsed = ghostSideTables[table].safeParse(row.value);
    if (!parsed.success) { problems.push(issue(table, row.index, parsed.error)); continue; }
    const value = parsed.data;
    switch (table) {
      case 'tags': side.tags.push(value as GhostTagRecord); break;
      case 'users': side.users.push(value as GhostUserRecord); break;
      case 'settings': { const s = value as { key: string; value: unknown }; side.settings[s.key] = s.value; break; }
      case 'posts_tags': { const l = value as { post_id: string; tag_id: string; sort_order?: number | null }; addLink(postTags, l.post_id, l.tag_id, l.sort_order); break; }
      case 'posts_authors': { const l = value as { post_id: string; author_id: string; sort_order?: number | null }; addLink(postAuthors, l.post_id, l.author_id, l.sort_order); break; }
      case 'posts_meta': { const m = value as GhostPostMetaRecord; postMeta.set(m.post_id, m); break; }
      case 'labels': { const l = value as { id: string; name: string }; labelNames.set(l.id, l.name); break; }
      case 'members_labels': { const l = value as { member_id: string; label_id: string; sort_order?: number | null }; addLink(memberLabels, l.member_id, l.label_id, l.sort_order); break; }
      case 'members_newsletters': subscribedMembers.add((value as { member_id: string }).member_id); break;
    }
  }
  if (!sawData && exportedOn === null) {
    throw new AppError('IMPORT_UNPARSEABLE', 'This JSON file is not a Ghost export: it has no "data" tables and no "meta". Export the site from Ghost Admin → Settings → Migration tools → Export content.');
  }

  const tagsById = new Map(side.tags.map((t) => [t.id, t]));
  const usersById = new Map(side.users.filter((u) => u.id).map((u) => [u.id!, u]));
  // Old bundles carry one user without an id: the author of every post.
  const soleUser = side.users.length === 1 ? side.users[0]! : null;

  async function* posts(): AsyncGenerator<GhostStreamItem<GhostPostItem>> {
    for await (const row of walk(file, (t) => t === 'posts', limits)) {
      if (row.kind === 'meta') continue;
      if (row.kind === 'oversized') { yield { ok: false, problem: oversized(row) }; continue; }
      const parsed = ghostPostRecord.safeParse(row.value);
      if (!parsed.success) { yield { ok: false, problem: issue('posts', row.index, parsed.error) }; continue; }
      const post = parsed.data;
      const tags = linked(postTags, post.id).map((id) => tagsById.get(id)).filter((t): t is GhostTagRecord => !!t);
      let authors = linked(postAuthors, post.id).map((id) => usersById.get(id)).filter((u): u is GhostUserRecord => !!u);
      if (!authors.length && post.author_id) authors = [usersById.get(post.author_id) ?? soleUser].filter((u): u is GhostUserRecord => !!u);
      if (!authors.length && soleUser) authors = [soleUser];
      yield { ok: true, item: { index: row.index, post, tags, authors, meta: postMeta.get(post.id) ?? null } };
    }
  }

  async function* members(): AsyncGenerator<GhostStreamItem<GhostMemberItem>> {
    for await (const row of walk(file, (t) => t === 'members', limits)) {
      if (row.kind === 'meta') continue;
      if (row.kind === 'oversized') { yield { ok: false, problem: oversized(row) }; continue; }
      const parsed = ghostMemberRecord.safeParse(row.value);
      if (!parsed.success) { yield { ok: false, problem: issue('members', row.index, parsed.error) }; continue; }
      const member = parsed.data;
      const labels = linked(memberLabels, member.id).map((id) => labelNames.get(id)).filter((n): n is string => !!n);
      yield { ok: true, item: { index: row.index, member, labels: [...new Set(labels)], inNewsletters: subscribedMembers.has(member.id) } };
    }
  }

  return { exportedOn, version, ...side, problems, posts, members };
}
