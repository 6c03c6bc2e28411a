import type { NewsSitemapData, SitemapData, SitemapIndexData, SitemapLocation, SitemapRef } from '../app/syndication-queries.js';
import { absoluteUrl, paths } from './paths.js';
import { escapeXml } from './xml.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** Where the sitemap index lives (robots.txt names it). */
export const sitemapIndexPath = '/sitemap.xml';

type SitemapName = { kind: 'articles' | 'archives'; number: number } | { kind: 'news' };

/** The path of one sitemap file: `/sitemaps/articles-3.xml`, `/sitemaps/archives-1.xml`, `/sitemaps/news.xml`. */
export function sitemapPath(name: SitemapName): string {
  return name.kind === 'news' ? '/sitemaps/news.xml' : `/sitemaps/${name.kind}-${name.number}.xml`;
}

/** Reads a file name under /sitemaps/ back; null for anything `sitemapPath` would not produce. */
export function parseSitemapName(file: string): SitemapName | null {
  if (file === 'news.xml') return { kind: 'news' };
  const match = /^(articles|archives)-([1-9][0-9]{0,6})\.xml$/.exec(file);
  return match ? { kind: match[1] as 'articles' | 'archives', number: Number(match[2]) } : null;
}

/** A W3C Datetime (the profile of ISO 8601 sitemaps use), in UTC. */
export function w3cDatetime(instant: string): string {
  return new Date(instant).toISOString();
}

/**
 * The language code Google News expects: ISO 639 (two or three letters), except `zh-cn` and
 * `zh-tw` for Simplified and Traditional Chinese.
 */
export function newsLanguage(tag: string): string {
  const parts = tag.toLowerCase().split(/[-_]/);
  const primary = parts[0] && /^[a-z]{2,3}$/.test(parts[0]) ? parts[0] : 'en';
  if (primary !== 'zh') return primary;
  return parts.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo') ? 'zh-tw' : 'zh-cn';
}

/** The sitemap index: every sitemap file with its lastmod. */
export function renderSitemapIndex(data: SitemapIndexData): string {
  const lines = data.sitemaps.map((ref: SitemapRef) => `  <sitemap>\n    <loc>${escapeXml(absoluteUrl(data.settings.url, sitemapPath(ref)))}</loc>\n${lastmod(ref.lastmod)}  </sitemap>\n`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n${lines.join('')}</sitemapindex>\n`;
}

/** One sitemap of pages (articles or archives). */
export function renderUrlSet(data: SitemapData): string {
  const lines = data.entries.map((e) => `  <url>\n    <loc>${escapeXml(absoluteUrl(data.settings.url, locationPath(e.location)))}</loc>\n${lastmod(e.lastmod)}  </url>\n`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}">\n${lines.join('')}</urlset>\n`;
}

/**
 * The Google News sitemap. With nothing published in the last 48 hours it is an empty urlset:
 * the address given to search engines keeps answering, at the cost of the one-`<url>` minimum in
 * the sitemaps.org schema.
 */
export function renderNewsSitemap(data: NewsSitemapData): string {
  const name = escapeXml(data.settings.name);
  const lines = data.entries.map((e) => `  <url>
    <loc>${escapeXml(absoluteUrl(data.settings.url, e.path))}</loc>
    <news:news>
      <news:publication>
        <news:name>${name}</news:name>
        <news:language>${escapeXml(newsLanguage(e.language))}</news:language>
      </news:publication>
      <news:publication_date>${w3cDatetime(e.publishedAt)}</news:publication_date>
      <news:title>${escapeXml(e.title)}</news:title>
    </news:news>
  </url>
`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${lines.join('')}</urlset>\n`;
}

function lastmod(instant: string | null): string {
  return instant ? `    <lastmod>${w3cDatetime(instant)}</lastmod>\n` : '';
}

function locationPath(location: SitemapLocation): string {
  switch (location.kind) {
    case 'article':
      return location.path;
    case 'home':
      return paths.home;
    case 'taxonomy':
      return paths.taxonomyIndex(location.taxonomy);
    case 'term':
      return paths.term(location.taxonomy, location.term);
    case 'author-directory':
      return paths.authorIndex;
    case 'author':
      return paths.author(location.author);
    case 'source-directory':
      return paths.sourceIndex;
    case 'source':
      return paths.source(location.source);
  }
}
