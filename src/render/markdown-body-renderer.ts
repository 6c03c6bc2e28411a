import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import type { BodyFormat } from '../domain/article.js';
import type { BodyRenderer } from '../app/body-renderer.js';

/**
 * The one allow-list for article body HTML. Anything not listed is dropped: scripts, styles,
 * event handlers, forms, iframes (embeds come later through an explicit provider allow-list),
 * and every URL scheme except http(s), mailto and tel.
 */
const bodyPolicy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q', 'time', 'span',
    'a', 'figure', 'figcaption', 'img', 'picture', 'source', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'hreflang'],
    img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading'],
    source: ['srcset', 'sizes', 'type', 'media'],
    abbr: ['title'], time: ['datetime'], q: ['cite'], blockquote: ['cite'],
    th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start', 'reversed'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // h1 is the page title's; demote body h1s so the heading order stays valid.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener nofollow ugc' } : attribs,
    }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', alt: attribs.alt ?? '' } }),
  },
  exclusiveFilter: (frame) => (frame.tag === 'p' || frame.tag === 'span') && !frame.text.trim() && !frame.mediaChildren.length,
};

/** BodyRenderer over markdown-it (raw HTML inside Markdown disabled) and sanitize-html. */
export class MarkdownBodyRenderer implements BodyRenderer {
  private readonly markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

  toSafeHtml(source: string, format: BodyFormat): string {
    const raw = format === 'markdown' ? this.markdown.render(source) : source;
    return this.sanitize(raw);
  }

  sanitize(html: string): string {
    return sanitizeHtml(html, bodyPolicy).trim();
  }

  toPlainText(html: string): string {
    return decodeEntities(sanitizeHtml(html.replace(/<\/(p|h\d|li|blockquote|tr)>/gi, '$& '), { allowedTags: [], allowedAttributes: {} }))
      .replace(/\s+/g, ' ')
      .trim();
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => codePoint(Number(dec)))
    .replace(/&amp;/g, '&');
}

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
}
