import type { Article } from '../../domain/article.js';
import { isAppError, type AppError } from '../../domain/errors.js';
import type { ArticleId } from '../../domain/ids.js';
import { canonicalUrlOf, cleanFilename, type MediaItem } from '../../domain/media.js';
import { tags, type ContentEvents } from '../content-events.js';
import type { MediaUpload } from '../media-service.js';
import type { Clock, Store } from '../ports.js';
import { isRemoteImageUrl, remoteImageUrls, replaceImageUrls } from './article-image-urls.js';
import type { RemoteMediaSource } from './import-media-ports.js';

/** What became of one address during a run. */
export interface SiteMediaOutcome {
  url: string;
  /** `downloaded` new to the library; `reused` already there (same address earlier, or the same bytes); `external` left where it is. */
  state: 'downloaded' | 'reused' | 'external';
  /** Why it stays external, starting with a short kind: `refused`, `too big`, `not an image`, `timed out`, `not found`, `unreachable`. */
  reason: string | null;
  /** The attachment or article that asked for it first in this run. */
  usedBy: string;
}

export interface SiteMediaReport {
  downloaded: number;
  reused: number;
  /** Every address left external in this run, with the reason and the first item that uses it. */
  external: SiteMediaOutcome[];
  articlesUpdated: number;
}

export interface SiteMediaImportDeps {
  store: Store;
  clock: Clock;
  events: ContentEvents;
  media: { importImage(input: MediaUpload): Promise<{ item: MediaItem; created: boolean }> };
  remote: RemoteMediaSource;
}

/** After this many failures in a row that say a host is down, its other files are not tried in this run. */
const HOST_FAILURES_BEFORE_GIVING_UP = 3;
const PAGE = 200;

type Resolved = { state: 'stored'; localUrl: string } | { state: 'external'; reason: string };

/**
 * Copies an imported site's media into the library and points its articles at the copies: every
 * article's feature image, the images in its body and image files it links to, then the
 * attachments the import kept as links that no article showed. It runs after the item import, over what that recorded, so it works the same on a first
 * run, a resumed one, or a later run on a site imported without media.
 *
 * Each address is fetched once per source: the outcome (library item, or the reason it stays
 * external) is recorded in `import_media`, and the library stores identical bytes once. Each
 * article's rewrite is its own transaction. Addresses that failed are not tried again unless
 * `retryFailed` is set.
 */
export class SiteMediaImport {
  constructor(private readonly deps: SiteMediaImportDeps) {}

  async run(sourceKey: string, options: { retryFailed?: boolean } = {}, onOutcome: (outcome: SiteMediaOutcome) => void = () => undefined): Promise<SiteMediaReport> {
    const run = new MediaRun(this.deps, sourceKey, options.retryFailed ?? false, onOutcome);
    for (let after = ''; ;) {
      const page = await this.deps.store.importMedia.externalItems(sourceKey, after, PAGE);
      for (const item of page) run.attachments.add(item.url);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.originKey;
    }
    // Articles first, so an image is stored with the alt text the article gives it.
    for (let after = ''; ;) {
      const page = await this.deps.store.importMedia.importedArticles(sourceKey, after, PAGE);
      for (const id of page) await run.localizeArticle(id);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!;
    }
    for (let after = ''; ;) {
      const page = await this.deps.store.importMedia.externalItems(sourceKey, after, PAGE);
      for (const item of page) await run.resolve(item.url, `attachment ${item.originKey}`, '');
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.originKey;
    }
    if (run.report.articlesUpdated > 0) this.deps.events.publish({ tags: [tags.everything] });
    return run.report;
  }
}

/** The state of one run: what is known of each address, and which hosts stopped answering. */
class MediaRun {
  readonly report: SiteMediaReport = { downloaded: 0, reused: 0, external: [], articlesUpdated: 0 };
  private readonly known = new Map<string, Resolved>();
  private readonly hostFailures = new Map<string, number>();
  /** Addresses of the export's attachments (original files). */
  readonly attachments = new Set<string>();

  constructor(
    private readonly deps: SiteMediaImportDeps,
    private readonly sourceKey: string,
    private readonly retryFailed: boolean,
    private readonly onOutcome: (outcome: SiteMediaOutcome) => void,
  ) {}

  async localizeArticle(id: ArticleId): Promise<void> {
    const { store } = this.deps;
    const article = await store.articles.getById(id);
    if (!article) return;
    const label = `article "${article.title.slice(0, 60)}"`;
    const wanted = remoteImageUrls(article.bodyHtml);
    const feature = article.featureImage?.url;
    if (feature && isRemoteImageUrl(feature) && !wanted.includes(feature)) wanted.unshift(feature);
    const replacements = new Map<string, string>();
    for (const url of wanted) {
      const resolved = await this.resolve(this.originalOf(url), label, url === feature ? article.featureImage?.alt ?? '' : '');
      if (resolved.state === 'stored') replacements.set(url, resolved.localUrl);
    }
    // Links to an image file (WordPress's "link to media file" around a smaller size) are copied too.
    for (const href of linkedFiles(article.bodyHtml)) {
      const resolved = await this.resolve(href, label, '');
      if (resolved.state === 'stored') replacements.set(href, resolved.localUrl);
    }
    if (replacements.size === 0) return;
    const changed = await store.transaction(async (tx) => {
      const current = await tx.articles.getById(id);
      if (!current) return false;
      const next = localized(current, replacements);
      if (next.bodyHtml === current.bodyHtml && next.featureImage?.url === current.featureImage?.url) return false;
      await tx.articles.update(next);
      return true;
    });
    if (changed) this.report.articlesUpdated++;
  }

