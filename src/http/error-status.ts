import type { ErrorKind } from '../domain/errors.js';

/** The one place where error kinds become HTTP statuses. */
export const statusOfKind: Record<ErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  invalid: 400,
  forbidden: 403,
  unavailable: 503,
};
