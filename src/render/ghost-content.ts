import type { ArticleView } from '../app/public-site.js';
import type { Author } from '../domain/author.js';
import type { SiteSettings } from '../domain/site-settings.js';
import type { Taxonomy, Term } from '../domain/taxonomy.js';
import { decideIndexing } from '../domain/syndication.js';
import { absoluteUrl, articlePath, paths } from './paths.js';

/**
 * JSON shapes of Ghost's Content API (v5), so clients written for Ghost read Dateline unchanged.
 * Fields Ghost has and Dateline does not are present with Ghost's empty values; what only
 * Dateline has (all taxonomies, the attribution record) sits under `dateline`.
 */
export type GhostRecord = Record<string, unknown>;

const WORDS_PER_MINUTE = 275;

export function ghostTag(term: Term, taxonomy: Taxonomy, settings: SiteSettings, postCount?: number): GhostRecord {
  return {
    id: term.id, name: term.name, slug: term.slug, description: term.description, feature_image: null, visibility: 'public',
    og_image: null, og_title: null, og_description: null, twitter_image: null, twitter_title: null, twitter_description: null,
    meta_title: null, meta_description: term.description, codeinjection_head: null, codeinjection_foot: null, canonical_url: null,
    accent_color: null, url: absoluteUrl(settings.url, paths.term(taxonomy, term)),
    ...(postCount === undefined ? {} : { count: { posts: postCount } }),
    dateline: { taxonomy: { slug: taxonomy.slug, name: taxonomy.name }, parent_id: term.parentId },
  };
}

export function ghostAuthor(author: Author, settings: SiteSettings, postCount?: number): GhostRecord {
  return {
    id: author.id, name: author.name, slug: author.slug, profile_image: null, cover_image: null, bio: author.bio, website: author.url,
    location: null, facebook: null, twitter: null, meta_title: null, meta_description: null,
    url: absoluteUrl(settings.url, paths.author(author)),
    ...(postCount === undefined ? {} : { count: { posts: postCount } }),
  };
}

export interface GhostPostOptions {
  include: ReadonlySet<string>;
  formats: ReadonlySet<string>;
  plaintext: (html: string) => string;
}

export function ghostPost(view: ArticleView, settings: SiteSettings, options: GhostPostOptions): GhostRecord {
  const { article, authors } = view;
  const url = absoluteUrl(settings.url, articlePath(article));
  const indexing = decideIndexing(url, article.syndication);
  const text = options.plaintext(article.bodyHtml);
  const terms = view.taxonomies.flatMap(({ taxonomy, terms: list }) => list.map((term) => ({ term, taxonomy })));
  const tags = terms.map(({ term, taxonomy }) => ghostTag(term, taxonomy, settings));
  const ghostAuthors = authors.map((a) => ghostAuthor(a, settings));
  const s = article.syndication;
  return {
    id: article.id, uuid: article.id, title: article.title, slug: article.slug,
    ...(options.formats.has('html') ? { html: article.bodyHtml } : {}),
    ...(options.formats.has('plaintext') ? { plaintext: text } : {}),
    comment_id: article.id,
    feature_image: article.featureImage ? absoluteUrl(settings.url, article.featureImage.url) : null,
    feature_image_alt: article.featureImage?.alt ?? null, feature_image_caption: article.featureImage?.caption ?? null,
    featured: false, visibility: 'public', created_at: article.createdAt, updated_at: article.updatedAt, published_at: article.publishedAt,
    custom_excerpt: article.standfirst, codeinjection_head: null, codeinjection_foot: null, custom_template: null,
    canonical_url: indexing.canonicalUrl && indexing.canonicalUrl !== url ? indexing.canonicalUrl : null,
    url, excerpt: article.excerpt ?? text.slice(0, 500),
    reading_time: Math.max(1, Math.round(text.split(/\s+/).length / WORDS_PER_MINUTE)),
    access: true, comments: false,
    og_image: null, og_title: null, og_description: null, twitter_image: null, twitter_title: null, twitter_description: null,
    meta_title: null, meta_description: article.excerpt, email_subject: null, frontmatter: null,
    ...(options.include.has('authors') ? { authors: ghostAuthors, primary_author: ghostAuthors[0] ?? null } : {}),
    ...(options.include.has('tags') ? { tags, primary_tag: tags[0] ?? null } : {}),
    dateline: {
      language: article.language,
      taxonomies: Object.fromEntries(view.taxonomies.map(({ taxonomy, terms: list }) => [taxonomy.slug, list.map((t) => ({ id: t.id, name: t.name, slug: t.slug }))])),
      syndication: s ? {
        original_publisher: s.originalPublisher, original_url: s.originalUrl, original_author: s.originalAuthor,
        original_published_at: s.originalPublishedAt, copyright_line: s.copyrightLine, licence: s.licence, search_policy: s.searchPolicy,
        source: view.source ? { id: view.source.id, name: view.source.name, slug: view.source.slug } : null,
      } : null,
    },
  };
}

/** Ghost's settings object, from the site's settings. */
export function ghostSettings(settings: SiteSettings, navigation: { label: string; url: string }[]): GhostRecord {
  return {
    title: settings.name, description: settings.description, logo: settings.logoUrl, icon: null, accent_color: null, cover_image: null,
    facebook: null, twitter: null, lang: settings.language, locale: settings.language, timezone: settings.timeZone,
    codeinjection_head: null, codeinjection_foot: null, navigation, secondary_navigation: [],
    meta_title: null, meta_description: settings.description, og_image: null, og_title: null, og_description: null,
    twitter_image: null, twitter_title: null, twitter_description: null, members_support_address: settings.contactEmail,
    url: absoluteUrl(settings.url, '/'),
  };
}

/** Ghost's pagination block. */
export function ghostPagination(page: number, limit: number | 'all', total: number): GhostRecord {
  const size = limit === 'all' ? Math.max(total, 1) : limit;
  const pages = Math.max(1, Math.ceil(total / size));
  return { pagination: { page, limit, pages, total, next: page < pages ? page + 1 : null, prev: page > 1 ? page - 1 : null } };
}

/** Keeps only the requested top-level fields (Ghost's `fields` parameter). */
export function pickFields(record: GhostRecord, fields: ReadonlySet<string> | null): GhostRecord {
  if (!fields) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => fields.has(key)));
}
