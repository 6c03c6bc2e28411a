import { attrOf, childrenOf, NS, type XmlElement } from './xml-tree.js';

const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/** An enclosure as RSS (<enclosure url type>) or Atom (<link rel="enclosure" href type>) writes it. */
export interface Enclosure {
  url: string | null;
  type: string | null;
}

function isImage(url: string | null, type: string | null, medium: string | null = null): url is string {
  if (!url) return false;
  if (medium) return medium.toLowerCase() === 'image';
  return type ? type.toLowerCase().startsWith('image/') : IMAGE_FILE.test(url);
}

function width(el: XmlElement): number {
  return Number(attrOf(el, 'width')) || 0;
}

/** The item's image, as written (maybe relative): image enclosure, then Media RSS content, thumbnail, then itunes:image. */
export function readItemImage(item: XmlElement, enclosures: Enclosure[]): string | null {
  const enclosure = enclosures.find((e) => isImage(e.url, e.type));
  if (enclosure) return enclosure.url;
  const groups = [item, ...childrenOf(item, [NS.media], 'group')];
  const contents = groups.flatMap((g) => childrenOf(g, [NS.media], 'content'));
  // Feeds often list one picture in several sizes; take the widest.
  const content = contents
    .filter((c) => isImage(attrOf(c, 'url'), attrOf(c, 'type'), attrOf(c, 'medium')))
    .reduce<XmlElement | null>((best, c) => (!best || width(c) > width(best) ? c : best), null);
  if (content) return attrOf(content, 'url');
  const thumbnails = [...groups, ...contents].flatMap((g) => childrenOf(g, [NS.media], 'thumbnail'));
  const thumbnail = thumbnails.map((t) => attrOf(t, 'url')).find(Boolean);
  if (thumbnail) return thumbnail;
  const itunes = childrenOf(item, [NS.itunes], 'image')[0];
  return itunes ? attrOf(itunes, 'href') : null;
}
