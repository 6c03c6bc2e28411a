/**
 * MinHash signatures: for each of `n` hash functions, the smallest hash over a text's shingles.
 * The share of positions where two signatures agree estimates the Jaccard similarity of the two
 * shingle sets (Broder 1997); with 128 functions the standard error is at most 0.044.
 */

export const DEFAULT_SIGNATURE_LENGTH = 128;

/** Fixed per-position seeds, so signatures computed today compare with those stored years ago. */
const seeds = (() => {
  const out = new Uint32Array(1024);
  let state = 0x9e3779b9;
  for (let i = 0; i < out.length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    out[i] = mix(state);
  }
  return out;
})();

/** MurmurHash3's 32-bit finaliser: every input bit flips about half the output bits. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash signature of a set of shingle hashes; an empty set gives all-max values. */
export function minhashSignature(shingles: Uint32Array, length = DEFAULT_SIGNATURE_LENGTH): Uint32Array {
  if (length > seeds.length) throw new RangeError(`A signature has at most ${seeds.length} positions.`);
  const signature = new Uint32Array(length).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s]!;
    for (let i = 0; i < length; i++) {
      const h = mix(shingle ^ seeds[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity: the share of positions where the signatures agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let same = 0;
  for (let i = 0; i < length; i++) if (a[i] === b[i]) same++;
  return same / length;
}

/** A signature as text for storage: 8 hex digits per position. */
export function encodeSignature(signature: Uint32Array): string {
  let out = '';
  for (const value of signature) out += value.toString(16).padStart(8, '0');
  return out;
}

/** Reads a stored signature; null when the text is not one. */
export function decodeSignature(text: string): Uint32Array | null {
  if (text.length % 8 !== 0 || !/^[0-9a-f]*$/.test(text)) return null;
  const out = new Uint32Array(text.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 8, i * 8 + 8), 16);
  return out;
}
