/** Why a ninjs document was refused as a whole. */
export type NinjsErrorCode = 'not-json' | 'not-ninjs' | 'invalid';

/**
 * Thrown when a whole document cannot be imported: it is not JSON (`not-json`), it is JSON but not
 * ninjs (`not-ninjs`), or it is ninjs the importer cannot use (`invalid`): a field it reads has the
 * wrong type (the message names its JSON path), or no item has a headline or a body. Problems
 * with single items of a collection are reported, not thrown.
 */
export class NinjsError extends Error {
  readonly code: NinjsErrorCode;

  constructor(code: NinjsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NinjsError';
    this.code = code;
  }
}
