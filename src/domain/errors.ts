/**
 * One error type for the whole application. Each error has a stable `code` from the catalogue
 * below; http/ maps `kind` to a status and cli/ maps it to an exit code. Messages are written
 * for the person who has to act on them, never driver output.
 */
export type ErrorKind = 'not-found' | 'conflict' | 'invalid' | 'unauthenticated' | 'forbidden' | 'throttled' | 'unavailable';

export const errorCatalogue = {
  NOT_FOUND: 'not-found',
  ARTICLE_NOT_FOUND: 'not-found',
  AUTHOR_NOT_FOUND: 'not-found',
  SOURCE_NOT_FOUND: 'not-found',
  TERM_NOT_FOUND: 'not-found',
  TAXONOMY_NOT_FOUND: 'not-found',
  PAGE_NOT_FOUND: 'not-found',
  SLUG_TAKEN: 'conflict',
  INVALID_INPUT: 'invalid',
  INVALID_PAGE_NUMBER: 'invalid',
  INVALID_STATUS_CHANGE: 'invalid',
  IMPORT_UNREADABLE: 'invalid',
  IMPORT_UNPARSEABLE: 'invalid',
  FETCH_REFUSED: 'forbidden',
  FETCH_FAILED: 'unavailable',
  FEED_UNREADABLE: 'invalid',
  NO_ARTICLE_FOUND: 'invalid',
  CONFIG_INVALID: 'invalid',
  SIGN_IN_FAILED: 'unauthenticated',
  SIGN_IN_THROTTLED: 'throttled',
  NOT_ALLOWED: 'forbidden',
  SETUP_DONE: 'conflict',
  TOKEN_INVALID: 'invalid',
  EDIT_CONFLICT: 'conflict',
  MAIL_FAILED: 'unavailable',
  DATABASE_UNAVAILABLE: 'unavailable',
  DATABASE_CORRUPT: 'unavailable',
  DATABASE_NOT_WRITABLE: 'unavailable',
  MEDIA_NOT_FOUND: 'not-found',
  MEDIA_NOT_AN_IMAGE: 'invalid',
  MEDIA_TYPE_REFUSED: 'invalid',
  MEDIA_UNREADABLE: 'invalid',
  MEDIA_TOO_MANY_PIXELS: 'invalid',
  MEDIA_TOO_LARGE: 'invalid',
  MEDIA_IN_USE: 'conflict',
  ANALYSIS_FAILED: 'unavailable',
  STAFF_NOT_SIGNED_IN: 'unauthenticated',
  USER_NOT_FOUND: 'not-found',
  LAST_OWNER: 'conflict',
  REDIRECT_NOT_FOUND: 'not-found',
  REDIRECT_EXISTS: 'conflict',
  MEMBER_EMAIL_TAKEN: 'conflict',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof errorCatalogue;

/** The application's error: a stable code, an actionable message, optional details and cause. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.kind = errorCatalogue[code];
    this.details = options.details;
  }
}

/** True when `error` is an AppError, optionally with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
