/**
 * The safe fetcher: the product's only outbound HTTP. GET only, public addresses only (checked
 * at connect time by guarded-connector.ts, on every hop), redirects followed by hand and each
 * target re-vetted, a total time cap plus idle timeouts, a size cap on wire and decoded bytes,
 * content-type checks, and conditional GET for feeds.
 *
 * Ports: 80 and 443 always; others only when listed in `allowedPorts` (an operator setting, e.g.
 * a partner's feed on :8080). Nothing else about the target is configurable in production.
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { createAddressPolicy } from './address-policy.js';
import { ACCEPT_HEADERS, DEFAULT_ALLOWED_TYPES, isAllowedType, isUnlabelled, parseContentType } from './content-type.js';
import type { AcceptKind } from './content-type.js';
import { FetchError } from './fetch-error.js';
import { createGuardedConnector, RefusedAddressError, systemResolver } from './guarded-connector.js';
import type { Resolver } from './guarded-connector.js';
import { BodyLimitError, readLimitedBody } from './read-body.js';
import { checkTargetUrl } from './target-url.js';
import type { TargetRules } from './target-url.js';

export type { AcceptKind } from './content-type.js';
export type { Resolver } from './guarded-connector.js';

/** Where the User-Agent points people who want to know what is fetching their pages. */
export const DATELINE_PROJECT_URL = 'https://github.com/dateline/dateline';

/** How the fetcher behaves; every field has a safe default. */
export interface FetcherOptions {
  /** Cap on a whole fetch, redirects and body included, in ms. Default 15 000. */
  timeoutMs?: number;
  /** Cap on connecting, on waiting for headers and on each silence while the body streams, in ms. Default 10 000 (never above `timeoutMs`). */
  idleTimeoutMs?: number;
  /** Cap on the body, on the wire and once decompressed, in bytes. Default 10 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** The User-Agent header. Default `Dateline/<version> (+<project URL>)`. */
  userAgent?: string;
  /** Ports allowed besides 80 and 443. */
  allowedPorts?: number[];
  /** Name resolution, for tests. Default: the system resolver (`dns.lookup`). */
  resolver?: Resolver;
  /** TEST ONLY: allow loopback, private and every other non-public address. */
  allowPrivateAddressesForTests?: boolean;
  /** TEST ONLY: allow exactly these addresses (e.g. `127.0.0.1`); every other forbidden address stays forbidden. */
  allowAddressesForTests?: string[];
}

/** One fetch: what kind of document is wanted, the feed's cache validators, the types accepted. */
export interface FetchRequest {
  accept: AcceptKind;
  /** The ETag from the previous fetch; sent as If-None-Match. */
  etag?: string | null;
  /** The Last-Modified from the previous fetch; sent as If-Modified-Since. */
  lastModified?: string | null;
  /** Media types accepted (`type/subtype` or `type/*`); default per `accept`, none for `any`. */
  allowedTypes?: string[];
  /** Accept a response without a usable type (none, or application/octet-stream) and let the caller sniff it. */
  allowUntyped?: boolean;
}

/** Cache validators the server sent (for a 304, falling back to the ones the request carried). */
export interface CacheValidators {
  etag: string | null;
  lastModified: string | null;
}

/** A body was fetched. */
export interface FetchedDocument {
  status: 'ok';
  /** The URL the body came from, after redirects. */
  url: string;
  /** The URLs that answered with a redirect, in order. */
  redirects: string[];
  /** The media type, lower-cased, without parameters; null when absent or malformed. */
  contentType: string | null;
  /** The charset parameter of Content-Type, lower-cased; null when absent. */
  charset: string | null;
  headers: CacheValidators;
  /** The decoded (decompressed) body. */
  body: Buffer;
}

/** The server answered 304: the caller's copy is current. */
export interface NotModified {
  status: 'not-modified';
  url: string;
  redirects: string[];
  headers: CacheValidators;
}

export type FetchResult = FetchedDocument | NotModified;

