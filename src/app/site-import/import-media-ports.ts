import type { ArticleId, Instant } from '../../domain/ids.js';
import type { MediaId } from '../../domain/media.js';

/** What became of one media address of an export: copied into the library, or left where it is and why. */
export interface ImportedMedia {
  sourceKey: string;
  url: string;
  state: 'stored' | 'external';
  mediaId: MediaId | null;
  reason: string | null;
  at: Instant;
}

/**
 * The record of media a site import has dealt with, per source and address, so a repeated or
 * resumed import never fetches an address twice; and the import's own items it works through.
 */
export interface ImportMediaLedger {
  find(sourceKey: string, url: string): Promise<ImportedMedia | null>;
  /** Inserts or replaces the record of this source and address. */
  record(entry: ImportedMedia): Promise<void>;
  /** Every record of a source in a state, by address. */
  list(sourceKey: string, state: ImportedMedia['state']): Promise<ImportedMedia[]>;
  /** Items the site import left as links (attachments), after `afterKey` by origin key, at most `limit`. */
  externalItems(sourceKey: string, afterKey: string, limit: number): Promise<{ originKey: string; url: string }[]>;
  /** Articles the site import created from this source, after `afterId` by id, at most `limit`. */
  importedArticles(sourceKey: string, afterId: string, limit: number): Promise<ArticleId[]>;
}

/**
 * Fetches a file an old site published, for the media library (the safe fetcher in production:
 * public addresses only, size and time capped). Failures are AppErrors whose `details.reason`
 * is the fetcher's code (`forbidden-address`, `too-large`, `timeout`, `unsupported-content-type`,
 * `http-status`, `network`…).
 */
export interface RemoteMediaSource {
  fetch(url: string): Promise<{ bytes: Uint8Array; url: string }>;
}
