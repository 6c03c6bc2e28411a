import { createHash } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import type { IdGenerator } from '../domain/ids.js';
import {
  fallbackFormat, itemKeyPrefix, sniffImageType, variantKey, widthsFor, mimeOf,
  type MediaFormat, type MediaId, type MediaItem,
} from '../domain/media.js';
import { paginate, type PageInfo } from '../domain/pagination.js';
import { can, type User } from '../domain/staff.js';
import { tags, type ContentEvents } from './content-events.js';
import type { ImageProcessor, MediaFileStore, StoredFile } from './media-ports.js';
import type { Clock, Store } from './ports.js';
import { createWorkLimit } from './work-limit.js';

export interface MediaDescription {
  altText: string;
  caption: string | null;
  credit: string | null;
}

export interface MediaUpload {
  bytes: Uint8Array;
  filename: string;
  description?: Partial<MediaDescription>;
}

export interface MediaServiceDeps {
  store: Store;
  clock: Clock;
  newId: IdGenerator;
  events: ContentEvents;
  images: ImageProcessor;
  files: MediaFileStore;
  limits: { maxBytes: number };
}

const sha256Hex = /^[0-9a-f]{64}$/;

/** The media library: uploads become clean responsive renditions; editors describe and remove items. */
export class MediaService {
  /** Decoding a 50-megapixel image takes hundreds of megabytes: a few at a time, the rest queue. */
  private readonly processing = createWorkLimit(2);

  constructor(private readonly deps: MediaServiceDeps) {}

  /**
   * Stores an uploaded image: the bytes must be an accepted image type whatever the name says,
   * within the size and pixel limits. The same file uploaded again returns the existing item.
   */
  async upload(input: MediaUpload, actor: User): Promise<{ item: MediaItem; created: boolean }> {
    requireUpload(actor);
    return this.store(input, actor.id);
  }

  /**
   * Stores an image a site import brought from the old site, under the same checks as an upload
   * but credited to no one (the import runs from the command line, not as one of the staff).
   */
  importImage(input: MediaUpload): Promise<{ item: MediaItem; created: boolean }> {
    return this.store(input, null);
  }

  private async store(input: MediaUpload, uploadedBy: User['id'] | null): Promise<{ item: MediaItem; created: boolean }> {
    const { store, files, images } = this.deps;
    if (input.bytes.byteLength > this.deps.limits.maxBytes) throw tooLarge(this.deps.limits.maxBytes);
    const type = sniffImageType(input.bytes);
    if (type === null) throw new AppError('MEDIA_NOT_AN_IMAGE', 'This file is not an image. Upload a JPEG, PNG, GIF, WebP or AVIF file.', { details: { filename: input.filename } });
    if (type === 'svg') {
      throw new AppError('MEDIA_TYPE_REFUSED', 'SVG drawings are not accepted: they can carry scripts. Export the drawing as PNG and upload that.', { details: { type } });
    }
    if (type === 'other-image') {
      throw new AppError('MEDIA_TYPE_REFUSED', 'This image type (such as HEIC, TIFF or BMP) is not accepted. Save it as JPEG or PNG and upload that.', { details: { type } });
    }
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const existing = await store.media.getBySha256(sha256);
    if (existing) return { item: existing, created: false };

    const { facts, renditions } = await this.processing(async () => {
      const found = await images.inspect(input.bytes, type);
      const formats: MediaFormat[] = ['avif', 'webp', fallbackFormat(found.hasAlpha)];
      return { facts: found, renditions: await images.render(input.bytes, widthsFor(found.width).flatMap((width) => formats.map((format) => ({ width, format })))) };
    });
    const variants = [];
    for (const r of renditions) {
      const path = variantKey(sha256, r.width, r.format);
      await files.put(path, r.bytes);
      variants.push({ width: r.width, height: r.height, format: r.format, path, bytes: r.bytes.byteLength });
    }
    const item: MediaItem = {
      id: this.deps.newId() as MediaId, originalFilename: input.filename, mime: mimeOf(type),
      width: facts.width, height: facts.height, bytes: input.bytes.byteLength, sha256,
      ...cleanDescription({ altText: '', caption: null, credit: null, ...input.description }),
      uploadedBy, createdAt: this.deps.clock.now(), variants,
    };
    try {
      await store.media.insert(item);
    } catch (error) {
      // The same file uploaded twice at once: the other upload won and wrote the same bytes.
      const winner = await store.media.getBySha256(sha256);
      if (winner) return { item: winner, created: false };
      await files.deletePrefix(itemKeyPrefix(sha256));
      throw error;
    }
    return { item, created: true };
  }

