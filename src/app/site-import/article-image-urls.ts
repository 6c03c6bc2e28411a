import { mediaHashOfUrl } from '../../domain/media.js';

/**
 * Finding and replacing the addresses of images in stored (sanitized) article HTML, whose
 * attributes are always double-quoted with `&` written as `&amp;`.
 */

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#38': '&', '#39': "'", '#34': '"' };
const decode = (value: string) => value.replace(/&(amp|quot|apos|lt|gt|#38|#39|#34);/g, (_, name: string) => ENTITIES[name]!);
const encode = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const IMG = /<img\b[^>]*>/gi;
const SRC = /\ssrc="([^"]*)"/i;

/** Whether a URL is an image elsewhere on the web (not a library rendition, not a data: URL). */
export function isRemoteImageUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) && mediaHashOfUrl(url) === null;
}

/** The remote addresses of the `<img>` elements of an article body, each once, in order. */
export function remoteImageUrls(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(IMG) ?? []) {
    const src = SRC.exec(tag)?.[1];
    if (src !== undefined && isRemoteImageUrl(decode(src))) found.add(decode(src));
  }
  return [...found];
}

/**
 * Points `<img src>` and `<a href>` attributes that name a replaced address at its new one. An
 * image whose source changed loses its `srcset` and `sizes`, which listed the old site's sizes:
 * the page renders library images with their own responsive renditions.
 */
export function replaceImageUrls(html: string, replacements: ReadonlyMap<string, string>): string {
  if (replacements.size === 0) return html;
  const swapped = html.replace(IMG, (tag) => {
    const src = SRC.exec(tag)?.[1];
    const to = src === undefined ? undefined : replacements.get(decode(src));
    if (to === undefined) return tag;
    return tag.replace(SRC, ` src="${encode(to)}"`).replace(/\s(?:srcset|sizes)="[^"]*"/gi, '');
  });
  return swapped.replace(/(<a\b[^>]*?\shref=")([^"]*)(")/gi, (whole, start: string, href: string, end: string) => {
    const to = replacements.get(decode(href));
    return to === undefined ? whole : `${start}${encode(to)}${end}`;
  });
}
