/** The standing notices every article page carries; texts with {placeholders}. */
export interface Notices {
  disclaimer: string;
  crossPosting: string;
  fairUse: string;
  mediaInquiries: string;
  membershipCall: string;
  commentCall: string;
}

/** Site-wide settings, editable by the owner. */
export interface SiteSettings {
  name: string;
  description: string;
  url: string;
  language: string;
  timeZone: string;
  logoUrl: string | null;
  membershipUrl: string | null;
  commentUrl: string | null;
  contactEmail: string | null;
  pageSize: number;
  /** Whether feeds carry each article's full text or only its summary. */
  feedContent: 'full' | 'summary';
  notices: Notices;
}

/** Values a notice may refer to. Unknown placeholders are left visible so an editor can spot them. */
export type PlaceholderValues = Partial<Record<'site' | 'source' | 'url' | 'author' | 'title' | 'email' | 'year', string>>;

/**
 * Fills `{name}` placeholders. A known placeholder without a value becomes the empty string,
 * tidied so "by {author}" does not leave a dangling comma; `{{` and `}}` escape braces.
 */
export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  const filled = template.replace(/\{\{|\}\}|\{([a-z]+)\}/g, (match, name: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    if (name !== undefined && Object.hasOwn(placeholderNames, name)) return values[name as keyof PlaceholderValues] ?? '';
    return match;
  });
  // Collapse whitespace first: every later pattern then meets single spaces, so none can backtrack over a long run.
  return filled.replace(/\s+/g, ' ').replace(/ ([,.;:])/g, '$1').replace(/\( ?\)/g, '').replace(/ {2,}/g, ' ').trim();
}

const placeholderNames = { site: 1, source: 1, url: 1, author: 1, title: 1, email: 1, year: 1 } as const;

/** The notices a new site starts with; written for Dateline, editable in settings. */
export const defaultNotices: Notices = {
  disclaimer:
    'Disclaimer: the views expressed in this article are those of its author(s). {site} publishes them to inform debate and does not vouch for every statement of fact or opinion in them.',
  crossPosting:
    '{site} allows this article to be reposted on non-commercial websites, provided it is reproduced in full, its author and its source ({source}) are credited, and a link is given to it at {url}.',
  fairUse:
    'Fair use notice: this article may contain copyrighted material whose use has not been specifically authorised by the copyright owner. It is offered for research, criticism, comment and news reporting, which we believe to be fair use. To use the material for other purposes, please ask the copyright owner.',
  mediaInquiries:
    'For print publication, commercial reuse or media inquiries, contact {email}.',
  membershipCall: 'Become a member of {site} and keep independent reporting free to read.',
  commentCall: 'Comment on this article',
};

/** Settings of a freshly created site. */
export const defaultSiteSettings: SiteSettings = {
  name: 'Dateline',
  description: 'Independent news and analysis.',
  url: 'http://127.0.0.1:2368',
  language: 'en',
  timeZone: 'UTC',
  logoUrl: null,
  membershipUrl: null,
  commentUrl: null,
  contactEmail: 'editors@example.org',
  pageSize: 20,
  feedContent: 'full',
  notices: defaultNotices,
};

/**
 * Key of the stored setting that maps countries (ISO 3166-1 alpha-2) onto Region term slugs, as
 * JSON `{ "countries": { "RU": ["russia-and-fsu"], … } }`; absent, the default table of
 * src/intelligence/regions applies.
 */
export const regionMappingSettingKey = 'region-mapping';
