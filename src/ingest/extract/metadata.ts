/**
 * Page metadata read BEFORE Readability changes the document: JSON-LD, OpenGraph and the other
 * <meta> vocabularies (article:*, dc.*, parsely, sailthru…), <link rel=canonical>, microdata
 * (itemprop) and <time datetime>. Each field takes the first source, in the order listed at the
 * field, that gives a usable value.
 */
import { cleanAuthors } from './authors.js';
import { normaliseMachineDate } from './dates.js';
import { collapsedText, decodeEntities, type DomDocument, type DomElement } from './dom.js';
import { ldNames, ldObject, ldText, ldUrl, ldWebsiteName, readJsonLd, type JsonLd } from './json-ld.js';

/** Metadata of the page, with URLs still as written (not yet resolved). */
export interface PageMetadata {
  title: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  language: string | null;
  siteName: string | null;
  excerpt: string | null;
  leadImage: { url: string; alt: string | null } | null;
  canonical: string | null;
  baseHref: string | null;
  original: { publisher: string | null; url: string | null };
  copyright: string | null;
}

type MetaIndex = Map<string, string[]>;

/** Every <meta> content by its lower-cased property, name, itemprop or http-equiv. */
function indexMeta(document: DomDocument): MetaIndex {
  const index: MetaIndex = new Map();
  for (const meta of document.querySelectorAll('meta')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (!key) continue;
      index.set(key, [...(index.get(key) ?? []), content]);
    }
  }
  return index;
}

function first(meta: MetaIndex, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key)?.[0];
    if (value !== undefined && value !== '') return decodeEntities(value);
  }
  return null;
}

/** The value of a microdata property: its content/datetime attribute, else its text. */
function itemprop(document: DomDocument, name: string): DomElement[] {
  return [...document.querySelectorAll(`[itemprop~="${name}"]`)];
}

