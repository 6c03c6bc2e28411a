/**
 * Vets a URL before any request is made to it — the first URL and every redirect target alike.
 * The WHATWG URL parser normalises odd host spellings first (`2130706433`, `0x7f.1`,
 * `017700000001` all become `127.0.0.1`; `[::ffff:127.0.0.1]` becomes `[::ffff:7f00:1]`), so an
 * IP literal is judged in its canonical form. Host names are judged later, at connect time, on
 * the addresses they actually resolve to (guarded-connector.ts).
 */
import type { AddressPolicy } from './address-policy.js';
import { isIpLiteral, unbracket } from './address-policy.js';
import { FetchError } from './fetch-error.js';

/** Ports always allowed: the defaults of http and https. Others must be configured. */
export const DEFAULT_PORTS: readonly number[] = [80, 443];

/** What a target URL must satisfy. */
export interface TargetRules {
  policy: AddressPolicy;
  /** Allowed ports besides 80 and 443. */
  extraPorts: ReadonlySet<number>;
}

/**
 * Parses `raw` (relative to `base`, for a redirect's Location) and checks scheme, credentials,
 * port and — for an IP literal — the address. Returns the URL without its fragment.
 */
export function checkTargetUrl(raw: string, rules: TargetRules, base?: URL): URL {
  const shown = base ? `${raw} (from ${base.href})` : raw;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (cause) {
    throw new FetchError('bad-url', `"${shown}" is not a valid URL; check it for typos.`, { url: raw, cause });
  }
  url.hash = '';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('bad-url', `${url.href} uses ${url.protocol.replace(/:$/, '')}; only http and https URLs can be fetched.`, { url: url.href });
  }
  if (url.username !== '' || url.password !== '') {
    throw new FetchError('bad-url', `${url.href} contains a user name or password; remove the credentials from the URL.`, { url: url.href });
  }
  if (url.port !== '') {
    const port = Number(url.port);
    if (!DEFAULT_PORTS.includes(port) && !rules.extraPorts.has(port)) {
      throw new FetchError('bad-url', `${url.href} uses port ${port}; only ports 80 and 443 (and ports the operator allows) can be fetched.`, { url: url.href });
    }
  }
  if (url.hostname === '') {
    throw new FetchError('bad-url', `${url.href} has no host name.`, { url: url.href });
  }
  if (isIpLiteral(url.hostname)) {
    const verdict = rules.policy.check(unbracket(url.hostname));
    if (!verdict.allowed) {
      throw new FetchError('forbidden-address', `Refused to fetch ${url.href}: ${verdict.reason}. Dateline only fetches from public internet addresses.`, { url: url.href });
    }
  }
  return url;
}
