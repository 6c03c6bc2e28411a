/**
 * Turning the body a ninjs item carries (HTML, plain text or NITF XML) into the sanitized HTML we
 * store: a conservative article allow-list, links only to http(s) and mailto, no scripts, styles,
 * classes or data attributes. Pure.
 */
import { escapeHtml } from '../../domain/html-escape.js';
import sanitizeHtml from 'sanitize-html';

/** A body in the form the item carried it. */
export interface BodyCandidate { kind: 'html' | 'text' | 'nitf' | 'other'; value: string }

const ARTICLE_TAGS = [
  // div survives sanitizing only to be resolved by paragraphsFromDivs.
  'div', 'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q', 'code', 'pre', 'hr',
  'a', 'figure', 'figcaption', 'img', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];

const ABSOLUTE_LINK = /^(?:https?:\/\/|mailto:)/i;
const ABSOLUTE_IMAGE = /^https?:\/\//i;

/** The attributes with the URL attribute trimmed, or dropped when it is not an absolute URL of an allowed kind. */
function withAbsoluteUrl(attribs: sanitizeHtml.Attributes, name: string, allowed: RegExp): sanitizeHtml.Attributes {
  return Object.fromEntries(Object.entries(attribs).flatMap(([key, value]) => {
    if (key !== name) return [[key, value]];
    return allowed.test(value.trim()) ? [[key, value.trim()]] : [];
  }));
}

const ARTICLE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ARTICLE_TAGS,
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    abbr: ['title'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'iframe', 'object', 'svg', 'math'],
  transformTags: {
    // The article title is the page's h1; a body keeps its headings below it.
    h1: 'h2',
    // NITF headings.
    hl1: 'h2',
    hl2: 'h3',
    // A relative link or image points nowhere once the item leaves its provider.
    a: (tagName, attribs) => ({ tagName, attribs: withAbsoluteUrl(attribs, 'href', ABSOLUTE_LINK) }),
    img: (tagName, attribs) => ({ tagName, attribs: withAbsoluteUrl(attribs, 'src', ABSOLUTE_IMAGE) }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

const EMPTY_BLOCK = /<(p|h[2-6]|li|blockquote|figcaption|figure)>(?:\s|&nbsp;|\u00a0|<br \/>)*<\/\1>/g;

const INNERMOST_DIV = /<div>((?:(?!<\/?div>)[\s\S])*?)<\/div>/;
const BLOCK_TAG = /<(?:p|h[2-6]|ul|ol|dl|blockquote|figure|table|pre|hr)[\s>/]/;

/**
 * Layout divs are not article markup, but their text is: a div holding only inline content
 * becomes a paragraph, a div around blocks is unwrapped (innermost first; the sanitizer's output
 * is well formed, so matching innermost pairs is safe).
 */
function paragraphsFromDivs(html: string): string {
  for (let match = INNERMOST_DIV.exec(html); match; match = INNERMOST_DIV.exec(html)) {
    const inner = match[1]!;
    const replacement = BLOCK_TAG.test(inner) || inner.trim() === '' ? inner : `<p>${inner.trim()}</p>`;
    html = html.slice(0, match.index) + replacement + html.slice(match.index + match[0].length);
  }
  return html;
}

/** Whitespace between blocks, left over from the source's indentation, becomes one line break. */
function tidyBlockWhitespace(html: string): string {
  return html.replace(/(<\/(?:p|h[2-6]|ul|ol|dl|li|blockquote|figure|figcaption|table|pre)>|<hr \/>)\s+(?=<)/g, '$1\n').trim();
}

function withoutEmptyBlocks(html: string): string {
  let previous;
  do {
    previous = html;
    html = html.replace(EMPTY_BLOCK, '');
  } while (html !== previous);
  return html;
}


const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The inside of `<body>` when the value is a whole HTML document, else the value. */
function documentBody(html: string): string {
  const match = /<body[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html);
  return match ? match[1]! : html;
}

/** Removes a first heading that only repeats the article title (agency HTML often starts with it). */
function withoutRepeatedTitle(html: string, title: string | null): string {
  if (!title) return html;
  const first = /^\s*<(h2|p)>([\s\S]*?)<\/\1>/.exec(html);
  if (!first || normalise(htmlToText(first[2]!)) !== normalise(title)) return html;
  return html.slice(first[0].length);
}

/** Sanitizes article HTML with the article allow-list; returns '' when nothing readable is left. */
export function sanitizeArticleHtml(html: string, title: string | null = null): string {
  // Adjacent inline elements the sanitizer drops (spans) would otherwise glue their words together.
  const spaced = documentBody(html).replace(/<\/span>\s*<span/gi, '</span> <span');
  const sanitized = sanitizeHtml(spaced, ARTICLE_OPTIONS);
  const clean = tidyBlockWhitespace(withoutRepeatedTitle(withoutEmptyBlocks(paragraphsFromDivs(sanitized)), title));
  return htmlToText(clean) === '' && !/<img\s/.test(clean) ? '' : clean;
}

/** Plain text as escaped paragraphs: blank lines separate paragraphs; without blank lines, every line is one. */
export function textToParagraphs(text: string, title: string | null = null): string {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const blocks = /\n[ \t]*\n/.test(normalised) ? normalised.split(/\n[ \t]*\n+/) : normalised.split('\n');
  const paragraphs = blocks.map((block) => block.replace(/\s+/g, ' ').trim()).filter((block) => block !== '');
  if (title && paragraphs.length > 1 && normalise(paragraphs[0]!) === normalise(title)) paragraphs.shift();
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
}

/** The article HTML of an NITF document (its `<body.content>`), or '' if it has none. */
export function nitfToHtml(xml: string, title: string | null = null): string {
  const content = /<body\.content[^>]*>([\s\S]*?)<\/body\.content>/i.exec(xml);
  return content ? sanitizeArticleHtml(content[1]!, title) : '';
}

/** The text of an HTML fragment, entities decoded and whitespace collapsed. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html.replace(/<(?:br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, '$& '), { allowedTags: [], allowedAttributes: {}, nonTextTags: ARTICLE_OPTIONS.nonTextTags });
  return text
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The sanitized HTML of the best body: HTML first (it keeps links and structure), then NITF, then
 * plain text; a candidate that sanitizes to nothing gives way to the next. Null when none is usable.
 */
export function bestBodyHtml(candidates: BodyCandidate[], title: string | null): string | null {
  const order: BodyCandidate['kind'][] = ['html', 'nitf', 'text'];
  for (const kind of order) {
    for (const candidate of candidates.filter((c) => c.kind === kind)) {
      const html = kind === 'html' ? sanitizeArticleHtml(candidate.value, title)
        : kind === 'nitf' ? nitfToHtml(candidate.value, title)
          : textToParagraphs(candidate.value, title);
      if (html !== '') return html;
    }
  }
  return null;
}

/** Whether a string looks like markup rather than plain text. */
export function looksLikeHtml(value: string): boolean {
  return /<(?:p|div|section|article|br|h[1-6]|ul|ol|li|blockquote|a|strong|em|b|i|span|table|figure|sup|sub)\b[^>]*>/i.test(value);
}
