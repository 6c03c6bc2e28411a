import { sha256 } from './sha256.js';

/**
 * A fingerprint of an article's words: case, punctuation, markup and spacing do not count, so
 * the same story re-sent with different quotes or whitespace is recognised as a duplicate.
 */
export function contentFingerprint(title: string, plainText: string): string {
  const words = `${title}\n${plainText}`.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return sha256(words.join(' ')).toString('hex').slice(0, 40);
}

/** A fingerprint of the body's words alone: the same text under another headline (another agency's) has the same one. */
export function bodyFingerprint(plainText: string): string {
  return contentFingerprint('', plainText);
}
