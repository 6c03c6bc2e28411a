/**
 * The last step of extraction: the article element becomes sanitized body HTML (a conservative
 * allow-list, every URL absolute and http(s) or mailto) and plain text (paragraphs separated by
 * blank lines). Image captions stay in the HTML, inside their <figure>, but are not part of the
 * text: the text is the story as it reads, without the furniture around pictures.
 */
import sanitizeHtml from 'sanitize-html';
import { isElement, parseDocument, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'center', 'font']);
const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, pre, ul, ol, dl, table, figure, blockquote, div, section, article, header, footer, aside, main, center';

/** Resolves a link or image URL against the page's base; null for other schemes or unresolvable URLs. */
export function makeResolver(base: string | null): (url: string) => string | null {
  return (url: string) => {
    const trimmed = url.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return null;
    try {
      const resolved = base !== null ? new URL(trimmed, base) : new URL(trimmed);
      return /^(?:https?|mailto):$/.test(resolved.protocol) ? resolved.href : null;
    } catch {
      return null;
    }
  };
}

/** Leaf containers (a <div> holding only text and inline elements) become paragraphs, so their text stays apart. */
function containersToParagraphs(root: DomElement, document: { createElement(tag: string): DomElement }): void {
  const leaves = [...root.querySelectorAll([...CONTAINER_TAGS].join(', '))].reverse();
  for (const element of leaves) {
    if (element.querySelector(BLOCK_SELECTOR) !== null) continue;
    const paragraph = document.createElement('p');
    while (element.firstChild !== null) paragraph.appendChild(element.firstChild);
    element.parentNode?.insertBefore(paragraph, element);
    element.remove();
  }
}

function sanitizeOptions(resolve: (url: string) => string | null): sanitizeHtml.IOptions {
  const drop = (): sanitizeHtml.Tag => ({ tagName: 'x-drop', attribs: {} });
  const unwrap = (): sanitizeHtml.Tag => ({ tagName: 'x-unwrap', attribs: {} });
  return {
    allowedTags: [
      'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'b', 'i', 'br',
      'figure', 'figcaption', 'img', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'pre', 'code',
    ],
    allowedAttributes: { a: ['href'], img: ['src', 'alt'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Source indentation is noise in the stored body; preformatted text keeps its spacing.
    textFilter: (text, tagName) => (tagName === 'pre' || tagName === 'code' ? text : text.replace(/\s+/g, ' ')),
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'button', 'select', 'form', 'x-drop', 'title', 'head'],
    transformTags: {
      h1: 'h2',
      a: (_tag, attribs): sanitizeHtml.Tag => {
        const href = resolve(attribs['href'] ?? '');
        return href === null ? unwrap() : { tagName: 'a', attribs: { href } };
      },
      img: (_tag, attribs): sanitizeHtml.Tag => {
        const raw = [attribs['src'], attribs['data-src'], attribs['data-lazy-src'], attribs['data-original']].find((v) => v !== undefined && v !== '' && !v.startsWith('data:'));
        const src = raw === undefined ? null : resolve(raw);
        if (src === null || attribs['width'] === '1' || attribs['height'] === '1') return drop();
        const alt = attribs['alt'];
        return { tagName: 'img', attribs: alt !== undefined ? { src, alt } : { src } };
      },
    },
    exclusiveFilter: (frame) =>
      ['p', 'li', 'figure', 'figcaption', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'b', 'i', 'a', 'ul', 'ol', 'table', 'tr'].includes(frame.tag) &&
      frame.text.trim() === '' &&
      frame.mediaChildren.length === 0,
  };
}

/** Sanitized body HTML from the article element; `resolve` makes URLs absolute. */
export function sanitizeBody(root: DomElement, document: { createElement(tag: string): DomElement }, resolve: (url: string) => string | null): string {
  containersToParagraphs(root, document);
  const html = sanitizeHtml(root.innerHTML, sanitizeOptions(resolve));
  // Sanitizing can empty an element whose only child it dropped; one more pass removes the shells.
  return sanitizeHtml(html, { ...sanitizeOptions(resolve), transformTags: {} })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const TEXT_BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'table', 'tr', 'caption']);
const SKIPPED = new Set(['figcaption', 'figure']);

/** Plain text of sanitized body HTML: one paragraph per block, separated by blank lines; <br> keeps its line break. */
export function bodyHtmlToText(html: string): string {
  const { body } = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const lines = current.split('\n').map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim()).filter((line) => line !== '');
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    current = '';
  };
  const walk = (node: DomNode, pre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      current += pre ? (node.textContent ?? '') : (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (!isElement(node) || SKIPPED.has(node.localName)) return;
    const tag = node.localName;
    if (tag === 'br') {
      current += '\n';
      return;
    }
    const block = TEXT_BLOCKS.has(tag);
    if (block) flush();
    for (const child of [...node.childNodes]) walk(child, pre || tag === 'pre');
    if (tag === 'td' || tag === 'th') current += ' \t ';
    if (block) flush();
  };
  walk(body, false);
  flush();
  return paragraphs.join('\n\n');
}
