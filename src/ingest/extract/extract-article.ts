/**
 * Extraction of one article from one HTML page: metadata first (before anything changes the
 * document), then the body by Readability (or, when it finds nothing, by text density), then the
 * furniture Readability leaves in, then sanitized HTML and plain text. Pure: a string in, a
 * result out; no I/O, no clock.
 */
import { Readability } from '@mozilla/readability';
import { readAttribution, scanAttributionLines } from './attribution.js';
import { cleanAuthors } from './authors.js';
import { countWords } from './blocks.js';
import { removeFurniture, type Removal } from './boilerplate.js';
import { bodyHtmlToText, makeResolver, sanitizeBody } from './clean-body.js';
import { findDateline } from './dateline.js';
import { normaliseMachineDate, normaliseNumericDate, normaliseTextDate } from './dates.js';
import { collapsedText, parseDocument, type DomDocument, type DomElement } from './dom.js';
import { readMetadata } from './metadata.js';
import { dateFromUrl, readPageHints } from './page-hints.js';
import { densestContainer, prepareDocument, proseLength, removeComments } from './prepare-document.js';
import { pickTitle } from './title.js';

/** One article extracted from an HTML page. */
export interface ExtractedArticle {
  /** The headline, without the site name. */
  title: string | null;
  /** Names from the bylines: no "By", roles, dates or the site's own name. */
  authors: string[];
  /** ISO 8601 instant with the page's offset when a time and zone are stated, else YYYY-MM-DD. */
  published: string | null;
  modified: string | null;
  /** BCP 47 tag from <html lang>, og:locale, JSON-LD inLanguage or content-language. */
  language: string | null;
  siteName: string | null;
  /** "MOSCOW, April 6 (RIA Novosti) -" at the start of the body; the text stays in the body. */
  dateline: string | null;
  /** The original publisher, only when the page says it republishes (source line, isBasedOn, wire dateline). */
  source: string | null;
  /** Where the original is: isBasedOn, syndication meta, the source line's link, a canonical link to another site. */
  originalUrl: string | null;
  copyright: string | null;
  leadImage: { url: string; alt: string | null } | null;
  /** The page's own description (meta description, og:description). */
  excerpt: string | null;
  /** Sanitized body: a conservative allow-list, absolute http(s)/mailto URLs only. */
  bodyHtml: string;
  /** The body as text, paragraphs separated by blank lines; figure captions are left out. */
  bodyText: string;
  /** Furniture taken out of the body after Readability, with the rule that took it (for --dry-run reports). */
  removed: { text: string; reason: string }[];
}

/** Options of extractArticle: the page URL resolves relative links and tells whether a canonical link points elsewhere. */
export interface ExtractOptions {
  url?: string | null;
}

/** Why a page gave no article. */
export type ExtractionErrorCode = 'not-html' | 'no-article';

/** Thrown when the input is not an HTML page or has no article body; the message says what to do. */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;

  constructor(code: ExtractionErrorCode, message: string) {
    super(message);
    this.name = 'ExtractionError';
    this.code = code;
  }
}

/** Readability's default; pages with less article text than this are retried with looser rules. */
const CHAR_THRESHOLD = 500;
/** The densest container replaces Readability's answer when it holds this many times more prose. */
const DENSE_PROSE_RATIO = 3;
/** A body with fewer words than this is no article. */
const MIN_BODY_WORDS = 8;

/** Characters of text outside links: how much an extracted body says by itself. */
function unlinkedLength(element: DomElement): number {
  let linked = 0;
  for (const a of element.querySelectorAll('a')) linked += collapsedText(a).length;
  return collapsedText(element).length - linked;
}

function absoluteUrl(value: string | null | undefined, base?: string | null): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function runReadability(document: DomDocument): { content: DomElement; title: string | null; byline: string | null; publishedTime: string | null } | null {
  try {
    const reader = new Readability<DomElement>(document as never, {
      charThreshold: CHAR_THRESHOLD,
      serializer: (node) => node as unknown as DomElement,
    });
    const result = reader.parse();
    if (!result?.content) return null;
    return { content: result.content, title: result.title ?? null, byline: result.byline ?? null, publishedTime: result.publishedTime ?? null };
  } catch {
    // Readability throws on some malformed documents; the density fallback handles those pages.
    return null;
  }
}

const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A byline's "Jane Roe, Example News" names the site as an affiliation: drop it, unless it is the only name. */
function withoutSiteName(authors: string[], siteName: string | null): string[] {
  if (siteName === null) return authors;
  const rest = authors.filter((name) => comparable(name) !== comparable(siteName));
  return rest.length > 0 ? rest : authors;
}

function dateFromLines(removed: readonly Removal[], language: string | null): string | null {
  for (const removal of removed) {
    if (removal.reason !== 'head.date-line' && removal.reason !== 'body.date-line' && removal.reason !== 'head.byline') continue;
    const date = normaliseTextDate(removal.text, language) ?? normaliseNumericDate(removal.text);
    if (date !== null) return date;
  }
  return null;
}

