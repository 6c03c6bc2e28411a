/**
 * The result of parsing one feed document: feed-level facts, the items, and the problems met on
 * the way. Produced by parseFeed (parse-feed.ts); pure data, no behaviour.
 */

/** The syndication format a document was recognised as, from its content (never its file name). */
export type FeedFormat = 'rss-0.9x' | 'rss-1.0' | 'rss-2.0' | 'atom-1.0' | 'json-feed-1.0' | 'json-feed-1.1' | 'rss-in-json';

/** One story from a feed, normalised across formats. */
export interface FeedItem {
  /** RSS guid / RSS 1.0 rdf:about / Atom id / JSON Feed id. */
  guid: string | null;
  /** Absolute link to the item's page, or null when the feed gives none that can be made absolute. */
  url: string | null;
  /** Plain text: entities decoded, tags stripped, whitespace collapsed. */
  title: string | null;
  authors: string[];
  /** ISO 8601 (UTC). */
  published: string | null;
  /** ISO 8601 (UTC). */
  updated: string | null;
  /** Plain text. */
  summary: string | null;
  /** Full content, sanitized to the article allow-list, URLs absolute. Null when the feed has only a summary. */
  contentHtml: string | null;
  /** False when only a summary is present or the content is very short: fetch the page for the full text. */
  hasFullContent: boolean;
  categories: string[];
  /** Absolute URL of the item's image (enclosure, media:content, media:thumbnail, JSON image). */
  image: string | null;
  /** The item's language, else the feed's. */
  language: string | null;
  /** The item's rights or copyright line, else the feed's. Plain text. */
  rights: string | null;
  /** Where the item was originally published, when the feed says (RSS <source>, Atom <source>). */
  source: { title: string | null; url: string | null } | null;
}

/** A problem that did not stop the parse. `item` is the item's 0-based position in the document, null for the feed. */
export interface FeedProblem {
  item: number | null;
  message: string;
}

/** A parsed feed document. */
export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  siteUrl: string | null;
  feedUrl: string | null;
  language: string | null;
  rights: string | null;
  items: FeedItem[];
  problems: FeedProblem[];
}

/** Options for parseFeed: the URL the feed was fetched from (base for relative links) and the HTTP Content-Type. */
export interface ParseFeedOptions {
  url?: string | null;
  contentType?: string | null;
}
