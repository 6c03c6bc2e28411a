/**
 * Media types per kind of fetch: the `Accept` header sent and the `Content-Type`s accepted back.
 * Pure.
 */

/** What the caller is fetching: an article page, a feed, or anything. */
export type AcceptKind = 'html' | 'feed' | 'any';

/** The `Accept` header for each kind: the wanted types first, anything else only as a last resort. */
export const ACCEPT_HEADERS: Readonly<Record<AcceptKind, string>> = {
  html: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1',
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1',
  any: '*/*',
};

/** Content types accepted when the caller passes none; `null` means any type. */
export const DEFAULT_ALLOWED_TYPES: Readonly<Record<AcceptKind, readonly string[] | null>> = {
  html: ['text/html', 'application/xhtml+xml'],
  feed: [
    'application/rss+xml',
    'application/atom+xml',
    'application/rdf+xml',
    'application/xml',
    'text/xml',
    'application/feed+json',
    'application/json',
    'text/plain',
  ],
  any: null,
};

/** Types that say nothing about the content; the caller may opt in to sniffing them. */
const UNLABELLED_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** A parsed `Content-Type`: the lower-cased media type and its charset parameter, if any. */
export interface ParsedContentType {
  mediaType: string | null;
  charset: string | null;
}

/** Parses a `Content-Type` header value; a missing or malformed value yields nulls. */
export function parseContentType(value: string | null | undefined): ParsedContentType {
  if (value === null || value === undefined) return { mediaType: null, charset: null };
  const [essence = '', ...params] = value.split(';');
  const mediaType = essence.trim().toLowerCase();
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const raw = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').trim();
    if (raw !== '') charset = raw.toLowerCase();
    break;
  }
  return { mediaType: /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? mediaType : null, charset };
}

/** True when `mediaType` matches one of `allowed` (exact, or `type/*`). */
export function isAllowedType(mediaType: string, allowed: readonly string[]): boolean {
  const major = mediaType.split('/')[0];
  return allowed.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    return wanted === mediaType || wanted === `${major}/*` || wanted === '*/*';
  });
}

/** True when the response carries no useful type (absent, malformed, or octet-stream). */
export function isUnlabelled(mediaType: string | null): boolean {
  return mediaType === null || UNLABELLED_TYPES.has(mediaType);
}