function itempropValue(element: DomElement): string | null {
  const value = element.getAttribute('content') ?? element.getAttribute('datetime') ?? collapsedText(element);
  return value.trim() === '' ? null : value.trim();
}

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'published_time', 'article.published', 'datepublished',
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc.date', 'dc.date.issued', 'dc.date.created',
  'dcterms.date', 'dcterms.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'article:published',
  'citation_publication_date', 'citation_date', 'originalpublicationdate', 'og:pubdate', 'pub_date', 'date.available',
];
const MODIFIED_META = [
  'article:modified_time', 'og:article:modified_time', 'og:updated_time', 'modified_time', 'datemodified',
  'last-modified', 'dcterms.modified', 'dc.date.modified', 'article.updated', 'sailthru.lastmodified', 'lastmod',
];
const AUTHOR_META = ['author', 'article:author', 'og:article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'citation_author', 'byl', 'cxenseparse:author', 'author_name'];
const SOURCE_META = ['syndication-source', 'original-source', 'og:article:source', 'article:source'];

function firstDate(values: readonly (string | null | undefined)[]): string | null {
  for (const value of values) {
    const date = normaliseMachineDate(value);
    if (date !== null) return date;
  }
  return null;
}

/** BCP 47 tag from "en_US", "en-us", "EN"…, or null when the value is not a language tag. */
export function normaliseLanguage(value: string | null | undefined): string | null {
  const tag = (value ?? '').split(/[,;\s]/)[0]?.replace(/_/g, '-').trim() ?? '';
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

function parselyPage(meta: MetaIndex): Record<string, unknown> {
  const raw = meta.get('parsely-page')?.[0];
  if (raw === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function readAuthors(document: DomDocument, meta: MetaIndex, ld: JsonLd): string[] {
  const article = ld.article;
  const candidates: string[][] = [
    article ? ldNames(ld, article['author'] ?? article['creator']) : [],
    AUTHOR_META.flatMap((key) => meta.get(key) ?? []).filter((value) => !/^https?:\/\//i.test(value)).map(decodeEntities),
    itemprop(document, 'author').map((el) => el.querySelector('[itemprop~="name"]') ?? el).map((el) => itempropValue(el) ?? ''),
    [...document.querySelectorAll('a[rel~="author"]')].map((el) => collapsedText(el)),
  ];
  for (const bylines of candidates) {
    const names = cleanAuthors(bylines.filter((b) => b !== ''));
    if (names.length > 0) return names;
  }
  return [];
}

function readOriginal(meta: MetaIndex, ld: JsonLd): PageMetadata['original'] {
  const article = ld.article;
  const basedOn = article ? (article['isBasedOn'] ?? article['isBasedOnUrl']) : undefined;
  const basedOnNode = ldObject(ld, basedOn);
  const publisher = basedOnNode
    ? ldText(ld, basedOnNode['publisher'] ?? basedOnNode['sourceOrganization'] ?? basedOnNode['provider'])
    : null;
  const metaSource = first(meta, SOURCE_META);
  const url = (basedOn !== undefined ? ldUrl(ld, basedOn) : null) ?? (metaSource !== null && /^https?:\/\//i.test(metaSource) ? metaSource : null);
  const metaPublisher = metaSource !== null && !/^https?:\/\//i.test(metaSource) ? metaSource : null;
  return { publisher: publisher ?? metaPublisher, url };
}

function readCopyright(meta: MetaIndex, ld: JsonLd): string | null {
  const article = ld.article;
  if (article) {
    const notice = ldText(ld, article['copyrightNotice']);
    if (notice !== null) return notice;
    const holder = ldText(ld, article['copyrightHolder']);
    const year = ldText(ld, article['copyrightYear']);
    if (holder !== null || year !== null) return ['©', year, holder].filter((part) => part !== null).join(' ');
  }
  return first(meta, ['copyright', 'dcterms.rights', 'dc.rights', 'rights']);
}

function readLeadImage(meta: MetaIndex, ld: JsonLd): PageMetadata['leadImage'] {
  const og = first(meta, ['og:image:secure_url', 'og:image', 'og:image:url']);
  if (og !== null) return { url: og, alt: first(meta, ['og:image:alt']) };
  const twitter = first(meta, ['twitter:image', 'twitter:image:src']);
  if (twitter !== null) return { url: twitter, alt: first(meta, ['twitter:image:alt']) };
  const image = ld.article ? ld.article['image'] ?? ld.article['thumbnailUrl'] : undefined;
  const url = image !== undefined ? ldUrl(ld, image) : null;
  if (url === null) return null;
  const node = ldObject(ld, image);
  return { url, alt: node ? ldText(ld, node['caption'] ?? node['description']) : null };
}

/** Reads the page's metadata. Call it before Readability: Readability removes parts of the document. */
export function readMetadata(document: DomDocument): PageMetadata {
  const meta = indexMeta(document);
  const ld = readJsonLd(document);
  const article = ld.article;
  const parsely = parselyPage(meta);
  const publisher = article ? ldText(ld, article['publisher']) : null;
  const timeElement = ['time[pubdate]', 'article time[datetime]', 'main time[datetime]'].map((selector) => document.querySelector(selector)).find((el) => el !== null);

  return {
    title: (article ? ldText(ld, article['headline'] ?? article['name']) : null) ?? first(meta, ['og:title', 'twitter:title', 'dc.title', 'parsely-title', 'sailthru.title']),
    authors: readAuthors(document, meta, ld),
    published: firstDate([
      article ? ldText(ld, article['datePublished'] ?? article['dateCreated'] ?? article['uploadDate']) : null,
      ...PUBLISHED_META.map((key) => meta.get(key)?.[0]),
      ...itemprop(document, 'datePublished').map(itempropValue),
      typeof parsely['pub_date'] === 'string' ? parsely['pub_date'] : null,
      timeElement?.getAttribute('datetime'),
    ]),
    modified: firstDate([
      article ? ldText(ld, article['dateModified']) : null,
      ...MODIFIED_META.map((key) => meta.get(key)?.[0]),
      ...itemprop(document, 'dateModified').map(itempropValue),
    ]),
    language:
      normaliseLanguage(document.documentElement.getAttribute('lang') ?? document.documentElement.getAttribute('xml:lang')) ??
      normaliseLanguage(first(meta, ['og:locale'])) ??
      normaliseLanguage(article ? ldText(ld, article['inLanguage']) : null) ??
      normaliseLanguage(first(meta, ['content-language', 'language', 'dc.language', 'dcterms.language'])),
    siteName: first(meta, ['og:site_name']) ?? publisher ?? ldWebsiteName(ld) ?? first(meta, ['application-name', 'publisher', 'dc.publisher']),
    excerpt: first(meta, ['description', 'og:description', 'twitter:description', 'dc.description']) ?? (article ? ldText(ld, article['description']) : null),
    leadImage: readLeadImage(meta, ld),
    canonical: document.querySelector('link[rel~="canonical"]')?.getAttribute('href')?.trim() || null,
    baseHref: document.querySelector('base[href]')?.getAttribute('href')?.trim() || null,
    original: readOriginal(meta, ld),
    copyright: readCopyright(meta, ld),
  };
}
