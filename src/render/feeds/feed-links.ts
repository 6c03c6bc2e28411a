import type { ArchiveSubject } from '../../app/public-site.js';
import type { FeedSubject } from '../../app/syndication-queries.js';
import type { SiteSettings } from '../../domain/site-settings.js';
import { html, type SafeHtml } from '../html.js';
import { absoluteUrl } from '../paths.js';
import { feedFormatNames, feedFormats, feedPath, feedTitle } from './feed-paths.js';

/** One `<link rel="alternate">` advertising a feed. */
export interface AlternateFeedLink {
  type: string;
  title: string;
  href: string;
}

/**
 * The feeds a page advertises: an archive's own feeds first (readers subscribe to the first
 * one they find), then the whole site's in every format.
 */
export function alternateFeedLinks(settings: SiteSettings, archive?: ArchiveSubject | null): AlternateFeedLink[] {
  const subjects: FeedSubject[] = archive ? [archive, { kind: 'site' }] : [{ kind: 'site' }];
  return subjects.flatMap((subject) => feedFormatNames.map((format) => ({
    type: feedFormats[format].mediaType,
    title: `${feedTitle(settings, subject)} (${feedFormats[format].label})`,
    href: absoluteUrl(settings.url, feedPath(subject, format)),
  })));
}

/** The `<link rel="alternate">` tags for a page's `<head>`. */
export function alternateFeedLinkTags(links: readonly AlternateFeedLink[]): SafeHtml {
  return html`${links.map((l) => html`<link rel="alternate" type="${l.type}" title="${l.title}" href="${l.href}">\n`)}`;
}
