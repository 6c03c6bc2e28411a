/**
 * Word shingles of a story's text for near-duplicate detection. Case, punctuation, markup
 * remnants and spacing do not count (the same normalisation as the exact content fingerprint),
 * and numbers do: a re-send with corrected figures is still a near duplicate, two different
 * earnings reports in the same wording are told apart by their figures. Pure.
 */

/** The normalised words of a text. */
export function normalisedWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 32-bit FNV-1a over a string's UTF-16 units: fast, and spread enough for a set of a few thousand. */
export function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The distinct hashes of every run of `size` consecutive words; a text shorter than that is one shingle. */
export function shingleHashes(words: readonly string[], size = 5): Uint32Array {
  const hashes = new Set<number>();
  if (words.length === 0) return new Uint32Array(0);
  const last = Math.max(0, words.length - size);
  for (let i = 0; i <= last; i++) hashes.add(fnv1a(words.slice(i, i + size).join(' ')));
  return Uint32Array.from(hashes);
}
