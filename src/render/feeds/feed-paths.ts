import type { FeedSubject } from '../../app/syndication-queries.js';
import type { SiteSettings } from '../../domain/site-settings.js';
import { paths } from '../paths.js';

export const feedFormatNames = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof feedFormatNames)[number];

/** Each format's file name (appended to the page's path), media type and label. */
export const feedFormats: Record<FeedFormat, { file: string; mediaType: string; contentType: string; label: string }> = {
  rss: { file: 'rss.xml', mediaType: 'application/rss+xml', contentType: 'application/rss+xml; charset=utf-8', label: 'RSS' },
  atom: { file: 'atom.xml', mediaType: 'application/atom+xml', contentType: 'application/atom+xml; charset=utf-8', label: 'Atom' },
  json: { file: 'feed.json', mediaType: 'application/feed+json', contentType: 'application/feed+json; charset=utf-8', label: 'JSON Feed' },
};

/** The path of the HTML page a feed mirrors: `/`, `/region/europe/`, `/author/x/`, `/source/y/`. */
export function feedPagePath(subject: FeedSubject): string {
  switch (subject.kind) {
    case 'site':
      return paths.home;
    case 'term':
      return paths.term(subject.taxonomy, subject.term);
    case 'author':
      return paths.author(subject.author);
    case 'source':
      return paths.source(subject.source);
  }
}

/** A feed's path: the page's path plus the format's file name (`/rss.xml`, `/region/europe/atom.xml`). */
export function feedPath(subject: FeedSubject, format: FeedFormat): string {
  return `${feedPagePath(subject)}${feedFormats[format].file}`;
}

/** A feed's title: the site's name, or the archive's heading followed by it. */
export function feedTitle(settings: SiteSettings, subject: FeedSubject): string {
  switch (subject.kind) {
    case 'site':
      return settings.name;
    case 'term':
      return `${subject.term.name} — ${settings.name}`;
    case 'author':
      return `Articles by ${subject.author.name} — ${settings.name}`;
    case 'source':
      return `Articles from ${subject.source.name} — ${settings.name}`;
  }
}

/** A feed's description. */
export function feedDescription(settings: SiteSettings, subject: FeedSubject): string {
  switch (subject.kind) {
    case 'site':
      return settings.description;
    case 'term':
      return subject.term.description || `${subject.taxonomy.name}: ${subject.term.name}. ${settings.description}`;
    case 'author':
      return subject.author.bio || `Articles by ${subject.author.name} on ${settings.name}.`;
    case 'source':
      return `Articles from ${subject.source.name}, republished by ${settings.name}.`;
  }
}
