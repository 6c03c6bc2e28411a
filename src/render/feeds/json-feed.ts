import type { FeedDocument, FeedEntry } from './feed-document.js';
import { rfc3339 } from './atom.js';

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). A republished item points to its
 * original with `external_url`; the copyright line and licence, which the format has no field
 * for, travel in the `_dateline` extension object.
 */
export function renderJsonFeed(doc: FeedDocument): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    home_page_url: doc.pageUrl,
    feed_url: doc.selfUrls.json,
    description: doc.description || undefined,
    language: doc.language,
    icon: doc.logoUrl ?? undefined,
    authors: [{ name: doc.siteName, url: doc.homeUrl }],
    items: doc.entries.map(jsonItem),
  };
  // Escaping U+2028/2029 keeps the document valid for consumers that still eval JSON as JavaScript.
  return `${JSON.stringify(feed, null, 2).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}\n`;
}

function jsonItem(entry: FeedEntry): Record<string, unknown> {
  return {
    id: entry.id,
    url: entry.url,
    external_url: entry.original?.url ?? undefined,
    title: entry.title,
    ...(entry.contentHtml !== null ? { content_html: entry.contentHtml } : { content_text: entry.summary }),
    summary: entry.summary,
    image: entry.image?.url,
    date_published: rfc3339(entry.published),
    date_modified: rfc3339(entry.updated),
    authors: entry.authors.length ? entry.authors : undefined,
    tags: entry.categories.length ? [...new Set(entry.categories.map((c) => c.label))] : undefined,
    language: entry.language,
    _dateline: {
      copyright: entry.rights,
      ...(entry.original
        ? {
            original_publisher: entry.original.publisher ?? undefined,
            original_url: entry.original.url ?? undefined,
            original_author: entry.original.author ?? undefined,
            original_date_published: entry.original.publishedAt ? rfc3339(entry.original.publishedAt) : undefined,
            licence: entry.original.licence ?? undefined,
          }
        : {}),
    },
  };
}
