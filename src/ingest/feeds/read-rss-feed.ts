/**
 * RSS 0.9x, 1.0 (RDF) and 2.0, plus the common extensions (content:encoded, Dublin Core, Media
 * RSS, atom:link, feedburner:origLink). The three versions differ mostly in where items live and
 * which namespace the core elements are in, so one reader serves all, and RSS-in-JSON too.
 */
import type { FeedDraft, ItemDraft } from './finish-feed-item.js';
import { normaliseLanguage, plain } from './finish-feed-item.js';
import { resolveUrl } from './feed-html.js';
import type { FeedFormat } from './parsed-feed.js';
import { readItemImage } from './read-item-image.js';
import { attrOf, baseOf, childOf, childrenOf, childText, innerHtml, langOf, NS, textOf, type XmlElement } from './xml-tree.js';

/** Namespaces the core RSS elements appear in: none (0.9x, 2.0), RSS 1.0, RSS 0.90, and UserLand's RSS 2 namespace. */
const CORE = ['', NS.rss10, NS.rss090, NS.userland];

/** Reads an RSS document (root <rss> or <rdf:RDF>) into a feed draft; `documentUrl` is where it was fetched from. */
export function readRssFeed(root: XmlElement, format: FeedFormat, documentUrl: string | null): FeedDraft {
  const channel = childOf(root, CORE, 'channel') ?? root;
  const siteLink = childText(channel, CORE, 'link');
  const selfLink = childrenOf(channel, [NS.atom], 'link').find((l) => attrOf(l, 'rel') === 'self');
  const selfHref = selfLink ? attrOf(selfLink, 'href') : null;
  const documentBase = resolveUrl(documentUrl, null) ?? resolveUrl(selfHref, null) ?? resolveUrl(siteLink, null);
  const channelBase = baseOf(channel, documentBase);
  const language = normaliseLanguage(childText(channel, CORE, 'language') ?? childText(channel, [NS.dc], 'language') ?? langOf(channel));
  const rights = plainOf(channel, CORE, 'copyright') ?? plainOf(channel, [NS.dc], 'rights');

  // RSS 1.0 puts items beside the channel, 0.9x and 2.0 inside it; only direct children count,
  // so an <item/> nested inside another item (seen in the wild) is ignored.
  const items = channel === root ? childrenOf(root, CORE, 'item') : [...childrenOf(channel, CORE, 'item'), ...childrenOf(root, CORE, 'item')];
  return {
    format,
    title: plainOf(channel, CORE, 'title'),
    siteUrl: resolveUrl(siteLink, channelBase),
    feedUrl: resolveUrl(selfHref, channelBase) ?? resolveUrl(documentUrl, null),
    language,
    rights,
    items: items.map((item) => {
      try {
        return readItem(item, documentBase);
      } catch (error) {
        return { error: `could not be read (${(error as Error).message}).` };
      }
    }),
    problems: [],
  };
}

function readItem(item: XmlElement, documentBase: string | null): ItemDraft {
  const guidElement = childOf(item, CORE, 'guid');
  const guid = guidElement ? textOf(guidElement).trim() || null : attrOf(item, 'about');
  const permalink = guidElement !== null && attrOf(guidElement, 'isPermaLink')?.trim().toLowerCase() !== 'false' && /^https?:\/\//i.test(guid ?? '');
  const atomLink = childrenOf(item, [NS.atom], 'link').find((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate');
  const description = childOf(item, CORE, 'description');
  const encoded = childOf(item, [NS.content], 'encoded');
  const sourceElement = childOf(item, CORE, 'source');
  return {
    guid,
    link: childText(item, [NS.feedburner], 'origLink') ?? childText(item, CORE, 'link') ?? (atomLink ? attrOf(atomLink, 'href') : null) ?? (permalink ? guid : null),
    base: baseOf(item, documentBase),
    title: maybeHtml(childOf(item, CORE, 'title') ?? childOf(item, [NS.dc], 'title')),
    authors: [...childrenOf(item, CORE, 'author'), ...childrenOf(item, [NS.dc], 'creator'), ...(childOf(item, CORE, 'author') ? [] : childrenOf(item, [NS.itunes], 'author'))].map(textOf),
    published: childText(item, CORE, 'pubDate') ?? childText(item, [NS.dc], 'date') ?? childText(item, [NS.dcterms], 'issued') ?? childText(item, [NS.dcterms], 'created'),
    updated: childText(item, [NS.dcterms], 'modified') ?? childText(item, [NS.atom], 'updated'),
    summary: description ? { value: innerHtml(description, true), kind: 'html' } : null,
    content: encoded ? { value: innerHtml(encoded, true), kind: 'html' } : null,
    categories: [...childrenOf(item, CORE, 'category'), ...childrenOf(item, [NS.dc], 'subject')].map(textOf),
    image: readItemImage(item, childrenOf(item, CORE, 'enclosure').map((e) => ({ url: attrOf(e, 'url'), type: attrOf(e, 'type') }))),
    language: childText(item, [NS.dc], 'language') ?? langOf(item),
    rights: maybeHtml(childOf(item, [NS.dc], 'rights') ?? childOf(item, [NS.dcterms], 'rights')),
    source: sourceElement ? { title: textOf(sourceElement).trim() || null, url: attrOf(sourceElement, 'url') } : null,
  };
}

function maybeHtml(el: XmlElement | null): ItemDraft['title'] {
  return el ? { value: textOf(el), kind: 'maybe-html' } : null;
}

function plainOf(el: XmlElement, ns: readonly string[], local: string): string | null {
  const found = childOf(el, ns, local);
  return plain(maybeHtml(found));
}
