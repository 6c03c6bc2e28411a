import type { ErrorKind } from '../domain/errors.js';

/** The one place where error kinds become process exit codes (sysexits.h where one fits). */
export const exitCodeOfKind: Record<ErrorKind, number> = {
  'not-found': 66, // EX_NOINPUT
  invalid: 65, // EX_DATAERR
  conflict: 75, // EX_TEMPFAIL
  forbidden: 77, // EX_NOPERM
  unavailable: 69, // EX_UNAVAILABLE
};
