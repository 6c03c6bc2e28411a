/**
 * The step every format shares: a format reader extracts an item's raw fields into an ItemDraft
 * (text still HTML or plain as the feed had it, links maybe relative, dates as written), and
 * finishFeedItem turns it into a FeedItem: plain text, sanitised HTML, absolute URLs, ISO dates,
 * the full-content verdict, and a problem for each field it had to drop.
 */
import { collapse, htmlToText, maybeHtmlToText, resolveUrl, sanitizeArticleHtml, textToHtml } from './feed-html.js';
import { parseFeedDate } from './parse-feed-date.js';
import type { FeedItem, FeedProblem, ParsedFeed } from './parsed-feed.js';

/** Below this many characters of text, content counts as a teaser and the poller fetches the page. */
export const FULL_CONTENT_MIN_CHARS = 500;

/** Text as the feed carries it: plain text, HTML source, or (RSS titles) plain text that may hold markup. */
export interface FeedText {
  value: string;
  kind: 'text' | 'html' | 'maybe-html';
  /** Base URL for links inside, when it differs from the item's (Atom xml:base on the element). */
  base?: string | null;
}

/** An item's fields as read from the document, before normalisation. */
export interface ItemDraft {
  guid: string | null;
  link: string | null;
  /** Base URL for the item's relative links. */
  base: string | null;
  title: FeedText | null;
  authors: string[];
  published: string | null;
  updated: string | null;
  summary: FeedText | null;
  content: FeedText | null;
  categories: string[];
  image: string | null;
  language: string | null;
  rights: FeedText | null;
  source: { title: string | null; url: string | null } | null;
}

/** A feed as read from the document: feed-level fields already final, items still drafts. */
export type FeedDraft = Omit<ParsedFeed, 'items'> & { items: (ItemDraft | { error: string })[] };

/** Normalises a draft; returns null (with a problem) when nothing readable is left: no title, summary or content. */
export function finishFeedItem(draft: ItemDraft, index: number, feed: { language: string | null; rights: string | null }, problems: FeedProblem[]): FeedItem | null {
  const report = (message: string) => problems.push({ item: index, message: `Item ${index + 1}: ${message}` });
  const title = plain(draft.title);
  const summary = plain(draft.summary);
  const contentHtml = draft.content ? toHtml(draft.content, draft.base) : null;
  if (!title && !summary && !contentHtml) {
    report('has no title, summary or content; skipped.');
    return null;
  }
  const url = resolveUrl(draft.link, draft.base);
  if (draft.link && !url) report(`the link "${draft.link.trim()}" is not an absolute http(s) URL and there is no base URL to resolve it against.`);
  const date = (raw: string | null, what: string) => {
    const parsed = parseFeedDate(raw);
    if (raw?.trim() && !parsed) report(`the ${what} date "${raw.trim()}" could not be read.`);
    return parsed;
  };
  const contentText = contentHtml ? htmlToText(contentHtml) : null;
  return {
    guid: collapse(draft.guid ?? ''),
    url,
    title,
    authors: unique(draft.authors.map(cleanAuthor)),
    published: date(draft.published, 'publication'),
    updated: date(draft.updated, 'update'),
    summary,
    contentHtml,
    hasFullContent: (contentText?.length ?? 0) >= FULL_CONTENT_MIN_CHARS,
    categories: unique(draft.categories.map((c) => maybeHtmlToText(c))),
    image: resolveUrl(draft.image, draft.base),
    language: normaliseLanguage(draft.language) ?? feed.language,
    rights: plain(draft.rights) ?? feed.rights,
    source: draft.source ? { title: draft.source.title ? maybeHtmlToText(draft.source.title) : null, url: resolveUrl(draft.source.url, draft.base) } : null,
  };
}

/** Plain text of a FeedText. */
export function plain(text: FeedText | null): string | null {
  if (!text) return null;
  if (text.kind === 'html') return htmlToText(text.value);
  return text.kind === 'maybe-html' ? maybeHtmlToText(text.value) : collapse(text.value);
}

function toHtml(text: FeedText, itemBase: string | null): string | null {
  const html = text.kind === 'text' ? textToHtml(text.value) : text.value;
  return html ? sanitizeArticleHtml(html, text.base ?? itemBase) : null;
}

/** "jo@example.com (Jo Bloggs)" and "Jo Bloggs <jo@example.com>" are Jo Bloggs. */
function cleanAuthor(raw: string): string | null {
  const text = collapse(raw)?.replace(/^mailto:/i, '');
  if (!text) return null;
  const parenthesised = /^\S+@\S+\s*\((.+)\)$/.exec(text)?.[1];
  const angled = /^(.+?)\s*<[^<>]*@[^<>]*>$/.exec(text)?.[1];
  return maybeHtmlToText((parenthesised ?? angled ?? text).replace(/^"(.*)"$/, '$1'));
}

/** "en_US" → "en-US"; blank → null. */
export function normaliseLanguage(raw: string | null | undefined): string | null {
  return raw?.trim().replace(/_/g, '-') || null;
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}
