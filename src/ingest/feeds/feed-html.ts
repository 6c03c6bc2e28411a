/**
 * HTML from feeds: sanitised to a conservative article allow-list with absolute URLs, or flattened
 * to plain text. Feed HTML is hostile input: scripts, event handlers, `javascript:` links, styles
 * and embeds never survive, and relative URLs are resolved against the item's base URL (dropped
 * when there is none, since a relative link would otherwise point into our own site).
 */
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from './xml-tree.js';

const ARTICLE_TAGS = [
  'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'figure', 'figcaption', 'img',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'pre', 'code', 'br',
];
/** Elements whose content is dropped with them, not unwrapped into the text. */
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'select', 'button', 'head', 'title'];

/** Sanitises article HTML to the allow-list, URLs absolute against `base`; null when nothing is left. */
export function sanitizeArticleHtml(html: string, base: string | null): string | null {
  const clean = sanitizeHtml(html, {
    allowedTags: ARTICLE_TAGS,
    allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    disallowedTagsMode: 'discard',
    transformTags: {
      b: 'strong',
      i: 'em',
      h1: 'h2',
      a: (tagName, attribs): sanitizeHtml.Tag => {
        const href = resolveUrl(attribs.href, base, ['http:', 'https:', 'mailto:']);
        return { tagName, attribs: href ? { href } : {} };
      },
      img: (tagName, attribs): sanitizeHtml.Tag => {
        const raw = !attribs.src || attribs.src.startsWith('data:') ? attribs['data-src'] ?? attribs.src : attribs.src;
        const src = resolveUrl(raw, base, ['http:', 'https:']);
        const pixel = Number(attribs.width) <= 1 && Number(attribs.height) <= 1 && attribs.width !== undefined && attribs.height !== undefined;
        if (!src || pixel) return { tagName, attribs: {} };
        const kept: sanitizeHtml.Attributes = { src };
        if (attribs.alt !== undefined) kept.alt = attribs.alt;
        return { tagName, attribs: kept };
      },
    },
    // An anchor without a usable target keeps its text; an image without a usable source goes.
    exclusiveFilter: (frame) => (frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : frame.tag === 'img' && !frame.attribs.src),
  }).trim();
  return clean.replace(/<p>\s*<\/p>/g, '').trim() || null;
}

const BLOCK_BOUNDARY = /<(\/?)(p|div|br|li|dt|dd|h[1-6]|tr|td|th|blockquote|pre|ul|ol|table|figure|figcaption|section|article|header|footer|hr)\b/gi;

/** Flattens HTML to plain text: tags stripped, entities decoded, whitespace collapsed; null when empty. */
export function htmlToText(html: string): string | null {
  const stripped = sanitizeHtml(html.replace(BLOCK_BOUNDARY, ' <$1$2'), { allowedTags: [], allowedAttributes: {}, nonTextTags: DROPPED_WITH_CONTENT });
  return collapse(stripped.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => HTML_ESCAPES[name] ?? ''));
}
const HTML_ESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/** Plain text that may carry HTML (RSS titles do, inconsistently): flattened only when it looks like markup or has entities. */
export function maybeHtmlToText(text: string): string | null {
  if (text.length > 2000) return htmlToText(text);
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text) ? htmlToText(text) : collapse(text);
}

/** Collapses runs of whitespace to one space and trims; null when empty. */
export function collapse(text: string): string | null {
  return text.replace(/\s+/g, ' ').trim() || null;
}

/** Plain text to HTML paragraphs: blank lines separate paragraphs, single newlines become <br>. */
export function textToHtml(text: string): string | null {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  return paragraphs.length ? paragraphs.join('\n') : null;
}

/** Resolves a URL against a base, returning it only when absolute afterwards and of an allowed scheme. */
export function resolveUrl(raw: string | null | undefined, base: string | null, schemes: readonly string[] = ['http:', 'https:']): string | null {
  const trimmed = raw?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base ?? undefined);
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
