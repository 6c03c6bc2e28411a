import type { ErrorKind } from '../domain/errors.js';

/** The one place where error kinds become HTTP statuses. */
export const statusOfKind: Record<ErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  throttled: 429,
  unavailable: 503,
};
