import { buildXml, type XmlNode } from '../xml.js';
import type { FeedDocument, FeedEntry } from './feed-document.js';
import { feedFormats } from './feed-paths.js';

/** An instant as RFC 3339 in UTC, the date format of Atom and JSON Feed. */
export function rfc3339(instant: string): string {
  return new Date(instant).toISOString();
}

/**
 * Atom 1.0 (RFC 4287). The feed's xml:base is the site root and each entry's is the article, so
 * any relative URL left in content resolves as it does on the page. A republished entry names
 * its original in `<source>` and carries its copyright line in `<rights>`.
 */
export function renderAtomFeed(doc: FeedDocument): string {
  return buildXml({
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:base': doc.homeUrl,
      '@_xml:lang': doc.language,
      id: doc.id,
      title: { '@_type': 'text', '#text': doc.title },
      subtitle: doc.description ? { '@_type': 'text', '#text': doc.description } : undefined,
      updated: rfc3339(doc.updated),
      link: [
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': doc.pageUrl },
        { '@_rel': 'self', '@_type': feedFormats.atom.mediaType, '@_href': doc.selfUrls.atom },
      ],
      // Atom needs an author for every entry; the site stands in for entries without a byline.
      author: { name: doc.siteName, uri: doc.homeUrl },
      generator: 'Dateline',
      logo: doc.logoUrl ?? undefined,
      entry: doc.entries.map((entry) => atomEntry(entry, doc.language)),
    },
  });
}

function atomEntry(entry: FeedEntry, feedLanguage: string): XmlNode {
  const links: XmlNode[] = [{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': entry.url }];
  // Atom's enclosure needs neither length nor type, so images of unknown type are still linked.
  if (entry.image) links.push({ '@_rel': 'enclosure', '@_type': entry.image.type ?? undefined, '@_href': entry.image.url, '@_title': entry.image.alt || undefined });
  return {
    '@_xml:base': entry.url,
    '@_xml:lang': entry.language !== feedLanguage ? entry.language : undefined,
    id: entry.id,
    title: { '@_type': 'text', '#text': entry.title },
    link: links,
    published: rfc3339(entry.published),
    updated: rfc3339(entry.updated),
    author: entry.authors.length ? entry.authors.map((a) => ({ name: a.name, uri: a.url })) : undefined,
    category: entry.categories.length ? entry.categories.map((c) => ({ '@_term': c.term, '@_scheme': c.scheme, '@_label': c.label })) : undefined,
    summary: { '@_type': 'text', '#text': entry.summary },
    content: entry.contentHtml !== null ? { '@_type': 'html', '#text': entry.contentHtml } : undefined,
    rights: { '@_type': 'text', '#text': entry.rights },
    source: atomSource(entry.original),
  };
}

/** The original a republished entry comes from: its publisher as title, the original article as link. */
function atomSource(original: FeedEntry['original']): XmlNode | undefined {
  if (!original) return undefined;
  const href = original.url ?? original.publisherUrl;
  if (!original.publisher && !href) return undefined;
  return {
    title: original.publisher ? { '@_type': 'text', '#text': original.publisher } : undefined,
    link: href ? { '@_rel': 'alternate', '@_type': 'text/html', '@_href': href } : undefined,
  };
}
