import type { CommentKind, CommentStatus } from '../../domain/comment.js';
import type { Instant } from '../../domain/ids.js';

/**
 * What a site importer (WordPress, Ghost, …) reads from an export, in the export's own terms and
 * keyed by origin keys (`wxr:post:123`, `wxr:author:ann`, `wxr:term:category:news`). The site
 * import service maps these onto the site's authors and taxonomies and writes each one, with
 * its checkpoint, in one transaction.
 */
export type SiteImportEvent =
  | { type: 'author'; author: SiteAuthorDraft }
  | { type: 'term'; term: SiteTermDraft }
  | { type: 'article'; article: SiteArticleDraft }
  /** A reader who subscribed to the old site (Ghost members). */
  | { type: 'member'; member: SiteMemberDraft }
  /** Something in the export that is not imported, with the reason. */
  | { type: 'skip'; originKey: string; label: string; reason: string }
  /** Media left where it is (the old site), with the reason; recorded so the report can list it. */
  | { type: 'external'; originKey: string; label: string; url: string; reason: string }
  /** The export cannot be read further; what came before stays. */
  | { type: 'fatal'; reason: string };

export interface SiteAuthorDraft {
  originKey: string;
  /** The login or other handle the export's items use to name the author. */
  handle: string;
  name: string;
  email: string | null;
  problems: string[];
}

export interface SiteTermDraft {
  originKey: string;
  /** The export's taxonomy (`category`, `post_tag`, a Ghost tag's visibility…), looked up in the mapping. */
  sourceTaxonomy: string;
  name: string;
  slug: string;
  /** The parent's origin key, when the export has a tree. */
  parentKey: string | null;
  description: string | null;
  problems: string[];
}

export interface SiteMemberDraft {
  originKey: string;
  email: string;
  name: string | null;
  note: string | null;
  /** The export's word (`free`, `paid`, `comped`); mapped onto Dateline's member statuses. */
  status: string | null;
  subscribed: boolean;
  labels: string[];
  createdAt: Instant | null;
  updatedAt: Instant | null;
}

export interface SiteCommentDraft {
  originKey: string;
  parentKey: string | null;
  kind: CommentKind;
  authorName: string;
  authorEmail: string | null;
  authorUrl: string | null;
  /** HTML as the export has it; sanitized before it is stored. */
  bodyHtml: string;
  status: CommentStatus;
  createdAt: Instant | null;
}

export interface SiteArticleDraft {
  originKey: string;
  /** The export's post type (`post`, `page`), looked up in the mapping. */
  postType: string;
  title: string;
  /** The slug the article had; kept when free. */
  slug: string;
  /** HTML as converted from the export's markup; sanitized before it is stored. */
  bodyHtml: string;
  excerpt: string | null;
  language: string | null;
  status: 'published' | 'draft' | 'scheduled';
  publishedAt: Instant | null;
  createdAt: Instant | null;
  updatedAt: Instant | null;
  sticky: boolean;
  /** Origin keys of the authors, and the handles to fall back on when an author was not declared. */
  authors: { originKey: string; handle: string; name: string }[];
  /** Terms by origin key, with what is needed to create one the export did not declare up front. */
  terms: { originKey: string; sourceTaxonomy: string; name: string; slug: string }[];
  featureImage: { url: string; alt: string; caption: string | null } | null;
  /** Attribution found in plugin metadata (original source, canonical URL). */
  original: { url: string | null; publisher: string | null; author: string | null; canonical: boolean } | null;
  comments: SiteCommentDraft[];
  /** Old public paths (with identifying queries, like `/?p=123`) that should lead to the new article. */
  oldPaths: string[];
  /** Things worth telling the owner about this item (kept as draft because private, media left on the old site…). */
  notes: string[];
  problems: string[];
}
