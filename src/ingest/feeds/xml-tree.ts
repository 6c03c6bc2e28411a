/**
 * A small namespace-aware element tree over fast-xml-parser, for reading feeds. fast-xml-parser
 * is run with entity processing OFF, so no DOCTYPE entity is ever expanded (billion laughs,
 * external entities); the five XML entities and character references are decoded here, and any
 * other `&name;` is left as written (HTML readers downstream understand `&nbsp;` and friends).
 */
import { escapeHtml } from '../../domain/html-escape.js';
import { XMLParser } from 'fast-xml-parser';

/** An element: qualified name as written, resolved namespace URI, decoded attributes and children. */
export interface XmlElement {
  name: string;
  local: string;
  ns: string;
  attrs: Map<string, string>;
  children: XmlNode[];
  parent: XmlElement | null;
}

/** A node: an element, or decoded character data (text and CDATA alike). */
export type XmlNode = XmlElement | string;

/** Namespace URIs the feed readers look for. */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  userland: 'http://backend.userland.com/rss2',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  xhtml: 'http://www.w3.org/1999/xhtml',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** Feeds often use these prefixes without declaring them; read them as their usual namespaces. */
const CONVENTIONAL_PREFIXES: Record<string, string> = {
  atom: NS.atom, atom10: NS.atom, rdf: NS.rdf, content: NS.content, dc: NS.dc, dcterms: NS.dcterms,
  media: NS.media, itunes: NS.itunes, feedburner: NS.feedburner, xhtml: NS.xhtml, xml: NS.xml,
};
const KNOWN_NS = new Set<string>(Object.values(NS));

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type RawNode = Record<string, unknown>;

/** Removes the DOCTYPE from the prolog only: the same text inside CDATA or an element is content. */
function withoutDoctype(xml: string): string {
  const prolog = /^(?:\uFEFF)?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(xml)?.[0] ?? '';
  const rest = xml.slice(prolog.length);
  const match = new RegExp(`^${DOCTYPE.source}`, 'i').exec(rest);
  return match ? prolog + rest.slice(match[0].length) : xml;
}

/** A DOCTYPE declaration, internal subset included (quoted `]` and `>` allowed). */
export const DOCTYPE = /<!DOCTYPE(?:[^[>"']|"[^"]*"|'[^']*'|\[(?:[^\]"']|"[^"]*"|'[^']*')*\])*>/i;

/**
 * Parses well-formed XML into an element tree; throws fast-xml-parser's error on structural
 * failures. The DOCTYPE is removed first: its entities are never expanded, its DTD never fetched.
 */
export function parseXmlTree(xml: string): XmlElement {
  const top = parser.parse(withoutDoctype(xml)) as RawNode[];
  const roots = top.map((node) => convert(node, null, new Map())).filter((n): n is XmlElement => typeof n !== 'string');
  const root = roots[0];
  if (!root) throw new Error('The document has no root element.');
  return root;
}

function convert(node: RawNode, parent: XmlElement | null, scope: ReadonlyMap<string, string>): XmlNode {
  if ('#text' in node) return decodeXmlText(String(node['#text']));
  if ('#cdata' in node) {
    const parts = node['#cdata'] as RawNode[];
    return stripInvalidChars(parts.map((part) => String(part['#text'] ?? '')).join(''));
  }
  const name = Object.keys(node).find((key) => key !== ':@') ?? '';
  const attrs = new Map<string, string>();
  for (const [key, value] of Object.entries((node[':@'] ?? {}) as Record<string, unknown>)) {
    attrs.set(key, decodeXmlText(typeof value === 'string' ? value : ''));
  }
  let inner = scope;
  for (const [key, value] of attrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (inner === scope) inner = new Map(scope);
      (inner as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), canonicalNs(value));
    }
  }
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? name.slice(0, colon) : '';
  const element: XmlElement = {
    name,
    local: colon > 0 ? name.slice(colon + 1) : name,
    ns: inner.get(prefix) ?? (prefix ? CONVENTIONAL_PREFIXES[prefix] ?? `urn:undeclared-prefix:${prefix}` : ''),
    attrs,
    children: [],
    parent,
  };
  for (const child of (node[name] ?? []) as RawNode[]) element.children.push(convert(child, element, inner));
  return element;
}

