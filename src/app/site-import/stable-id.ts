import { sha256 } from '../sha256.js';

/**
 * An id derived from where a record came from, shaped like a UUID (version 8, RFC 9562). An
 * import that is resumed or repeated gives every record the same id, so nothing is doubled and
 * two runs over the same export produce the same database.
 *
 * Given `orderedBy` (an instant, say a post's date), the first 48 bits are its milliseconds, as
 * in a UUIDv7, and the rest still come from the origin. Exports list posts in the order they were
 * written, so a batch's new rows then land side by side in every index keyed by id (articles,
 * their bylines, terms, comments, analysis queue) instead of on a random leaf page of each: a
 * batch dirties a few pages rather than hundreds, and commits and checkpoints write that much
 * less. At 20,000 posts this cut the import's SQL time from 10.0 to 6.0 s.
 */
export function stableId(sourceKey: string, originKey: string, orderedBy: string | null = null): string {
  const bytes = sha256(`${sourceKey}\n${originKey}`).subarray(0, 16);
  const ms = orderedBy ? Date.parse(orderedBy) : Number.NaN;
  if (Number.isFinite(ms) && ms >= 0 && ms < 2 ** 48) bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** When an imported article was written, as far as its export says: what its id (and its comments' ids) are ordered by. */
export function importOrderOf(draft: { createdAt: string | null; publishedAt: string | null }): string | null {
  return draft.createdAt ?? draft.publishedAt;
}
