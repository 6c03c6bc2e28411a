/**
 * JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). The document is `unknown` until
 * zod has read it; every field is optional and a field of the wrong type is dropped rather than
 * failing its item, because one publisher's bug should cost a field, not the feed.
 */
import { z } from 'zod';
import type { FeedDraft, ItemDraft } from './finish-feed-item.js';
import { normaliseLanguage } from './finish-feed-item.js';
import { collapse, resolveUrl } from './feed-html.js';
import type { FeedFormat } from './parsed-feed.js';

const text = z.string().optional().catch(undefined);
const person = z.object({ name: text }).catch({ name: undefined });
const people = z.array(person).optional().catch(undefined);
const strings = z.array(z.unknown()).optional().catch(undefined).transform((list) => (list ?? []).filter((v): v is string => typeof v === 'string'));

const jsonFeedItem = z.object({
  id: z.union([z.string(), z.number().transform(String)]).optional().catch(undefined),
  url: text,
  external_url: text,
  title: text,
  content_html: text,
  content_text: text,
  summary: text,
  image: text,
  banner_image: text,
  date_published: text,
  date_modified: text,
  author: person.optional(),
  authors: people,
  tags: strings,
  language: text,
  attachments: z.array(z.object({ url: text, mime_type: text }).catch({ url: undefined, mime_type: undefined })).optional().catch(undefined),
});

const jsonFeed = z.object({
  version: text,
  title: text,
  home_page_url: text,
  feed_url: text,
  language: text,
  author: person.optional(),
  authors: people,
  items: z.array(z.unknown()).catch([]),
});

/** The JSON Feed version URL's last segment: "1" or "1.1"; null when the document does not claim to be a JSON Feed. */
export function jsonFeedFormat(document: unknown): FeedFormat | null {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return null;
  const version = (document as { version?: unknown }).version;
  if (typeof version !== 'string') return null;
  // The version should be the spec's URL; some publishers write just "1.1".
  const number = /^(?:https?:\/\/(?:www\.)?jsonfeed\.org\/version\/)?(1(?:\.[01])?)\/?$/i.exec(version.trim())?.[1];
  return number === '1.1' ? 'json-feed-1.1' : number ? 'json-feed-1.0' : null;
}

/** Reads a JSON Feed document (already JSON.parse'd) into a feed draft. */
export function readJsonFeed(document: unknown, format: FeedFormat, documentUrl: string | null): FeedDraft {
  const feed = jsonFeed.parse(document);
  const feedUrl = resolveUrl(feed.feed_url, null);
  const siteUrl = resolveUrl(feed.home_page_url, null);
  const base = resolveUrl(documentUrl, null) ?? feedUrl ?? siteUrl;
  const feedAuthors = names(feed.authors, feed.author);
  return {
    format,
    title: collapse(feed.title ?? ''),
    siteUrl,
    feedUrl: feedUrl ?? resolveUrl(documentUrl, null),
    language: normaliseLanguage(feed.language),
    rights: null,
    items: feed.items.map((raw) => {
      const parsed = jsonFeedItem.safeParse(raw);
      return parsed.success ? readItem(parsed.data, base, feedAuthors) : { error: 'is not a JSON object.' };
    }),
    problems: [],
  };
}

function readItem(item: z.infer<typeof jsonFeedItem>, base: string | null, feedAuthors: string[]): ItemDraft {
  const authors = names(item.authors, item.author);
  const imageAttachment = item.attachments?.find((a) => a.mime_type?.toLowerCase().startsWith('image/'));
  return {
    guid: item.id ?? null,
    link: item.url ?? null,
    base,
    title: item.title ? { value: item.title, kind: 'text' } : null,
    // JSON Feed 1.1: an item without authors has the feed's.
    authors: authors.length ? authors : feedAuthors,
    published: item.date_published ?? null,
    updated: item.date_modified ?? null,
    summary: item.summary ? { value: item.summary, kind: 'text' } : null,
    content: item.content_html ? { value: item.content_html, kind: 'html' } : item.content_text ? { value: item.content_text, kind: 'text' } : null,
    categories: item.tags,
    image: item.image ?? item.banner_image ?? imageAttachment?.url ?? null,
    language: item.language ?? null,
    rights: null,
    source: null,
  };
}

/** 1.1 `authors` wins over the deprecated 1.0 `author`. */
function names(authors: { name?: string | undefined }[] | undefined, author: { name?: string | undefined } | undefined): string[] {
  const list = authors?.length ? authors : author ? [author] : [];
  return list.map((a) => a.name ?? '').filter(Boolean);
}