/** Fetches documents safely; `close` releases pooled connections. */
export interface SafeFetcher {
  fetch(url: string, request: FetchRequest): Promise<FetchResult>;
  close(): Promise<void>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

const packageJson = z.object({ version: z.string() });

/** `Dateline/<version> (+<project URL>)`, the version read from package.json (beside src/ and dist/). */
export function defaultUserAgent(): string {
  let version = 'unknown';
  try {
    const raw: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    version = packageJson.parse(raw).version;
  } catch {
    // An unknown version still names Dateline; the User-Agent is informational.
  }
  return `Dateline/${version} (+${DATELINE_PROJECT_URL})`;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | null {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
}

/** A validator from storage goes into a header only when it cannot break the request. */
function usableValidator(value: string | null | undefined): string | null {
  return value && !/[\r\n\0]/.test(value) ? value : null;
}

/**
 * Drops a body we will not read: small leftovers are drained so the connection can be reused,
 * anything bigger closes it (undici's `dump`). Never throws.
 */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.dump({ limit: 16 * 1024 }).catch(() => undefined);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why the network failed, in words a user can act on; never a stack trace. */
function networkReason(error: unknown, url: URL): string {
  const code = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return `the host name ${url.hostname} could not be resolved; check the address`;
  if (code === 'ECONNREFUSED') return `${url.host} refused the connection`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return `${url.host} closed the connection unexpectedly`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `${url.host} cannot be reached from this server`;
  if (code !== undefined && (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))) {
    return `the TLS certificate of ${url.hostname} is not valid (${code})`;
  }
  return `a network error occurred${code ? ` (${code})` : ''}`;
}

function requestHeaders(userAgent: string, accept: AcceptKind, etag: string | null, lastModified: string | null): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: ACCEPT_HEADERS[accept], 'accept-encoding': 'gzip, deflate, br' };
  if (etag !== null) headers['if-none-match'] = etag;
  if (lastModified !== null) headers['if-modified-since'] = lastModified;
  return headers;
}

/** Refuses a 2xx response before its body is read: wrong content type, or an announced size over the cap. */
function checkBeforeReading(headers: Dispatcher.ResponseData['headers'], mediaType: string | null, request: FetchRequest, url: URL, maxBytes: number): void {
  const allowed = request.allowedTypes ?? DEFAULT_ALLOWED_TYPES[request.accept];
  const untypedOk = request.allowUntyped === true && isUnlabelled(mediaType);
  if (allowed !== null && !untypedOk && (mediaType === null || !isAllowedType(mediaType, allowed))) {
    const got = mediaType === null ? 'no usable content type' : `content type ${mediaType}`;
    throw new FetchError('unsupported-content-type', `${url.href} sent ${got}, but ${allowed.join(', ')} was expected; check that the URL points to the right kind of document.`, { url: url.href });
  }
  const announced = Number(header(headers, 'content-length') ?? Number.NaN);
  if (announced > maxBytes) {
    throw new FetchError('too-large', `${url.href} is ${announced} bytes, over the limit of ${maxBytes} bytes.`, { url: url.href });
  }
}

/** Turns anything thrown while fetching `url` into a FetchError. */
function toFetchError(error: unknown, url: URL, timedOut: boolean, limits: { timeoutMs: number; idleTimeoutMs: number }): FetchError {
  if (error instanceof FetchError) return error;
  const href = url.href;
  if (error instanceof RefusedAddressError) {
    return new FetchError('forbidden-address', `Refused to fetch ${href}: ${error.reason}. Dateline only fetches from public internet addresses.`, { url: href, cause: error });
  }
  if (error instanceof BodyLimitError) {
    const hint = error.code === 'too-large' ? ' Ask the site for a smaller document, or raise the size limit.' : '';
    return new FetchError(error.code, `Could not read ${href}: ${error.message}.${hint}`, { url: href, cause: error });
  }
  if (timedOut) {
    return new FetchError('timeout', `${href} took longer than the limit of ${limits.timeoutMs} ms; try again later.`, { url: href, cause: error });
  }
  if (TIMEOUT_CODES.has(errorCode(error) ?? '')) {
    return new FetchError('timeout', `${href} stopped answering (nothing for ${limits.idleTimeoutMs} ms); try again later.`, { url: href, cause: error });
  }
  return new FetchError('network', `Could not fetch ${href}: ${networkReason(error, url)}.`, { url: href, cause: error });
}

