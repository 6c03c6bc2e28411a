/**
 * What the visible page says when its metadata is silent: the headline in its <h1>, the byline
 * and the date in the elements sites mark as such (class or id "byline", "author", "date"…), and
 * a date in the URL path (/2019/06/13/). Read before Readability, like the metadata.
 */
import { cleanAuthors } from './authors.js';
import { normaliseMachineDate, normaliseNumericDate, normaliseTextDate } from './dates.js';
import { collapsedText, type DomDocument, type DomElement } from './dom.js';

/** Hints from the visible page, each list in order of preference. */
export interface PageHints {
  headings: string[];
  authors: string[];
  published: string | null;
}

const OUTSIDE_ARTICLE = '[class*="comment"], [id*="comment"], nav, aside, footer, [class*="sidebar"], [class*="related"], [class*="widget"]';
const BYLINE_SELECTOR = [
  '[class*="byline"]', '[class*="author"]', '[id*="author"]', '[class*="autor"]', '[class*="posted-by"]', '[class*="writer"]',
  '.vcard .fn', '[itemprop~="author"]', '[rel~="author"]',
].join(', ');
const DATE_SELECTOR = [
  'time', '[class*="date"]', '[class*="Date"]', '[class*="posted"]', '[class*="published"]', '[class*="datum"]', '[class*="time"]',
  '[class*="meta"]', '[itemprop*="date"]', '[id*="date"]',
].join(', ');
const MAX_HINT_CHARS = 120;
const MAX_CANDIDATES = 12;

/** Elements matching `selector`, those inside the article first, none inside comments or sidebars. */
function candidates(document: DomDocument, selector: string): DomElement[] {
  const scope = document.body.querySelector('article, [itemprop~="articleBody"], main, [role="main"]');
  const inScope = scope !== null ? [...scope.querySelectorAll(selector)] : [];
  const all = [...inScope, ...document.body.querySelectorAll(selector)];
  const seen = new Set<DomElement>();
  const out: DomElement[] = [];
  for (const element of all) {
    if (seen.has(element) || element.closest(OUTSIDE_ARTICLE) !== null) continue;
    seen.add(element);
    const text = collapsedText(element);
    if (text === '' || text.length > MAX_HINT_CHARS) continue;
    out.push(element);
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

function dateOf(element: DomElement, language: string | null): string | null {
  const attribute = element.getAttribute('datetime') ?? element.getAttribute('content');
  const text = collapsedText(element);
  if (/\b(?:updated|modified|aktualisiert|geändert|mis à jour)\b/i.test(text) && !/\b(?:published|posted|veröffentlicht|publié)\b/i.test(text)) return null;
  return normaliseMachineDate(attribute) ?? normaliseTextDate(text, language) ?? normaliseNumericDate(text);
}

/** A date in the URL path: /2019/06/13/, /2019-06-13-, /20190613/. */
export function dateFromUrl(url: string | null): string | null {
  if (url === null) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(path);
  if (match === null) return null;
  return normaliseMachineDate(`${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`);
}

/** Reads the hints; call it before Readability changes the document. */
export function readPageHints(document: DomDocument, language: string | null): PageHints {
  const scope = document.body.querySelector('article, [itemprop~="articleBody"], main, [role="main"]');
  const headings = [...(scope?.querySelectorAll('h1') ?? []), ...document.body.querySelectorAll('h1')]
    .map((h) => collapsedText(h))
    .filter((text, i, all) => text !== '' && all.indexOf(text) === i);

  let authors: string[] = [];
  for (const element of candidates(document, BYLINE_SELECTOR)) {
    const named = element.querySelector('[itemprop~="name"], .fn, a[rel~="author"], a[href*="/author/"], a[href*="/autor/"]');
    authors = cleanAuthors([collapsedText(named ?? element)]);
    if (authors.length > 0) break;
  }

  let published: string | null = null;
  for (const element of candidates(document, DATE_SELECTOR)) {
    published = dateOf(element, language);
    if (published !== null) break;
  }
  return { headings, authors, published };
}
