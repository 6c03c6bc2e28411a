import { fallbackVariants, mimeOf, variantsOf, variantUrl, type MediaFormat, type MediaItem } from '../domain/media.js';
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
