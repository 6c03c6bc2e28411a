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
import { readMetadata, type PageMetadata } from './metadata.js';
import { dateFromUrl, readPageHints } from './page-hints.js';
import { densestContainer, prepareDocument } from './prepare-document.js';

/** One article extracted from an HTML page. See docs of each field in the ingest README. */
export interface ExtractedArticle {
  title: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  language: string | null;
  siteName: string | null;
  dateline: string | null;
  source: string | null;
  originalUrl: string | null;
  copyright: string | null;
  leadImage: { url: string; alt: string | null } | null;
  excerpt: string | null;
  bodyHtml: string;
  bodyText: string;
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
/** Below this many words, Readability's answer is checked against the densest container. */
const SHORT_BODY_WORDS = 60;
/** A body with fewer words than this is no article. */
const MIN_BODY_WORDS = 8;

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

/** "Headline | Site Name" → "Headline", when the site name (or a plain section label) is the separated part. */
function withoutSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—·•:]\s+|\s+-\s+|\s+::\s+/);
  if (parts.length < 2) return title.trim();
  const site = siteName?.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') ?? '';
  const isSite = (part: string): boolean => site !== '' && part.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') === site;
  const last = parts[parts.length - 1] ?? '';
  const firstPart = parts[0] ?? '';
  if (isSite(last)) return title.slice(0, title.length - last.length).replace(/[\s|–—·•:-]+$/, '').trim();
  if (isSite(firstPart)) return title.slice(firstPart.length).replace(/^[\s|–—·•:-]+/, '').trim();
  return title.trim();
}

const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The headline: the metadata title (JSON-LD, OpenGraph), else Readability's, else <title>. When
 * the page's own <h1> is part of that title ("Headline – Site", "Section: Headline"), the <h1>
 * is the headline as readers see it.
 */
function pickTitle(metadata: PageMetadata, readabilityTitle: string | null, headings: readonly string[], document: DomDocument): string | null {
  const raw = (metadata.title ?? readabilityTitle ?? collapsedText(document.querySelector('title') ?? document.createElement('title'))).replace(/\s+/g, ' ').trim();
  const site = metadata.siteName !== null ? comparable(metadata.siteName) : '';
  const key = comparable(raw);
  const heading = headings.find((h) => {
    const k = comparable(h);
    return k !== '' && k !== site && countWords(h) >= 2 && key.includes(k);
  });
  if (heading !== undefined) return heading;
  if (raw === '') return headings[0] ?? null;
  return withoutSiteSuffix(raw, metadata.siteName) || null;
}

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
  const attributionLines = scanAttributionLines(document);
  const hints = readPageHints(document, metadata.language);

  prepareDocument(document);
  const parsed = runReadability(document);
  let root = parsed?.content ?? null;
  let rootDocument = document;
  if (root === null || countWords(collapsedText(root)) < SHORT_BODY_WORDS) {
    // Readability found nothing or very little: compare with the densest article container of a fresh copy.
    const fresh = parseDocument(html);
    prepareDocument(fresh);
    const dense = densestContainer(fresh);
    if (dense !== null && (root === null || countWords(collapsedText(dense)) > countWords(collapsedText(root)) * 1.5)) {
      root = dense;
      rootDocument = fresh;
    }
  }
  const title = pickTitle(metadata, parsed?.title ?? null, hints.headings, document);
  if (root === null) {
    throw new ExtractionError('no-article', 'No article body was found on the page: it has no paragraphs of text. Check that this is an article page (not a home page, a listing or a page built by JavaScript) and that it was saved completely.');
  }

  const bodyRemoved = removeFurniture(root, { title });
  const bodyHtml = sanitizeBody(root, rootDocument, resolve);
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
    resolve,
  });
  const headBylines = bodyRemoved.filter((r) => r.reason === 'head.byline' || r.reason === 'body.byline').map((r) => r.text);
  const authors = [metadata.authors, hints.authors, cleanAuthors(headBylines), cleanAuthors(parsed?.byline ? [parsed.byline] : [])].find((list) => list.length > 0) ?? [];
  const leadImageUrl = metadata.leadImage !== null ? resolve(metadata.leadImage.url) : null;

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
