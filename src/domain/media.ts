import type { Brand, Instant } from './ids.js';
import type { UserId } from './staff.js';

export type MediaId = Brand<string, 'MediaId'>;

/** Formats Dateline writes; AVIF and WebP for modern browsers, JPEG or PNG as the fallback every browser reads. */
export const mediaFormats = ['avif', 'webp', 'jpeg', 'png'] as const;
export type MediaFormat = (typeof mediaFormats)[number];

/** Image types accepted as uploads, recognised by their first bytes. */
export const acceptedImageTypes = ['jpeg', 'png', 'gif', 'webp', 'avif'] as const;
export type AcceptedImageType = (typeof acceptedImageTypes)[number];

/** What the first bytes of an upload say it is; `svg` and `other-image` are recognised only to be refused with a reason. */
export type SniffedType = AcceptedImageType | 'svg' | 'other-image' | null;

/** Widths (CSS pixels) of the responsive variants; an image narrower than one is never upscaled to it. */
export const variantWidths = [320, 640, 960, 1280, 1920] as const;

/** Defaults of the upload limits (overridable in configuration). */
export const DEFAULT_MEDIA_MAX_BYTES = 20 * 1024 * 1024;
/** 50 megapixels: more than any camera's photo, far less than a decompression bomb. */
export const DEFAULT_MEDIA_MAX_PIXELS = 50_000_000;

/** One stored rendition of an image. `path` is the file store's key. */
export interface MediaVariant {
  width: number;
  height: number;
  format: MediaFormat;
  path: string;
  bytes: number;
}

/** An image in the media library. `sha256` is of the uploaded bytes: the same file uploaded twice is one item. */
export interface MediaItem {
  id: MediaId;
  originalFilename: string;
  /** The type found in the bytes (not the one the browser declared). */
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  altText: string;
  caption: string | null;
  credit: string | null;
  uploadedBy: UserId | null;
  createdAt: Instant;
  variants: MediaVariant[];
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** The image type the bytes themselves declare, whatever the file name or the declared type say. */
export function sniffImageType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brands = ascii(bytes, 8, 12);
    if (brands === 'avif' || brands === 'avis') return 'avif';
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brands)) return 'other-image';
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) || ascii(bytes, 0, 2) === 'BM') return 'other-image';
  // SVG is text: look past a BOM, whitespace, an XML declaration, comments and a doctype for the root element.
  const head = ascii(bytes, 0, 1024).replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head)) return 'svg';
  return null;
}

/** The MIME type of an accepted image type or a variant format. */
export function mimeOf(type: AcceptedImageType | MediaFormat): string {
  return `image/${type}`;
}

/** The file extension of a variant format. */
export function extensionOf(format: MediaFormat): string {
  return format === 'jpeg' ? 'jpg' : format;
}

/** The format behind a variant's file extension, or null. */
export function formatOfExtension(extension: string): MediaFormat | null {
  if (extension === 'jpg') return 'jpeg';
  return extension === 'avif' || extension === 'webp' || extension === 'png' ? extension : null;
}

/** Widths to render for an image this wide: each standard width it reaches, and its own width when it is narrower than the largest. */
export function widthsFor(originalWidth: number): number[] {
  const widths: number[] = variantWidths.filter((w) => w <= originalWidth);
  const largest = variantWidths[variantWidths.length - 1]!;
  if (originalWidth < largest && !widths.includes(originalWidth)) widths.push(originalWidth);
  return widths;
}

/** The fallback format: PNG keeps transparency, JPEG is smaller for everything else. */
export function fallbackFormat(hasAlpha: boolean): MediaFormat {
  return hasAlpha ? 'png' : 'jpeg';
}

/** The file-store key of a variant; grouped under the item's hash so one prefix holds all of an item's files. */
export function variantKey(sha256: string, width: number, format: MediaFormat): string {
  return `${sha256.slice(0, 2)}/${sha256}/${width}.${extensionOf(format)}`;
}

/** The key prefix holding every file of an item. */
export function itemKeyPrefix(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256}/`;
}

/** The public URL path of a variant. */
export function variantUrl(sha256: string, width: number, format: MediaFormat): string {
  return `/media/${sha256}/${width}.${extensionOf(format)}`;
}

const libraryUrl = /^(?:https?:\/\/[^/]+)?\/media\/([0-9a-f]{64})\/\d+\.(?:avif|webp|jpg|png)(?:[?#].*)?$/;

/** The hash of the library item a URL shows, or null for an image from elsewhere. */
export function mediaHashOfUrl(url: string): string | null {
  return libraryUrl.exec(url)?.[1] ?? null;
}

/** The hashes of library items that `<img src>` attributes in this HTML point at, each once. */
export function mediaHashesInHtml(html: string): string[] {
  if (!html.includes('/media/')) return [];
  const found = new Set<string>();
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc="((?:https?:\/\/[^/"]+)?\/media\/[0-9a-f]{64}\/[^"]*)"/gi)) {
    const hash = mediaHashOfUrl(match[1]!);
    if (hash) found.add(hash);
  }
  return [...found];
}

/** The variants of one format, narrowest first. */
export function variantsOf(item: Pick<MediaItem, 'variants'>, format: MediaFormat): MediaVariant[] {
  return item.variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width);
}

/** The fallback variants of an item (JPEG or PNG), narrowest first. */
export function fallbackVariants(item: Pick<MediaItem, 'variants'>): MediaVariant[] {
  const jpeg = variantsOf(item, 'jpeg');
  return jpeg.length > 0 ? jpeg : variantsOf(item, 'png');
}

/** The URL an editor puts in an article for this item: its widest fallback rendition. */
export function canonicalUrlOf(item: Pick<MediaItem, 'sha256' | 'variants'>): string | null {
  const widest = fallbackVariants(item).at(-1);
  return widest ? variantUrl(item.sha256, widest.width, widest.format) : null;
}

/** A display name for an uploaded file: its base name, without control characters, at most 200 characters. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 200) || 'upload';
}
