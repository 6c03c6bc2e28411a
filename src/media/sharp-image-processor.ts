import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ImageFacts, ImageProcessor, Rendition, RenditionRequest } from '../app/media-ports.js';
import { AppError } from '../domain/errors.js';
import type { AcceptedImageType, MediaFormat } from '../domain/media.js';

/** How sharp names each accepted type in its metadata (AVIF is a HEIF container compressed with AV1). */
const sharpNames: Record<AcceptedImageType, string> = { jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', avif: 'heif' };

/** Encoder settings: AVIF effort 2 is about twice as fast as the default for a few percent in size. */
const encode: Record<MediaFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 78 }),
  jpeg: (image) => image.jpeg({ quality: 82, mozjpeg: true }),
  png: (image) => image.png({ compressionLevel: 9 }),
};

/** Images through sharp (libvips), with a pixel limit against decompression bombs. */
export class SharpImageProcessor implements ImageProcessor {
  constructor(private readonly options: { maxPixels: number }) {}

  async inspect(bytes: Uint8Array, declared: AcceptedImageType): Promise<ImageFacts> {
    let meta: Metadata;
    try {
      meta = await this.open(bytes).metadata();
    } catch (error) {
      throw this.refusal(error);
    }
    if (!meta.width || !meta.height) throw unreadable();
    if (meta.format !== sharpNames[declared] || (declared === 'avif' && meta.compression !== 'av1')) {
      throw new AppError('MEDIA_UNREADABLE', `The file starts like ${declared.toUpperCase()} but is not a readable ${declared.toUpperCase()} image.`);
    }
    // Checked here from the header, before any pixel is decoded.
    if (meta.width * meta.height > this.options.maxPixels) throw tooManyPixels(meta.width, meta.height, this.options.maxPixels);
    const sideways = (meta.orientation ?? 1) >= 5;
    return { type: declared, width: sideways ? meta.height : meta.width, height: sideways ? meta.width : meta.height, hasAlpha: meta.hasAlpha === true };
  }

  async render(bytes: Uint8Array, renditions: readonly RenditionRequest[]): Promise<Rendition[]> {
    // One decoder, cloned per rendition; rotate() applies the EXIF orientation, and sharp writes
    // no metadata (EXIF, GPS, XMP, IPTC, ICC) unless asked to, so every rendition is clean.
    const base = this.open(bytes).rotate();
    try {
      return await Promise.all(renditions.map(async (r) => {
        const { data, info } = await encode[r.format](base.clone().resize({ width: r.width, withoutEnlargement: true })).toBuffer({ resolveWithObject: true });
        return { ...r, width: info.width, height: info.height, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
      }));
    } catch (error) {
      throw this.refusal(error);
    }
  }

  private open(bytes: Uint8Array): Sharp {
    // failOn 'warning' refuses truncated and corrupt files instead of rendering them half grey.
    return sharp(bytes, { limitInputPixels: this.options.maxPixels, failOn: 'warning', sequentialRead: true });
  }

  private refusal(error: unknown): AppError {
    if (error instanceof AppError) return error;
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) return tooManyPixels(null, null, this.options.maxPixels);
    return unreadable(error);
  }
}

function unreadable(cause?: unknown): AppError {
  return new AppError('MEDIA_UNREADABLE', 'The image could not be read: the file is damaged or incomplete. Export it again and upload the new file.', cause === undefined ? {} : { cause });
}

function tooManyPixels(width: number | null, height: number | null, maxPixels: number): AppError {
  const size = width && height ? ` (${width} × ${height} pixels)` : '';
  return new AppError('MEDIA_TOO_MANY_PIXELS', `The image is too large${size}: at most ${(maxPixels / 1_000_000).toLocaleString('en')} megapixels are accepted. Scale it down and upload it again.`, {
    details: { maxPixels, ...(width && height ? { width, height } : {}) },
  });
}
