import { AppError } from './errors.js';
import { redirectKey, type RedirectStatus } from './redirect.js';

/** Paths a redirect must never shadow: the back office and the site's machinery. */
const protectedPrefixes = ['/admin', '/ghost/api', '/health', '/assets/', '/media/'];

/**
 * The stored form of a redirect's old address: a path on this site (query kept only where it
 * names old content). Refuses anything a browser could read as another host (`//x`, `/\x`).
 */
export function parseRedirectSource(value: string): string {
  const path = value.trim();
  if (!/^\/(?![/\\])[^\s\\]*$/.test(path) || path.length > 2000) {
    throw new AppError('INVALID_INPUT', `"${value}" is not a path on this site: start it with a single "/" (for example /old-section/story/), without spaces or backslashes.`, { details: { field: 'fromPath' } });
  }
  if (path === '/' || protectedPrefixes.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`))) {
    throw new AppError('INVALID_INPUT', `"${path}" belongs to the site itself and cannot be redirected; choose an old address of an article or page.`, { details: { field: 'fromPath' } });
  }
  return redirectKey(path);
}

/**
 * Where a redirect may send readers: a path on this site, or — only when written out in full —
 * an http(s) address elsewhere. Protocol-relative (`//host`) and backslash tricks are refused, so
 * a redirect can never become an open redirect by accident.
 */
export function parseRedirectDestination(value: string): string {
  const target = value.trim();
  if (/^\/(?![/\\])[^\s\\]*$/.test(target) && target.length <= 2000) return target;
  try {
    const url = new URL(target);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && /^https?:\/\//i.test(target) && !target.includes('\\')) return url.toString();
  } catch {
    // fall through to the error below
  }
  throw new AppError('INVALID_INPUT', `"${value}" is not a place to redirect to: give a path on this site (/2026/11/other-article/) or a full address starting with https://.`, { details: { field: 'toPath' } });
}

/** The path on this site a destination names (a full address of the site's own host counts), or null for another site. */
export function localPathOf(destination: string, siteUrl: string): string | null {
  if (destination.startsWith('/')) return redirectKey(destination);
  const url = new URL(destination);
  return url.host === new URL(siteUrl).host ? redirectKey(`${url.pathname}${url.search}`) : null;
}

/** Checks a redirect's status against its destination: 410 has none, 301 and 302 need one. */
export function checkRedirectStatus(status: RedirectStatus, destination: string | null): void {
  if (status === 410 && destination) throw new AppError('INVALID_INPUT', 'A 410 Gone redirect sends readers nowhere: leave the destination empty or choose 301 or 302.', { details: { field: 'toPath' } });
  if (status !== 410 && !destination) throw new AppError('INVALID_INPUT', `A ${status} redirect needs a destination: a path on this site or a full https:// address.`, { details: { field: 'toPath' } });
}

/** How many hops a chain of redirects may have before it counts as a loop. */
export const MAX_REDIRECT_HOPS = 20;

/**
 * Follows `from → to → …` through `next` (the stored redirect's local destination of a path) and
 * refuses when the chain returns to `from` or never ends: readers would bounce forever.
 */
export async function refuseLoop(from: string, to: string | null, next: (path: string) => Promise<string | null>): Promise<void> {
  const chain = [from];
  let current = to;
  while (current !== null) {
    if (current === from || chain.includes(current)) {
      throw new AppError('INVALID_INPUT', `This redirect would make a loop (${[...chain, current].join(' → ')}); readers would never arrive. Point it somewhere else.`, { details: { field: 'toPath', chain: [...chain, current] } });
    }
    chain.push(current);
    if (chain.length > MAX_REDIRECT_HOPS) throw new AppError('INVALID_INPUT', `This redirect would start a chain of more than ${MAX_REDIRECT_HOPS} hops; point it at the final address instead.`, { details: { field: 'toPath' } });
    current = await next(current);
  }
}
