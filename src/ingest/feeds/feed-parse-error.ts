/** Why a document could not be read as a feed at all. */
export type FeedParseErrorCode = 'empty' | 'not-a-feed' | 'malformed' | 'unsupported-encoding' | 'too-large';

/** Thrown when a document yields no feed; `code` says which case, the message says what was found. */
export class FeedParseError extends Error {
  readonly code: FeedParseErrorCode;

  constructor(code: FeedParseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedParseError';
    this.code = code;
  }
}
