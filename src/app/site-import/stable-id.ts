import { createHash } from 'node:crypto';

/**
 * An id derived from where a record came from, shaped like a UUID (version 8, RFC 9562). An
 * import that is resumed or repeated gives every record the same id, so nothing is doubled and
 * two runs over the same export produce the same database.
 */
export function stableId(sourceKey: string, originKey: string): string {
  const bytes = createHash('sha256').update(`${sourceKey}\n${originKey}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
