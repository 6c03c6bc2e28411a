/**
 * What a document is, from its content alone: file extensions and Content-Type headers lie (an
 * Atom feed named .rss, an HTML error page served as application/rss+xml).
 */
import type { FeedFormat } from './parsed-feed.js';
import { attrOf, childOf, DOCTYPE, NS, type XmlElement } from './xml-tree.js';

/** The kind of document, judged from its first significant characters. */
export type DocumentKind =
  | { kind: 'json' }
  | { kind: 'xml'; root: string }
  | { kind: 'html'; title: string | null }
  | { kind: 'other'; start: string };

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed']);
const HTML_ROOTS = new Set(['html', 'head', 'body']);

/** Looks past the XML declaration, processing instructions, comments and DOCTYPE to the first element. */
export function sniffDocument(text: string): DocumentKind {
  let rest = text.trimStart();
  if (rest.startsWith('{') || rest.startsWith('[')) return { kind: 'json' };
  for (;;) {
    const prolog = new RegExp(`^(?:<\\?[\\s\\S]*?\\?>|<!--[\\s\\S]*?-->|${DOCTYPE.source})\\s*`, 'i').exec(rest);
    if (!prolog) break;
    if (/^<!DOCTYPE\s+html/i.test(prolog[0])) return { kind: 'html', title: htmlTitle(text) };
    rest = rest.slice(prolog[0].length);
  }
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
  if (!root) return { kind: 'other', start: rest.slice(0, 40) };
  const local = root.slice(root.indexOf(':') + 1).toLowerCase();
  if (HTML_ROOTS.has(local)) return { kind: 'html', title: htmlTitle(text) };
  return { kind: 'xml', root };
}

/** True when the root element name is one a feed can have (rss, rdf:RDF, feed). */
export function isFeedRoot(root: string): boolean {
  return FEED_ROOTS.has(root.slice(root.indexOf(':') + 1).toLowerCase());
}

/** The feed format of a parsed XML root element, or null when it is no feed. */
export function xmlFeedFormat(root: XmlElement): FeedFormat | null {
  const local = root.local.toLowerCase();
  if (local === 'rss') {
    const version = attrOf(root, 'version')?.trim() ?? '';
    return /^0\.9/.test(version) ? 'rss-0.9x' : 'rss-2.0';
  }
  if (local === 'rdf') {
    const channel = childOf(root, [NS.rss090], 'channel');
    return channel ? 'rss-0.9x' : 'rss-1.0';
  }
  if (local === 'feed') return 'atom-1.0';
  return null;
}

function htmlTitle(text: string): string | null {
  return /<title[^>]*>([^<]{1,120})/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim() || null;
}
