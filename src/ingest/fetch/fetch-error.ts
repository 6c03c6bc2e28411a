/** Why a fetch failed. Stable codes: callers and tests branch on these, never on wording. */
export type FetchErrorCode =
  | 'forbidden-address'
  | 'bad-url'
  | 'too-many-redirects'
  | 'too-large'
  | 'timeout'
  | 'http-status'
  | 'unsupported-content-type'
  | 'network'
  | 'decompression';

/** A failed fetch: a stable `code`, a message naming the URL that says what to do, the original `cause`. */
export class FetchError extends Error {
  readonly code: FetchErrorCode;
  /** The URL being fetched when it failed (after redirects, the hop that failed). */
  readonly url: string;
  /** The HTTP status, for `http-status` errors. */
  readonly status: number | undefined;

  constructor(code: FetchErrorCode, message: string, options: { url: string; status?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FetchError';
    this.code = code;
    this.url = options.url;
    this.status = options.status;
  }
}

/** True when `error` is a FetchError, optionally with the given code. */
export function isFetchError(error: unknown, code?: FetchErrorCode): error is FetchError {
  return error instanceof FetchError && (code === undefined || error.code === code);
}
