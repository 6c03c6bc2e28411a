import { createHash } from 'node:crypto';
import type { CacheTag, ContentEvents } from '../app/content-events.js';

/** A fully rendered response, ready to send again. */
export interface CachedPage {
  status: number;
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: string;
  headers: Record<string, string>;
  tags: readonly CacheTag[];
}

export interface PageCacheOptions {
  maxEntries: number;
  maxBytes: number;
}

/**
 * Rendered pages in memory, keyed by request URL, each recording the cache tags of what it shows.
 * A content change drops exactly the pages sharing one of its tags. Least recently used pages
 * go first when the cache is full.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly keysByTag = new Map<CacheTag, Set<string>>();
  private bytes = 0;
  /** Bumped on every invalidation; a render that straddles one is not stored (it may be stale). */
  private epoch = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: PageCacheOptions = { maxEntries: 20_000, maxBytes: 256 * 1024 * 1024 }) {}

  /** Starts listening for content changes. */
  start(events: ContentEvents): void {
    this.unsubscribe = events.subscribe((change) => this.invalidate(change.tags));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.clear();
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      // Re-insert to mark as recently used.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  /** The current epoch; pass it back to `set` so stale renders are discarded. */
  begin(): number {
    return this.epoch;
  }

  /** Builds and stores a page (unless an invalidation happened since `startedAt`); returns it either way. */
  set(key: string, startedAt: number, page: Omit<CachedPage, 'etag' | 'lastModified'> & { lastModified?: string }): CachedPage {
    const entry: CachedPage = {
      ...page,
      etag: `"${createHash('sha1').update(page.body).digest('base64url')}"`,
      lastModified: page.lastModified ?? new Date().toUTCString(),
    };
    if (startedAt !== this.epoch || entry.body.length > this.options.maxBytes / 4) return entry;
    this.remove(key);
    this.pages.set(key, entry);
    this.bytes += entry.body.length;
    for (const tag of entry.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.evict();
    return entry;
  }

  /** Drops every page that shows something tagged with one of `tags`; the tag `*` drops everything. */
  invalidate(tags: readonly CacheTag[]): void {
    if (tags.includes('*')) return this.clear();
    this.epoch++;
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) this.remove(key);
    }
  }

  clear(): void {
    this.epoch++;
    this.pages.clear();
    this.keysByTag.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.pages.size;
  }

  private remove(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.body.length;
    for (const tag of page.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }

  private evict(): void {
    for (const key of this.pages.keys()) {
      if (this.pages.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.remove(key);
    }
  }
}
