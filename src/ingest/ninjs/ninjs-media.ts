/**
 * Renditions, associations and links of a ninjs item: where its image is and where the original
 * lives on the web. Pure helpers used by parse-ninjs.ts.
 */
import { z } from 'zod';
import { checkListOrMap, checkNinjsItem, childPath } from './check-shape.js';
import { renditionSchema, type NinjsItemData, type RenditionData } from './ninjs-schema.js';

/** An associated item (1.x map entry or 2.x/3.x array entry), checked, with its JSON path and name. */
export interface Association { name: string | null; path: string; item: NinjsItemData }

/** Images wider than this are print masters; a web page wants the largest rendition up to it. */
const MAX_WEB_IMAGE_WIDTH = 2048;

const isHttpUrl = (value: string | null | undefined): value is string => typeof value === 'string' && /^https?:\/\/\S+$/i.test(value.trim());
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/** The renditions of an item, a 1.x map entry taking its key as its name. */
export function renditionsOf(item: NinjsItemData, path: string): RenditionData[] {
  return checkListOrMap(renditionSchema, item.renditions, childPath(path, 'renditions'))
    .map(({ key, value }) => ({ ...value, name: value.name ?? (typeof key === 'string' ? key : null) }));
}

/** The associated items, each checked like a top-level item. */
export function associationsOf(item: NinjsItemData, path: string): Association[] {
  return checkListOrMap(z.unknown(), item.associations, childPath(path, 'associations'))
    .map(({ key, path: at, value }) => {
      const associated = checkNinjsItem(value, at);
      const name = typeof associated.name === 'string' ? associated.name : typeof key === 'string' ? key : null;
      return { name, path: at, item: associated };
    });
}

function isImageRendition(rendition: RenditionData): boolean {
  const type = rendition.contentType ?? rendition.contenttype ?? rendition.mimetype;
  return type ? type.trim().toLowerCase().startsWith('image/') : IMAGE_FILE.test(rendition.href ?? '');
}

/** The widest image rendition up to MAX_WEB_IMAGE_WIDTH, else the narrowest, else the first; null if there is no http(s) image. */
export function bestImageUrl(renditions: RenditionData[]): string | null {
  const images = renditions.filter((rendition) => isHttpUrl(rendition.href) && isImageRendition(rendition));
  const sized = images.filter((rendition) => typeof rendition.width === 'number');
  const fitting = sized.filter((rendition) => rendition.width! <= MAX_WEB_IMAGE_WIDTH).sort((a, b) => b.width! - a.width!);
  const smallest = [...sized].sort((a, b) => a.width! - b.width!);
  return (fitting[0] ?? smallest[0] ?? images[0])?.href?.trim() ?? null;
}

/** The image of an item: its own image renditions, else the first associated picture, then graphic (a rendition, or the URI of an image file). */
export function imageUrlOf(item: NinjsItemData, path: string, associations: Association[]): string | null {
  const own = bestImageUrl(renditionsOf(item, path));
  if (own) return own;
  for (const type of ['picture', 'graphic']) {
    for (const association of associations.filter((entry) => entry.item.type?.trim().toLowerCase() === type)) {
      const url = bestImageUrl(renditionsOf(association.item, association.path));
      if (url) return url;
      const uri = association.item.uri?.trim();
      if (isHttpUrl(uri) && IMAGE_FILE.test(uri)) return uri;
    }
  }
  return null;
}

/** Links some providers add (`links: [{rel, href}]`); not part of the ninjs schemas, so read only when well formed. */
function linksOf(item: NinjsItemData): { rel: string; href: string }[] {
  const links = (item as Record<string, unknown>).links;
  if (!Array.isArray(links)) return [];
  return links.flatMap((link: unknown) => {
    if (link === null || typeof link !== 'object') return [];
    const { rel, href, uri } = link as Record<string, unknown>;
    const target = typeof href === 'string' ? href : uri;
    return typeof rel === 'string' && typeof target === 'string' ? [{ rel: rel.trim().toLowerCase(), href: target.trim() }] : [];
  });
}

/** The original's web address: a `canonical` link or association, else the item URI when it is http(s), else a `self` link or association. */
export function originalUrlOf(item: NinjsItemData, associations: Association[]): string | null {
  const related = [
    ...linksOf(item),
    ...associations.map((association) => ({ rel: association.item.rel?.trim().toLowerCase() ?? '', href: association.item.uri?.trim() ?? '' })),
  ].filter((link) => isHttpUrl(link.href));
  const uri = item.uri?.trim();
  return related.find((link) => link.rel === 'canonical')?.href
    ?? (isHttpUrl(uri) ? uri : null)
    ?? related.find((link) => link.rel === 'self')?.href
    ?? null;
}
