import type { FeedDocument, FeedDocumentReader, FeedEntry } from '../../app/ingest-ports.js';
import { AppError } from '../../domain/errors.js';
import { escapeHtml } from './xml-tree.js';
import { FeedParseError, parseFeed, type FeedItem, type ParsedFeed } from './parse-feed.js';

/** Maps one feed item to an import draft: the item link is the original URL, the feed's rights its copyright line. */
export function feedItemToEntry(item: FeedItem): FeedEntry | null {
  const title = item.title ?? item.summary?.split(/(?<=[.!?])\s/)[0]?.slice(0, 200) ?? null;
  if (!title) return null;
  const body = item.contentHtml ?? (item.summary ? `<p>${escapeHtml(item.summary)}</p>` : '');
  return {
    guid: item.guid,
    url: item.url,
    hasFullContent: item.hasFullContent && !!item.contentHtml,
    draft: {
      title,
      authors: item.authors,
      publishedAt: item.published ?? item.updated,
      language: item.language,
      body,
      bodyFormat: 'html',
      terms: [],
      original: { publisher: item.source?.title ?? null, url: item.url, publishedAt: item.published, author: item.authors[0] ?? null },
      copyrightLine: item.rights,
      excerpt: item.summary,
      imageUrl: item.image,
    },
  };
}

/** A parsed feed as entries, with the parser's problems and one for every item that could not become a draft. */
export function feedToDocument(parsed: ParsedFeed): FeedDocument {
  const entries: FeedEntry[] = [];
  const problems = [...parsed.problems];
  parsed.items.forEach((item, index) => {
    const entry = feedItemToEntry(item);
    if (entry) entries.push(entry);
    else problems.push({ item: index, message: 'it has neither a title nor a summary, so it was not imported' });
  });
  if (parsed.items.length === 0) problems.push({ item: null, message: 'the feed has no items' });
  return { title: parsed.title, siteUrl: parsed.siteUrl, entries, problems };
}

/** The app's FeedDocumentReader over the RSS/Atom/JSON Feed parser. */
export const feedDocumentReader: FeedDocumentReader = {
  read(resource): FeedDocument {
    let parsed;
    try {
      parsed = parseFeed(resource.body, { url: resource.url, contentType: resource.contentType });
    } catch (error) {
      if (error instanceof FeedParseError) {
        throw new AppError('FEED_UNREADABLE', `${resource.url} is not a usable feed: ${error.message}`, { cause: error, details: { url: resource.url, reason: error.code } });
      }
      throw error;
    }
    return feedToDocument(parsed);
  },
};
