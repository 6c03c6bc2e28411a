import type { ArticleView } from '../../app/public-site.js';
import type { FeedData } from '../../app/syndication-queries.js';
import { lastChangeOf } from '../../app/syndication-queries.js';
import type { Article } from '../../domain/article.js';
import { excerptFromText } from '../../domain/article.js';
import type { SiteSettings } from '../../domain/site-settings.js';
import { copyrightLineOf } from '../../domain/syndication.js';
import { htmlToPlainText, sanitizeArticleHtml } from '../../sanitize/article-html.js';
import { formatDate } from '../dates.js';
import { html } from '../html.js';
import { absoluteUrl, articlePath, paths } from '../paths.js';
import { feedDescription, feedFormatNames, feedPagePath, feedPath, feedTitle, type FeedFormat } from './feed-paths.js';

/** A feed as every format needs it: absolute URLs, finished text, one shape for RSS, Atom and JSON Feed. */
export interface FeedDocument {
  title: string;
  description: string;
  language: string;
  siteName: string;
  /** The site's root URL (Atom's xml:base). */
  homeUrl: string;
  /** The HTML page this feed mirrors. */
  pageUrl: string;
  selfUrls: Record<FeedFormat, string>;
  /** Atom's feed id: the page URL, which keeps its slug when terms and authors are renamed. */
  id: string;
  /** The newest change among the entries (or the time of rendering for an empty feed); an ISO instant. */
  updated: string;
  logoUrl: string | null;
  entries: FeedEntry[];
}

export interface FeedEntry {
  /** Permanent: derived from the article id, never from its URL, which changes with its slug. */
  id: string;
  url: string;
  title: string;
  language: string;
  published: string;
  updated: string;
  /** Plain text. */
  summary: string;
  /** Sanitized HTML with absolute URLs, or null when the site publishes summaries only. */
  contentHtml: string | null;
  authors: { name: string; url: string }[];
  categories: { term: string; label: string; scheme: string }[];
  image: { url: string; type: string | null; alt: string } | null;
  /** The copyright line shown under the article. */
  rights: string;
  /** Where a republished piece first appeared; null for the site's own articles. */
  original: { publisher: string | null; url: string | null; publisherUrl: string | null; licence: string | null; author: string | null; publishedAt: string | null } | null;
}

/** Turns feed data from app/ into the format-neutral document the serializers write. */
export function buildFeedDocument(data: FeedData): FeedDocument {
  const { settings, subject } = data;
  const entries = data.items.map((view) => feedEntry(view, settings, data.content === 'full'));
  const updated = entries.reduce<string>((newest, e) => (e.updated > newest ? e.updated : newest), entries.length ? '' : data.now);
  const pageUrl = absoluteUrl(settings.url, feedPagePath(subject));
  return {
    title: feedTitle(settings, subject),
    description: feedDescription(settings, subject),
    language: settings.language,
    siteName: settings.name,
    homeUrl: absoluteUrl(settings.url, paths.home),
    pageUrl,
    selfUrls: Object.fromEntries(feedFormatNames.map((f) => [f, absoluteUrl(settings.url, feedPath(subject, f))])) as Record<FeedFormat, string>,
    id: pageUrl,
    updated,
    logoUrl: settings.logoUrl ? absoluteUrl(settings.url, settings.logoUrl) : null,
    entries,
  };
}

function feedEntry(view: ArticleView, settings: SiteSettings, full: boolean): FeedEntry {
  const { article, authors, source } = view;
  const url = absoluteUrl(settings.url, articlePath(article));
  const published = article.publishedAt ?? article.createdAt;
  const syndication = article.syndication;
  const publisher = syndication?.originalPublisher ?? source?.name ?? null;
  const original = syndication
    ? {
        publisher, url: httpUrl(syndication.originalUrl), publisherUrl: httpUrl(source?.url ?? null), licence: syndication.licence,
        author: syndication.originalAuthor, publishedAt: syndication.originalPublishedAt,
      }
    : null;
  const body = full ? sanitizeArticleHtml(article.bodyHtml, { baseUrl: url }) : null;
  return {
    id: articleGuid(article, settings),
    url,
    title: article.title,
    language: article.language || settings.language,
    published,
    updated: lastChangeOf(article),
    summary: article.excerpt || article.standfirst || excerptFromText(htmlToPlainText(article.bodyHtml)),
    contentHtml: body === null ? null : body + attributionHtml(original, article, settings),
    authors: authors.map((a) => ({ name: a.name, url: absoluteUrl(settings.url, paths.author(a)) })),
    categories: view.taxonomies.flatMap(({ taxonomy, terms }) => terms.map((term) => ({
      term: term.slug, label: term.name, scheme: absoluteUrl(settings.url, paths.taxonomyIndex(taxonomy)),
    }))),
    image: article.featureImage ? imageOf(article.featureImage.url, article.featureImage.alt, settings) : null,
    rights: copyrightLineOf(syndication, settings.name, Number(published.slice(0, 4))),
    original,
  };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An article's permanent feed id. Article ids are UUIDs, so `urn:uuid:` (RFC 9562) names them
 * without depending on the domain or the slug; another id shape falls back to a tag: URI (RFC 4151).
 */
export function articleGuid(article: Pick<Article, 'id' | 'createdAt'>, settings: Pick<SiteSettings, 'url'>): string {
  if (uuid.test(article.id)) return `urn:uuid:${article.id.toLowerCase()}`;
  return `tag:${new URL(settings.url).hostname},${article.createdAt.slice(0, 10)}:article:${encodeURIComponent(article.id)}`;
}

/** The URL when it is an absolute http(s) URL, else null: feeds must not carry other schemes into readers. */
function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const imageTypes: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml',
};

/** An absolute image URL and its media type, guessed from the extension (null when it says nothing). */
function imageOf(src: string, alt: string, settings: SiteSettings): FeedEntry['image'] {
  let url: URL;
  try {
    url = new URL(src, absoluteUrl(settings.url, '/'));
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const extension = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  return { url: url.toString(), type: (extension && imageTypes[extension]) || null, alt };
}

/**
 * The credit line appended to a republished piece's full text. Feed readers show the content and
 * little else, so without it the text would travel without the attribution its licence asks for.
 */
function attributionHtml(original: FeedEntry['original'], article: Omit<Article, 'bodySource'>, settings: SiteSettings): string {
  if (!original?.publisher) return '';
  const when = original.publishedAt ? formatDate(original.publishedAt, article.language || settings.language, settings.timeZone) : null;
  const name = original.url ? html`<a href="${original.url}">${original.publisher}</a>` : html`${original.publisher}`;
  const credit = html`First published by ${name}${when ? html` on ${when}` : ''}${original.author ? html`, by ${original.author}` : ''}.`;
  const year = Number((article.publishedAt ?? article.createdAt).slice(0, 4));
  const notes = [copyrightLineOf(article.syndication, settings.name, year), original.licence].filter((s): s is string => !!s).map(asSentence);
  return `\n${html`<p class="attribution">${credit}${notes.map((n) => ` ${n}`)}</p>`.toString()}`;
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
