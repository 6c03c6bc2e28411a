/**
 * The small part of the DOM that extraction uses, typed here because the project compiles without
 * the DOM library. linkedom provides the implementation; `parseDocument` is the only place that
 * touches it, so the rest of the module works against these interfaces.
 */
import { parseHTML } from 'linkedom';

/** A DOM node (element, text or comment). */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly parentElement: DomElement | null;
  readonly childNodes: ArrayLike<DomNode> & Iterable<DomNode>;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly previousSibling: DomNode | null;
  textContent: string | null;
  remove(): void;
  appendChild(child: DomNode): DomNode;
  insertBefore(child: DomNode, before: DomNode | null): DomNode;
}

/** A DOM element. */
export interface DomElement extends DomNode {
  readonly localName: string;
  readonly tagName: string;
  readonly children: ArrayLike<DomElement> & Iterable<DomElement>;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  innerHTML: string;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  closest(selector: string): DomElement | null;
  contains(other: DomNode | null): boolean;
  cloneNode(deep: boolean): DomElement;
}

/** A parsed HTML document. */
export interface DomDocument {
  readonly documentElement: DomElement;
  readonly head: DomElement;
  readonly body: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  createElement(tagName: string): DomElement;
  createTextNode(text: string): DomNode;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * linkedom builds no <html>/<body> of its own: a fragment or a page without a <body> tag would
 * leave content outside document.body, where Readability never looks. Give it the full shape.
 */
function withDocumentShape(html: string): string {
  if (/<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)) return html;
  const htmlAttributes = /<html(\s[^>]*)?>/i.exec(html)?.[1] ?? '';
  const head = /<head[\s>][\s\S]*?<\/head>/i.exec(html)?.[0] ?? '<head></head>';
  const rest = html
    .replace(/<\?xml[^>]*>/gi, '')
    .replace(/<!doctype[^>]*>/gi, '')
    .replace(/<head[\s>][\s\S]*?<\/head>/i, '')
    .replace(/<\/?(?:html|body)(?:\s[^>]*)?>/gi, '');
  return `<!DOCTYPE html><html${htmlAttributes}>${head}<body>${rest}</body></html>`;
}

/** Parses a whole HTML page (or a fragment) into a document with a head and a body. */
export function parseDocument(html: string): DomDocument {
  const { document } = parseHTML(withDocumentShape(html)) as unknown as { document: DomDocument };
  return document;
}

/** True when `node` is an element. */
export function isElement(node: DomNode | null | undefined): node is DomElement {
  return node?.nodeType === ELEMENT_NODE;
}

/** The element's text with all runs of whitespace collapsed to one space. */
export function collapsedText(node: DomNode): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', thinsp: ' ', shy: '',
};

/**
 * Decodes character references left in metadata text: JSON-LD is raw script text, and some sites
 * escape <meta> content twice ("&amp;#8211;"), so entities survive the HTML parser.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (match, dec?: string, hex?: string, name?: string) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : null;
    if (code !== null) return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : match;
    return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? match;
  });
}