  /**
   * WordPress puts resized copies in posts (`photo-300x200.jpg` for the attachment `photo.jpg`);
   * the library makes its own sizes, so it takes the original when the export has it.
   */
  private originalOf(url: string): string {
    const original = url.replace(/-\d+x\d+(\.[a-z0-9]+)(?=$|[?#])/i, '$1');
    return original !== url && this.attachments.has(original) ? original : url;
  }

  /** The library URL for an address, downloading it when nothing is recorded for it yet. */
  async resolve(url: string, usedBy: string, altText: string): Promise<Resolved> {
    const known = this.known.get(url);
    if (known) return known;
    const recorded = await this.recorded(url);
    let resolved: Resolved;
    let state: SiteMediaOutcome['state'];
    if (recorded && (recorded.state === 'stored' || !this.retryFailed)) {
      resolved = recorded;
      state = recorded.state === 'stored' ? 'reused' : 'external';
    } else {
      ({ resolved, state } = await this.download(url, altText));
    }
    this.known.set(url, resolved);
    const outcome: SiteMediaOutcome = { url, state, reason: resolved.state === 'external' ? resolved.reason : null, usedBy };
    if (state === 'external') this.report.external.push(outcome);
    else this.report[state]++;
    this.onOutcome(outcome);
    return resolved;
  }

  private async recorded(url: string): Promise<Resolved | null> {
    const { store } = this.deps;
    const entry = await store.importMedia.find(this.sourceKey, url);
    if (!entry) return null;
    if (entry.state === 'external') return { state: 'external', reason: entry.reason ?? 'left at its address' };
    const item = entry.mediaId ? await store.media.getById(entry.mediaId) : null;
    const localUrl = item ? canonicalUrlOf(item) : null;
    // Removed from the library since: fetch it again.
    return localUrl ? { state: 'stored', localUrl } : null;
  }

  private async download(url: string, altText: string): Promise<{ resolved: Resolved; state: SiteMediaOutcome['state'] }> {
    const { store, clock, remote, media } = this.deps;
    const host = hostOf(url);
    const failures = this.hostFailures.get(host) ?? 0;
    if (failures >= HOST_FAILURES_BEFORE_GIVING_UP) {
      // Not recorded: the next run tries the host again.
      return { resolved: { state: 'external', reason: `unreachable: not tried, ${host} failed to answer ${failures} times in a row in this run` }, state: 'external' };
    }
    try {
      const fetched = await remote.fetch(url);
      const { item, created } = await media.importImage({ bytes: fetched.bytes, filename: filenameOf(fetched.url), description: { altText } });
      this.hostFailures.set(host, 0);
      await store.importMedia.record({ sourceKey: this.sourceKey, url, state: 'stored', mediaId: item.id, reason: null, at: clock.now() });
      return { resolved: { state: 'stored', localUrl: canonicalUrlOf(item)! }, state: created ? 'downloaded' : 'reused' };
    } catch (error) {
      if (!isAppError(error)) throw error;
      const reason = reasonOf(error);
      if (/^(unreachable|timed out)/.test(reason)) this.hostFailures.set(host, failures + 1);
      await store.importMedia.record({ sourceKey: this.sourceKey, url, state: 'external', mediaId: null, reason, at: clock.now() });
      return { resolved: { state: 'external', reason }, state: 'external' };
    }
  }
}

/** The article with its images at their library addresses. */
function localized(article: Article, replacements: ReadonlyMap<string, string>): Article {
  const bodyHtml = replaceImageUrls(article.bodyHtml, replacements);
  const featureUrl = article.featureImage ? replacements.get(article.featureImage.url) : undefined;
  return {
    ...article,
    bodyHtml,
    bodySource: article.bodyFormat === 'html' ? replaceImageUrls(article.bodySource, replacements) : article.bodySource,
    featureImage: article.featureImage && featureUrl ? { ...article.featureImage, url: featureUrl } : article.featureImage,
  };
}

/** Remote `<a href>` targets that name an image file. */
function linkedFiles(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*?\shref="(https?:\/\/[^"]+\.(?:jpe?g|png|gif|webp|avif))"/gi)) found.add(m[1]!.replace(/&amp;/g, '&'));
  return [...found];
}

/** A short kind the owner can scan, then the fetcher's or the library's own message. */
function reasonOf(error: AppError): string {
  const detail = typeof error.details?.reason === 'string' ? error.details.reason : null;
  const status = typeof error.details?.status === 'number' ? error.details.status : null;
  let kind: string;
  if (error.code === 'FETCH_REFUSED') kind = 'refused';
  else if (detail === 'too-large' || error.code === 'MEDIA_TOO_LARGE' || error.code === 'MEDIA_TOO_MANY_PIXELS') kind = 'too big';
  else if (detail === 'timeout') kind = 'timed out';
  else if (detail === 'unsupported-content-type' || error.code === 'MEDIA_NOT_AN_IMAGE' || error.code === 'MEDIA_TYPE_REFUSED' || error.code === 'MEDIA_UNREADABLE') kind = 'not an image';
  else if (detail === 'http-status' && (status === 404 || status === 410)) kind = 'not found';
  else if (detail === 'http-status') kind = 'refused by the old site';
  else kind = 'unreachable';
  return `${kind}: ${error.message}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function filenameOf(url: string): string {
  try {
    return cleanFilename(decodeURIComponent(new URL(url).pathname));
  } catch {
    return cleanFilename(url);
  }
}
