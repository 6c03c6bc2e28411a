import { fallbackVariants, mediaHashOfUrl, mimeOf, variantsOf, variantUrl, type MediaFormat, type MediaItem } from '../domain/media.js';
import { html, type SafeHtml } from './html.js';

/** `sizes` for an image as wide as the article column (42rem, less the page padding on narrow screens). */
export const articleColumnSizes = '(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)';

export interface PictureOptions {
  alt: string;
  /** How wide the image is laid out, for the browser to pick a rendition (CSS `sizes` syntax). */
  sizes: string;
  /** `lazy` for images below the fold; the feature image is above it and loads at once. */
  loading?: 'lazy' | 'eager';
}

/**
 * A `<picture>` offering AVIF, then WebP, then the JPEG or PNG every browser reads, each at every
 * stored width, so the browser fetches the smallest file that is sharp at its layout width.
 * `width` and `height` give the aspect ratio, so the page does not jump as the image loads.
 */
export function renderPicture(item: Pick<MediaItem, 'sha256' | 'variants'>, options: PictureOptions): SafeHtml {
  const fallback = fallbackVariants(item);
  const widest = fallback.at(-1);
  if (!widest) return html``;
  const srcset = (format: MediaFormat) => variantsOf(item, format).map((v) => `${variantUrl(item.sha256, v.width, v.format)} ${v.width}w`).join(', ');
  const modern = (['avif', 'webp'] as const).filter((format) => variantsOf(item, format).length > 0);
  return html`<picture>${modern.map((format) => html`<source type="${mimeOf(format)}" srcset="${srcset(format)}" sizes="${options.sizes}">`)}<img src="${variantUrl(item.sha256, widest.width, widest.format)}" srcset="${srcset(widest.format)}" sizes="${options.sizes}" width="${widest.width}" height="${widest.height}" alt="${options.alt}" loading="${options.loading ?? 'lazy'}" decoding="async"></picture>`;
}

/**
 * Replaces each `<img>` of sanitized body HTML that shows a library item with that item's
 * `<picture>`. Only plain images are touched: one inside a `<picture>` or with its own `srcset`
 * was laid out by hand. Sanitized markup quotes every attribute and escapes `>` inside values,
 * so a tag ends at the first `>`.
 */
export function upgradeLibraryImages(sanitizedHtml: string, items: readonly Pick<MediaItem, 'sha256' | 'variants'>[], sizes: string): string {
  if (items.length === 0) return sanitizedHtml;
  const bySha = new Map(items.map((item) => [item.sha256, item]));
  return sanitizedHtml.replace(/(<picture\b[^>]*>[\s\S]*?<\/picture>)|<img\b([^>]*)>/gi, (tag, picture: string | undefined, attributes: string | undefined) => {
    if (picture !== undefined || attributes === undefined) return tag;
    const attrs = new Map([...attributes.matchAll(/([a-z-]+)="([^"]*)"/gi)].map((m) => [m[1]!.toLowerCase(), decodeEntities(m[2]!)]));
    const item = attrs.has('srcset') ? undefined : bySha.get(mediaHashOfUrl(attrs.get('src') ?? '') ?? '');
    if (!item) return tag;
    const rendered = renderPicture(item, { alt: attrs.get('alt') ?? '', sizes, loading: 'lazy' }).value;
    return rendered || tag;
  });
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (entity, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : null;
    if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    return named[name!.toLowerCase()] ?? entity;
  });
}
