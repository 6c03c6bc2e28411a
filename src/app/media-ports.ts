import type { AcceptedImageType, MediaFormat } from '../domain/media.js';

/** What an image says about itself once decoded far enough to read its header. */
export interface ImageFacts {
  type: AcceptedImageType;
  /** After auto-orientation (a portrait photo stored sideways reports its upright size). */
  width: number;
  height: number;
  hasAlpha: boolean;
}

/** One rendition to produce. */
export interface RenditionRequest {
  width: number;
  format: MediaFormat;
}

export interface Rendition extends RenditionRequest {
  height: number;
  bytes: Uint8Array;
}

/**
 * Decodes and re-encodes images (sharp in production). Implementations refuse bytes that are not
 * a complete image of an accepted type, and images over the pixel limit, with an AppError; every
 * rendition is upright and carries no metadata (EXIF, GPS, XMP, IPTC, comments).
 */
export interface ImageProcessor {
  inspect(bytes: Uint8Array, declared: AcceptedImageType): Promise<ImageFacts>;
  render(bytes: Uint8Array, renditions: readonly RenditionRequest[]): Promise<Rendition[]>;
}

/** A file read back from the store. */
export interface StoredFile {
  bytes: number;
  stream: NodeJS.ReadableStream;
}

/**
 * Where media files live (local disk by default; an object store later, see
 * docs/decisions/0006-media-storage.md). Keys are relative paths like `ab/abcd…/640.webp`,
 * derived from content, so a key never points at different bytes over time.
 */
export interface MediaFileStore {
  /** Writes the whole file or nothing: readers never see a partial file. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The file, or null when there is none. */
  open(key: string): Promise<StoredFile | null>;
  /** Removes every file whose key starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
}