/** Known namespaces are sometimes written without their trailing slash. */
function canonicalNs(uri: string): string {
  const trimmed = uri.trim();
  return KNOWN_NS.has(`${trimmed}/`) ? `${trimmed}/` : trimmed;
}

/** Decodes the five XML entities and character references; other named references stay as written. */
export function decodeXmlText(text: string): string {
  const decoded = text.includes('&')
    ? text.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g, (match, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (named) return NAMED[named] ?? match;
      const code = hex ? parseInt(hex, 16) : Number(dec);
      return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '' : String.fromCodePoint(code);
    })
    : text;
  return stripInvalidChars(decoded);
}
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Removes characters XML forbids (C0 controls other than tab, newline and return; U+FFFE, U+FFFF). */
export function stripInvalidChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** Direct child elements with one of the namespaces and the local name. */
export function childrenOf(el: XmlElement, ns: readonly string[], local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.local === local && ns.includes(c.ns));
}

/** The first direct child element with one of the namespaces and the local name. */
export function childOf(el: XmlElement, ns: readonly string[], local: string): XmlElement | null {
  return childrenOf(el, ns, local)[0] ?? null;
}

/** All character data inside the element, in document order. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** Trimmed text of the first matching child, or null when absent or blank. */
export function childText(el: XmlElement, ns: readonly string[], local: string): string | null {
  const found = childOf(el, ns, local);
  const text = found ? textOf(found).trim() : '';
  return text || null;
}

/** An attribute by its name as written, else by local name under any prefix (never xmlns). */
export function attrOf(el: XmlElement, name: string): string | null {
  const exact = el.attrs.get(name);
  if (exact !== undefined) return exact;
  for (const [key, value] of el.attrs) {
    if (!key.startsWith('xmlns') && key.slice(key.indexOf(':') + 1) === name) return value;
  }
  return null;
}

/** The element's xml:base chain resolved against the document's base URL. */
export function baseOf(el: XmlElement | null, documentBase: string | null): string | null {
  if (!el) return documentBase;
  const parentBase = baseOf(el.parent, documentBase);
  const own = el.attrs.get('xml:base');
  if (own === undefined) return parentBase;
  try {
    return new URL(own.trim(), parentBase ?? undefined).href;
  } catch {
    return parentBase;
  }
}

/** The nearest xml:lang on the element or its ancestors. */
export function langOf(el: XmlElement | null): string | null {
  for (let at = el; at; at = at.parent) {
    const lang = at.attrs.get('xml:lang');
    if (lang !== undefined) return lang.trim() || null;
  }
  return null;
}

const VOID = new Set(['area', 'br', 'col', 'hr', 'img', 'wbr']);
const HTML_NS = new Set<string>(['', NS.xhtml, NS.atom, NS.atom03]);

/**
 * The element's content as HTML. With `textIsHtml` (RSS description, Atom type="html") its own
 * character data already is HTML source; nested elements (XHTML, or markup a feed nested where it
 * should have escaped it) are serialised, and elements of foreign namespaces keep only their text.
 */
export function innerHtml(el: XmlElement, textIsHtml: boolean): string {
  return el.children.map((c) => (typeof c === 'string' ? (textIsHtml ? c : escapeHtml(c)) : outerHtml(c))).join('');
}

function outerHtml(el: XmlElement): string {
  const inner = innerHtml(el, false);
  if (!HTML_NS.has(el.ns)) return inner;
  const attrs = [...el.attrs]
    .filter(([key]) => !key.startsWith('xmlns') && !key.includes(':'))
    .map(([key, value]) => ` ${key}="${escapeHtml(value)}"`)
    .join('');
  const tag = el.local.toLowerCase();
  return VOID.has(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${inner}</${tag}>`;
}

export { escapeHtml };