function leadImageFromBody(bodyHtml: string): { url: string; alt: string | null } | null {
  const match = /<img src="([^"]+)"(?: alt="([^"]*)")?/.exec(bodyHtml);
  if (match?.[1] === undefined) return null;
  const decode = (s: string): string => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return { url: decode(match[1]), alt: match[2] !== undefined && match[2] !== '' ? decode(match[2]) : null };
}

function looksLikeHtml(input: string): boolean {
  return /<\s*(?:!doctype\s+html|html|head|body|p|div|article|main|section|title|meta|h[1-6]|span|table|br)\b/i.test(input.slice(0, 200_000));
}

/** Extracts the article of one HTML page. Throws ExtractionError when it is not HTML or has no article body. */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  if (typeof html !== 'string' || html.trim() === '' || !looksLikeHtml(html)) {
    throw new ExtractionError('not-html', 'The input is not an HTML page (no HTML elements found). Pass the page\'s HTML source as a string, decoded from its bytes with the charset the server or the page declares.');
  }
  const document = parseDocument(html);
  const metadata = readMetadata(document);
  const pageUrl = absoluteUrl(options.url) ?? absoluteUrl(metadata.canonical);
  const resolve = makeResolver(absoluteUrl(metadata.baseHref, pageUrl) ?? pageUrl);
  // Metadata URLs (image, original) name web pages: http(s) only, never mailto.
  const resolveWeb = (url: string): string | null => {
    const resolved = resolve(url);
    return resolved !== null && /^https?:/.test(resolved) ? resolved : null;
  };
  const attributionLines = scanAttributionLines(document);
  const hints = readPageHints(document, metadata.language);

  prepareDocument(document);
  // A copy of the densest article container, taken before Readability changes the document: the
  // second opinion when Readability finds nothing, or much less prose than the page holds.
  const dense = densestContainer(document)?.cloneNode(true) ?? null;
  const parsed = runReadability(document);
  let root = parsed?.content ?? null;
  if (dense !== null && (root === null || proseLength(dense) > unlinkedLength(root) * DENSE_PROSE_RATIO)) {
    removeComments(dense);
    root = dense;
  }
  const title = pickTitle({
    metadataTitle: metadata.title,
    readabilityTitle: parsed?.title ?? null,
    documentTitle: collapsedText(document.querySelector('title') ?? document.createElement('title')),
    headings: hints.headings,
    siteName: metadata.siteName,
  });
  if (root === null) {
    throw new ExtractionError('no-article', 'No article body was found on the page: it has no paragraphs of text. Check that this is an article page (not a home page, a listing or a page built by JavaScript) and that it was saved completely.');
  }

  const bodyRemoved = removeFurniture(root, { title });
  const bodyHtml = sanitizeBody(root, document, resolve);
  const bodyText = bodyHtmlToText(bodyHtml);
  if (countWords(bodyText) < MIN_BODY_WORDS) {
    throw new ExtractionError('no-article', `No article body was found on the page${title !== null ? ` "${title}"` : ''}: after removing navigation and page furniture, ${countWords(bodyText)} word(s) of text remain. Check that this is an article page (not a home page, a listing or a page built by JavaScript) and that it was saved completely.`);
  }

  const firstParagraph = bodyText.split('\n\n')[0] ?? '';
  const dateline = findDateline(firstParagraph);
  const siteName = metadata.siteName;
  const attribution = readAttribution({
    metadata,
    removed: [...bodyRemoved, ...attributionLines],
    dateline,
    siteName,
    pageUrl,
    resolve: resolveWeb,
  });
  const headBylines = bodyRemoved.filter((r) => r.reason === 'head.byline' || r.reason === 'body.byline').map((r) => r.text);
  const authors = [metadata.authors, hints.authors, cleanAuthors(headBylines), cleanAuthors(parsed?.byline ? [parsed.byline] : [])].find((list) => list.length > 0) ?? [];
  const leadImageUrl = metadata.leadImage !== null ? resolveWeb(metadata.leadImage.url) : null;

  return {
    title,
    authors: withoutSiteName(authors, siteName),
    published:
      metadata.published ?? dateFromLines(bodyRemoved, metadata.language) ?? hints.published ?? dateFromUrl(pageUrl) ?? normaliseMachineDate(parsed?.publishedTime),
    modified: metadata.modified,
    language: metadata.language,
    siteName,
    dateline: dateline?.text ?? null,
    source: attribution.source,
    originalUrl: attribution.originalUrl,
    copyright: attribution.copyright,
    leadImage: leadImageUrl !== null && metadata.leadImage !== null ? { url: leadImageUrl, alt: metadata.leadImage.alt } : leadImageFromBody(bodyHtml),
    excerpt: metadata.excerpt,
    bodyHtml,
    bodyText,
    removed: bodyRemoved.map(({ text, reason }) => ({ text, reason })),
  };
}
