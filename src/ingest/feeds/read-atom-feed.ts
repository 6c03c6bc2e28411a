/**
 * Atom 1.0 (RFC 4287), also reading the Atom 0.3 names still found in old feeds (issued,
 * modified, copyright, mode="escaped"). Text constructs are text, html or xhtml; xml:base on any
 * element changes the base of the links inside it, so links are resolved where they are read.
 */
import type { FeedDraft, FeedText, ItemDraft } from './finish-feed-item.js';
import { normaliseLanguage, plain } from './finish-feed-item.js';
import { resolveUrl } from './feed-html.js';
import { readItemImage } from './read-item-image.js';
import { attrOf, baseOf, childOf, childrenOf, childText, innerHtml, langOf, NS, textOf, type XmlElement } from './xml-tree.js';

/** Atom 1.0, Atom 0.3, and no namespace at all (sloppy feeds). */
const ATOM = [NS.atom, NS.atom03, ''];

/** Reads an Atom document (root <feed>) into a feed draft; `documentUrl` is where it was fetched from. */
export function readAtomFeed(root: XmlElement, documentUrl: string | null): FeedDraft {
  const selfHref = linkHref(root, 'self', null);
  const documentBase = resolveUrl(documentUrl, null) ?? resolveUrl(selfHref, null) ?? resolveUrl(linkHref(root, 'alternate', null), null);
  const feedAuthors = authorsOf(root);
  return {
    format: 'atom-1.0',
    title: plain(atomText(childOf(root, ATOM, 'title'), documentBase)),
    siteUrl: resolveUrl(linkHref(root, 'alternate', documentBase), null),
    feedUrl: resolveUrl(linkHref(root, 'self', documentBase), null) ?? resolveUrl(documentUrl, null),
    language: normaliseLanguage(langOf(root)),
    rights: plain(atomText(childOf(root, ATOM, 'rights') ?? childOf(root, ATOM, 'copyright'), documentBase)),
    items: childrenOf(root, ATOM, 'entry').map((entry) => {
      try {
        return readEntry(entry, documentBase, feedAuthors);
      } catch (error) {
        return { error: `could not be read (${(error as Error).message}).` };
      }
    }),
    problems: root.ns === NS.atom03 ? [{ item: null, message: 'This is an Atom 0.3 feed (obsolete); it was read as Atom 1.0.' }] : [],
  };
}

function readEntry(entry: XmlElement, documentBase: string | null, feedAuthors: string[]): ItemDraft {
  const source = childOf(entry, ATOM, 'source');
  const enclosures = childrenOf(entry, ATOM, 'link')
    .filter((l) => attrOf(l, 'rel') === 'enclosure')
    .map((l) => ({ url: resolveUrl(attrOf(l, 'href'), baseOf(l, documentBase)), type: attrOf(l, 'type') }));
  const entryAuthors = authorsOf(entry);
  const sourceAuthors = source ? authorsOf(source) : [];
  return {
    guid: childText(entry, ATOM, 'id'),
    link: childText(entry, [NS.feedburner], 'origLink') ?? linkHref(entry, 'alternate', documentBase),
    base: baseOf(entry, documentBase),
    title: atomText(childOf(entry, ATOM, 'title'), documentBase),
    // RFC 4287: an entry without authors has those of its source, else those of the feed.
    authors: entryAuthors.length ? entryAuthors : sourceAuthors.length ? sourceAuthors : feedAuthors,
    published: childText(entry, ATOM, 'published') ?? childText(entry, ATOM, 'issued') ?? childText(entry, ATOM, 'created'),
    updated: childText(entry, ATOM, 'updated') ?? childText(entry, ATOM, 'modified'),
    summary: atomText(childOf(entry, ATOM, 'summary'), documentBase),
    content: atomText(childOf(entry, ATOM, 'content'), documentBase),
    categories: childrenOf(entry, ATOM, 'category').map((c) => attrOf(c, 'label') || attrOf(c, 'term') || '').filter(Boolean),
    image: readItemImage(entry, enclosures),
    language: langOf(entry),
    rights: atomText(childOf(entry, ATOM, 'rights'), documentBase),
    source: source
      ? { title: plain(atomText(childOf(source, ATOM, 'title'), documentBase)), url: resolveUrl(linkHref(source, 'alternate', documentBase), null) ?? resolveUrl(childText(source, ATOM, 'id'), null) }
      : null,
  };
}

/** The href of the first link with the relation (no rel means alternate; text/html preferred), resolved; left as written when there is no base. */
function linkHref(el: XmlElement, rel: string, documentBase: string | null): string | null {
  const links = childrenOf(el, ATOM, 'link').filter((l) => (attrOf(l, 'rel')?.trim() || 'alternate') === rel && attrOf(l, 'href'));
  const link = links.find((l) => /html/i.test(attrOf(l, 'type') ?? 'text/html')) ?? links[0];
  if (!link) return null;
  const href = attrOf(link, 'href');
  return resolveUrl(href, baseOf(link, documentBase)) ?? (documentBase ? null : href);
}

function authorsOf(el: XmlElement): string[] {
  return childrenOf(el, ATOM, 'author')
    .map((a) => childText(a, ATOM, 'name') ?? childText(a, ATOM, 'email') ?? '')
    .filter(Boolean);
}

/** An Atom text construct or content element; null for out-of-line (src) or non-text content. */
function atomText(el: XmlElement | null, documentBase: string | null): FeedText | null {
  if (!el || attrOf(el, 'src')) return null;
  const type = (attrOf(el, 'type') ?? 'text').trim().toLowerCase();
  const mode = attrOf(el, 'mode')?.trim().toLowerCase();
  if (mode === 'base64') return null;
  const base = baseOf(el, documentBase);
  if (type === 'html' || type === 'text/html') return { value: innerHtml(el, true), kind: 'html', base };
  if (type === 'xhtml' || type === 'application/xhtml+xml') return { value: innerHtml(xhtmlContainer(el), false), kind: 'html', base };
  if (type === 'text' || type.startsWith('text/')) return { value: textOf(el), kind: 'text', base };
  return null;
}

/** Atom xhtml content is wrapped in one <div> that is not part of the content. */
function xhtmlContainer(el: XmlElement): XmlElement {
  const elements = el.children.filter((c): c is XmlElement => typeof c !== 'string');
  const onlyDiv = elements.length === 1 && elements[0]?.local === 'div' && el.children.every((c) => typeof c !== 'string' || !c.trim());
  return onlyDiv ? elements[0]! : el;
}
