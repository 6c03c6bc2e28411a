import { z } from 'zod';

/**
 * The rows of a Ghost export that Dateline reads, as Ghost 0.x to 5.x write them. Ghost's own
 * columns come and go between versions, so every field is optional and unknown ones are ignored;
 * ids are numbers in 0.x and hex strings later, and are only unique within one file.
 */
const id = z.union([z.string(), z.number()]).transform(String);
const text = z.string().nullish().transform((v) => v ?? null);
/** Epoch milliseconds (0.x) or an ISO string (1.x+). */
const timestamp = z.union([z.string(), z.number()]).nullish().transform((v) => {
  if (v === null || v === undefined || v === '') return null;
  const date = new Date(v);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
});
const flag = z.union([z.boolean(), z.number(), z.string()]).nullish().transform((v) => v === true || v === 1 || v === '1' || v === 'true');

export const ghostPostRecord = z.object({
  id,
  uuid: text,
  title: z.string().nullish().transform((v) => v ?? ''),
  slug: text,
  html: text,
  lexical: text,
  mobiledoc: text,
  markdown: text,
  plaintext: text,
  feature_image: text,
  feature_image_alt: text,
  feature_image_caption: text,
  featured: flag,
  /** 1.x+: 'post' | 'page'; 0.x has `page: 0|1` instead. */
  type: text,
  page: flag,
  status: text,
  visibility: text,
  language: text,
  locale: text,
  custom_excerpt: text,
  meta_title: text,
  meta_description: text,
  canonical_url: text,
  /** 0.x: a single author on the post instead of posts_authors. */
  author_id: id.nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  published_at: timestamp,
});
export type GhostPostRecord = z.infer<typeof ghostPostRecord>;

export const ghostTagRecord = z.object({
  id,
  name: z.string(),
  slug: text,
  description: text,
  parent_id: id.nullish(),
  visibility: text,
  feature_image: text,
});
export type GhostTagRecord = z.infer<typeof ghostTagRecord>;

export const ghostUserRecord = z.object({
  /** Old bundles carry users without an id; they are matched by position as the only author. */
  id: id.nullish(),
  name: z.string(),
  slug: text,
  email: text,
  bio: text,
  website: text,
  location: text,
  profile_image: text,
  status: text,
});
export type GhostUserRecord = z.infer<typeof ghostUserRecord>;

export const ghostPostTagRecord = z.object({ post_id: id, tag_id: id, sort_order: z.number().nullish() });
export const ghostPostAuthorRecord = z.object({ post_id: id, author_id: id, sort_order: z.number().nullish() });
export const ghostPostMetaRecord = z.object({
  post_id: id,
  og_title: text, og_description: text, og_image: text,
  twitter_title: text, twitter_description: text, twitter_image: text,
  meta_title: text, meta_description: text,
  feature_image_alt: text, feature_image_caption: text,
});
export type GhostPostMetaRecord = z.infer<typeof ghostPostMetaRecord>;

export const ghostSettingRecord = z.object({ key: z.string(), value: z.unknown() });

export const ghostMemberRecord = z.object({
  id,
  email: z.string(),
  name: text,
  note: text,
  /** 'free' | 'paid' | 'comped' (Ghost 3+); absent before paid memberships existed. */
  status: text,
  /** Ghost up to 4.x; Ghost 5 records newsletter subscriptions in members_newsletters instead. */
  subscribed: z.union([z.boolean(), z.number(), z.string()]).nullish().transform((v) => (v === null || v === undefined ? null : v === true || v === 1 || v === '1' || v === 'true')),
  created_at: timestamp,
  updated_at: timestamp,
});
export type GhostMemberRecord = z.infer<typeof ghostMemberRecord>;

export const ghostLabelRecord = z.object({ id, name: z.string() });
export const ghostMemberLabelRecord = z.object({ member_id: id, label_id: id, sort_order: z.number().nullish() });
export const ghostMemberNewsletterRecord = z.object({ member_id: id });

/** The tables read in the first pass (everything but posts and members, which are streamed one by one). */
export const ghostSideTables = {
  tags: ghostTagRecord,
  users: ghostUserRecord,
  posts_tags: ghostPostTagRecord,
  posts_authors: ghostPostAuthorRecord,
  posts_meta: ghostPostMetaRecord,
  settings: ghostSettingRecord,
  labels: ghostLabelRecord,
  members_labels: ghostMemberLabelRecord,
  members_newsletters: ghostMemberNewsletterRecord,
} as const;
export type GhostSideTable = keyof typeof ghostSideTables;
