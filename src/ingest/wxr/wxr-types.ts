/** What a WordPress export (WXR 1.0–1.2) holds, as read from the file, before any mapping. */

export interface WxrSite {
  title: string;
  link: string;
  description: string;
  language: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  wxrVersion: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

/** A category, tag or term of another taxonomy declared in the channel. */
export interface WxrTerm {
  /** `category`, `post_tag`, or the custom taxonomy's name. */
  taxonomy: string;
  id: string;
  slug: string;
  name: string;
  /** The parent's slug (WordPress names parents by nicename). */
  parentSlug: string;
  description: string;
}

export interface WxrMeta { key: string; value: string }

export interface WxrComment {
  id: string;
  author: string;
  authorEmail: string;
  authorUrl: string;
  date: string;
  dateGmt: string;
  content: string;
  /** `1`, `0`, `spam`, `trash`. */
  approved: string;
  /** ``, `comment`, `pingback`, `trackback`. */
  type: string;
  parentId: string;
  meta: WxrMeta[];
}

/** A term an item carries: `<category domain="post_tag" nicename="x">X</category>`. */
export interface WxrItemTerm { domain: string; slug: string; name: string }

export interface WxrItem {
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  description: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postModifiedGmt: string;
  postName: string;
  status: string;
  postParent: string;
  menuOrder: string;
  postType: string;
  postPassword: string;
  isSticky: string;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: WxrMeta[];
  comments: WxrComment[];
}

/** What the reader yields, in file order. `problems` are the item's own, found while reading it. */
export type WxrEvent =
  | { type: 'site'; site: WxrSite }
  | { type: 'author'; author: WxrAuthor; problems: string[] }
  | { type: 'term'; term: WxrTerm; problems: string[] }
  | { type: 'item'; item: WxrItem; index: number; problems: string[] }
  /** The file cannot be read further (not XML, truncated, hostile); everything yielded before stands. */
  | { type: 'fatal'; reason: string; line: number | null };