  /** A page of the library, newest first. */
  async list(page: number, pageSize: number): Promise<{ items: MediaItem[]; page: PageInfo }> {
    const info = paginate(page, pageSize, await this.deps.store.media.count());
    return { items: await this.deps.store.media.list({ offset: info.offset, limit: pageSize }), page: info };
  }

  async get(id: MediaId): Promise<MediaItem> {
    const item = await this.deps.store.media.getById(id);
    if (!item) throw notFound(id);
    return item;
  }

  /** Library items by the hash in their URLs (for pages that show them). */
  bySha256(sha256s: readonly string[]): Promise<MediaItem[]> {
    return this.deps.store.media.getManyBySha256(sha256s);
  }

  /** Sets alt text, caption and credit; pages showing the item are refreshed. */
  async describe(id: MediaId, description: MediaDescription, actor: User): Promise<MediaItem> {
    const { store } = this.deps;
    return store.transaction(async (tx) => {
      const item = await tx.media.getById(id);
      if (!item) throw notFound(id);
      requireManage(actor, item);
      const clean = cleanDescription(description);
      await tx.media.updateDescription(id, clean);
      tx.afterCommit(() => this.deps.events.publish({ tags: [tags.media(id)] }));
      return { ...item, ...clean };
    });
  }

  /**
   * Removes an item and its files. An item still shown by an article (as feature image or in the
   * body) is refused with the articles named, so no published page loses its picture silently.
   */
  async delete(id: MediaId, actor: User): Promise<void> {
    const { store, files } = this.deps;
    const item = await store.transaction(async (tx) => {
      const found = await tx.media.getById(id);
      if (!found) throw notFound(id);
      requireManage(actor, found);
      const users = await tx.media.articlesUsing(found.sha256, 10);
      if (users.length > 0) {
        throw new AppError('MEDIA_IN_USE', `This image is used by ${users.length === 10 ? 'at least 10 articles' : users.length === 1 ? 'an article' : `${users.length} articles`} (${users.map((u) => `"${u.title}"`).join(', ')}). Replace it there first.`, {
          details: { articles: users },
        });
      }
      await tx.media.delete(id);
      return found;
    });
    await files.deletePrefix(itemKeyPrefix(item.sha256));
    this.deps.events.publish({ tags: [tags.media(id)] });
  }

  /** Articles that show the item (as feature image or in the body), at most `limit`. */
  async usage(id: MediaId, limit = 20): Promise<{ id: string; title: string }[]> {
    return this.deps.store.media.articlesUsing((await this.get(id)).sha256, limit);
  }

  /** A rendition's file for the public URL `/media/<sha256>/<width>.<ext>`, or null. */
  openVariant(sha256: string, width: number, format: MediaFormat): Promise<StoredFile | null> {
    if (!sha256Hex.test(sha256) || !Number.isInteger(width) || width < 1 || width > 100_000) return Promise.resolve(null);
    return this.deps.files.open(variantKey(sha256, width, format));
  }
}

/** Who uploaded an item may describe or remove it; so may anyone who edits every article (editors and above). */
function requireManage(actor: User, item: MediaItem): void {
  requireUpload(actor);
  if (!mayChangeMedia(actor, item)) {
    throw new AppError('NOT_ALLOWED', `Your role (${actor.role}) allows changing only the images you uploaded yourself.`, { details: { capability: 'article.edit-any' } });
  }
}

/** True when `actor` may describe or delete `item`: their own upload, or any item for editors and above. */
export function mayChangeMedia(actor: User, item: MediaItem): boolean {
  return can(actor.role, 'media.upload') && (item.uploadedBy === actor.id || can(actor.role, 'article.edit-any'));
}

function requireUpload(actor: User): void {
  if (!can(actor.role, 'media.upload')) {
    throw new AppError('NOT_ALLOWED', `Your role (${actor.role}) does not allow working with the media library.`, { details: { capability: 'media.upload' } });
  }
}

/** An upload over the size cap, as refused by the service or by the HTTP layer while streaming. */
export function tooLarge(maxBytes: number): AppError {
  return new AppError('MEDIA_TOO_LARGE', `The file is larger than the ${(maxBytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB limit. Make it smaller and upload it again.`, { details: { maxBytes } });
}

function notFound(id: string): AppError {
  return new AppError('MEDIA_NOT_FOUND', 'There is no such image in the media library; it may have been removed.', { details: { id } });
}

function cleanDescription(d: MediaDescription): MediaDescription {
  const text = (value: string | null, max: number) => {
    const trimmed = value?.trim().slice(0, max) ?? '';
    return trimmed || null;
  };
  return { altText: text(d.altText, 1000) ?? '', caption: text(d.caption, 2000), credit: text(d.credit, 500) };
}
