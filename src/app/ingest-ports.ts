import type { ImportDraft } from './import-service.js';

/** A document fetched from outside, as bytes with what the server said about them. */
export interface FetchedResource {
  /** The final URL after redirects. */
  url: string;
  body: Buffer;
  contentType: string | null;
  charset: string | null;
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome = { status: 'ok'; resource: FetchedResource } | { status: 'not-modified' };

/** The only way app/ reaches the network: public addresses only, bounded in size and time. */
export interface ResourceFetcher {
  fetch(url: string, request: { accept: 'html' | 'feed' | 'any'; etag?: string | null; lastModified?: string | null }): Promise<FetchOutcome>;
}

/** One item of a feed, mapped to a draft. */
export interface FeedEntry {
  guid: string | null;
  url: string | null;
  draft: ImportDraft;
  /** False when the feed carries only a summary: the full page should be fetched and extracted. */
  hasFullContent: boolean;
}

export interface FeedDocument {
  title: string | null;
  siteUrl: string | null;
  entries: FeedEntry[];
  problems: { item: number | null; message: string }[];
}

/** Parses a feed document (RSS, Atom, JSON Feed). Throws an AppError when it is not a usable feed. */
export interface FeedDocumentReader {
  read(resource: FetchedResource): FeedDocument;
}

/** Extracts the article from a web page. Throws an AppError when there is none. */
export interface PageReader {
  read(resource: FetchedResource): ImportDraft;
}
