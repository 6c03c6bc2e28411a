import type { ErrorKind } from '../domain/errors.js';

/** The one place where error kinds become process exit codes (sysexits.h where one fits). */
export const exitCodeOfKind: Record<ErrorKind, number> = {
  'not-found': 66, // EX_NOINPUT
  invalid: 65, // EX_DATAERR
  conflict: 75, // EX_TEMPFAIL
  unauthenticated: 77, // EX_NOPERM
  forbidden: 77, // EX_NOPERM
  throttled: 75, // EX_TEMPFAIL
  unavailable: 69, // EX_UNAVAILABLE
};
