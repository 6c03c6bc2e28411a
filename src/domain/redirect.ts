import type { Instant } from './ids.js';

/** Why an old address leads somewhere else: an import's old permalink, an unpublished article, a renamed or merged term, an editor's own. */
export const redirectKinds = ['import', 'unpublished', 'moved', 'merged', 'manual'] as const;
export type RedirectKind = (typeof redirectKinds)[number];

/** What a redirect answers: moved for good, moved for now, or gone. */
export const redirectStatuses = [301, 302, 410] as const;
export type RedirectStatus = (typeof redirectStatuses)[number];

/**
 * An old public path (with its query when it matters, as in `/?p=123`) that answers 301 (or
 * `status` 302) to `toPath`, or 410 Gone when `toPath` is null.
 */
export interface Redirect {
  fromPath: string;
  toPath: string | null;
  kind: RedirectKind;
  createdAt: Instant;
  /** Absent on redirects stored before statuses were chosen: 301, or 410 without a target. */
  status?: RedirectStatus;
}

/** The status a redirect answers with. */
export function statusOf(redirect: Pick<Redirect, 'toPath' | 'status'>): RedirectStatus {
  if (redirect.toPath === null) return 410;
  return redirect.status === 302 ? 302 : 301;
}

/**
 * The form a path is stored and looked up in: the path part of a URL as a browser sends it
 * (percent-encoded), with only the query parameters that identify content in old systems,
 * sorted, so `/?p=5&utm_source=x` finds `/?p=5`.
 */
export function redirectKey(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  const rawPath = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
  const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  if (q === -1) return path;
  const kept = pathAndQuery.slice(q + 1).split('&')
    .filter((pair) => identifyingParams.has(pair.split('=')[0] ?? ''))
    .sort();
  return kept.length ? `${path}?${kept.join('&')}` : path;
}

/** Query parameters that name a piece of content in WordPress and Ghost URLs. */
const identifyingParams = new Set(['p', 'page_id', 'attachment_id', 'cat', 'tag', 'author']);
