import { escapeHtml } from '../html.js';
import { buildXml, type XmlNode } from '../xml.js';
import type { FeedDocument, FeedEntry } from './feed-document.js';
import { feedFormats } from './feed-paths.js';

/** An instant as RFC 822 (with RFC 1123's four-digit year), the date format RSS 2.0 requires. */
export function rfc822(instant: string): string {
  return new Date(instant).toUTCString();
}

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification). Authors go in `dc:creator`: RSS's own
 * `<author>` must be an e-mail address, which bylines do not carry. Full text goes in
 * `content:encoded`; `description` always holds the summary.
 */
export function renderRssFeed(doc: FeedDocument): string {
  return buildXml({
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      channel: {
        title: doc.title,
        link: doc.pageUrl,
        description: doc.description,
        language: doc.language,
        lastBuildDate: rfc822(doc.updated),
        generator: 'Dateline',
        docs: 'https://www.rssboard.org/rss-specification',
        'atom:link': { '@_href': doc.selfUrls.rss, '@_rel': 'self', '@_type': feedFormats.rss.mediaType },
        image: doc.logoUrl ? { url: doc.logoUrl, title: doc.title, link: doc.pageUrl } : undefined,
        item: doc.entries.map(rssItem),
      },
    },
  });
}

function rssItem(entry: FeedEntry): XmlNode {
  const sourceUrl = entry.original?.url ?? entry.original?.publisherUrl ?? null;
  return {
    title: entry.title,
    link: entry.url,
    guid: { '@_isPermaLink': 'false', '#text': entry.id },
    pubDate: rfc822(entry.published),
    // RSS descriptions are HTML: the plain-text summary is escaped once for HTML, then again for XML.
    description: escapeHtml(entry.summary),
    'content:encoded': entry.contentHtml ?? undefined,
    'dc:creator': entry.authors.length ? entry.authors.map((a) => a.name) : undefined,
    category: entry.categories.length ? entry.categories.map((c) => ({ '@_domain': c.scheme, '#text': c.label })) : undefined,
    // RSS requires a length; the RSS Advisory Board's profile says 0 when the size is unknown. A
    // type is required too, so an image whose type cannot be told from its URL gets no enclosure.
    enclosure: entry.image?.type ? { '@_url': entry.image.url, '@_length': '0', '@_type': entry.image.type } : undefined,
    // <source url> names where a republished item came from; the original article stands in for its channel.
    source: sourceUrl ? { '@_url': sourceUrl, '#text': entry.original?.publisher ?? new URL(sourceUrl).hostname } : undefined,
  };
}