/** Creates a fetcher with its own connection pool; call `close` when done. */
export function createSafeFetcher(options: FetcherOptions = {}): SafeFetcher {
  const timeoutMs = positive('timeoutMs', options.timeoutMs, 15_000);
  const idleTimeoutMs = Math.min(positive('idleTimeoutMs', options.idleTimeoutMs, 10_000), timeoutMs);
  const maxBytes = positive('maxBytes', options.maxBytes, 10 * 1024 * 1024);
  const maxRedirects = options.maxRedirects ?? 5;
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0) throw new RangeError(`maxRedirects must be a whole number ≥ 0, got ${maxRedirects}`);
  const userAgent = options.userAgent ?? defaultUserAgent();
  const policy = createAddressPolicy(options);
  const rules: TargetRules = { policy, extraPorts: new Set(options.allowedPorts ?? []) };
  const agent = new Agent({
    connect: createGuardedConnector({ policy, resolver: options.resolver ?? systemResolver, timeoutMs: idleTimeoutMs }),
    headersTimeout: idleTimeoutMs,
    bodyTimeout: idleTimeoutMs,
  });

  async function fetchOnce(rawUrl: string, request: FetchRequest): Promise<FetchResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let url = new URL('about:blank');
    try {
      url = checkTargetUrl(rawUrl, rules);
      const etag = usableValidator(request.etag);
      const lastModified = usableValidator(request.lastModified);
      const headers = requestHeaders(userAgent, request.accept, etag, lastModified);
      const redirects: string[] = [];
      for (;;) {
        const response = await agent.request({ origin: url.origin, path: `${url.pathname}${url.search}`, method: 'GET', headers, signal: controller.signal });
        const status = response.statusCode;
        if (REDIRECT_STATUSES.has(status)) {
          discard(response.body);
          const location = header(response.headers, 'location');
          if (location === null) throw new FetchError('http-status', `${url.href} answered ${status} (a redirect) without saying where to; the site is misconfigured.`, { url: url.href, status });
          if (redirects.length >= maxRedirects) {
            throw new FetchError('too-many-redirects', `${rawUrl} redirected more than ${maxRedirects} times (last to ${location}); fetch the final address directly or tell the site.`, { url: url.href, status });
          }
          redirects.push(url.href);
          url = checkTargetUrl(location, rules, url);
          continue;
        }
        const validators: CacheValidators = { etag: header(response.headers, 'etag'), lastModified: header(response.headers, 'last-modified') };
        if (status === 304) {
          discard(response.body);
          return { status: 'not-modified', url: url.href, redirects, headers: { etag: validators.etag ?? etag, lastModified: validators.lastModified ?? lastModified } };
        }
        if (status < 200 || status > 299) {
          discard(response.body);
          throw new FetchError('http-status', `${url.href} answered HTTP ${status}; check that the address is right and the page is public.`, { url: url.href, status });
        }
        const { mediaType, charset } = parseContentType(header(response.headers, 'content-type'));
        try {
          checkBeforeReading(response.headers, mediaType, request, url, maxBytes);
        } catch (error) {
          discard(response.body);
          throw error;
        }
        const body = await readLimitedBody(response.body, header(response.headers, 'content-encoding'), { maxBytes });
        return { status: 'ok', url: url.href, redirects, contentType: mediaType, charset, headers: validators, body };
      }
    } catch (error) {
      throw toFetchError(error, url, controller.signal.aborted, { timeoutMs, idleTimeoutMs });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    fetch: fetchOnce,
    close: () => agent.close(),
  };
}
