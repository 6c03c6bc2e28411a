import { estimateJaccard, minhashSignature, DEFAULT_SIGNATURE_LENGTH } from './minhash.js';
import { DEFAULT_LSH_LAYOUT, lshBandKeys, type LshLayout } from './lsh-bands.js';
import { fnv1a, normalisedWords, shingleHashes } from './shingles.js';

/** What is kept of a text to find its near duplicates: its MinHash signature, shingle count and LSH band keys. */
export interface TextFingerprint {
  signature: Uint32Array;
  /** Distinct shingles, for estimating containment from the Jaccard estimate. */
  shingles: number;
  /** LSH band keys, then the lead key (when the text is long enough): look-up keys for candidates. */
  bandKeys: string[];
}

/**
 * Words of the lead that make the lead key. LSH finds pairs by Jaccard similarity, which is low
 * when one story is a cut or an extension of the other (half the length: J ≤ 0.5); wire
 * re-sends of that kind keep the lead word for word, so an identical lead is a candidate too.
 * The verification below still decides.
 */
export const LEAD_WORDS = 20;

export interface FingerprintOptions {
  shingleSize?: number;
  signatureLength?: number;
  layout?: LshLayout;
}

/** Fingerprints a story's text (body, without the headline: agencies retitle the same story). */
export function fingerprintText(text: string, options: FingerprintOptions = {}): TextFingerprint {
  const words = normalisedWords(text);
  const shingles = shingleHashes(words, options.shingleSize ?? 5);
  const signature = minhashSignature(shingles, options.signatureLength ?? DEFAULT_SIGNATURE_LENGTH);
  const bandKeys = lshBandKeys(signature, options.layout ?? DEFAULT_LSH_LAYOUT);
  if (words.length >= LEAD_WORDS) bandKeys.push(`lead.${fnv1a(words.slice(0, LEAD_WORDS).join(' ')).toString(36)}`);
  return { signature, shingles: shingles.length, bandKeys };
}

/** True when two fingerprints share a look-up key: the pair is worth comparing. */
export function sharesCandidateKey(a: Pick<TextFingerprint, 'bandKeys'>, b: Pick<TextFingerprint, 'bandKeys'>): boolean {
  const keys = new Set(a.bandKeys);
  return b.bandKeys.some((k) => keys.has(k));
}

/**
 * When two stories count as the same. `jaccard`: the shingle sets overlap this much (a re-send
 * with a corrected paragraph or a few words changed). `containment`: the shorter story lies this
 * much inside the longer (a truncated or extended version), provided the shorter has at least
 * `minShinglesForContainment` shingles, so a two-line brief is not "contained" in every long story
 * that quotes it. Chosen on the duplicates bench (bench/duplicates.ts, docs/decisions/0011-intelligence.md).
 */
export interface DuplicateThresholds { jaccard: number; containment: number; minShinglesForContainment: number }

export const DEFAULT_DUPLICATE_THRESHOLDS: DuplicateThresholds = { jaccard: 0.45, containment: 0.8, minShinglesForContainment: 25 };

export interface Similarity {
  jaccard: number;
  /** Estimated share of the smaller story's shingles found in the other. */
  containment: number;
  nearDuplicate: boolean;
}

/** Compares two fingerprints by their signatures and sizes. */
export function similarity(a: Pick<TextFingerprint, 'signature' | 'shingles'>, b: Pick<TextFingerprint, 'signature' | 'shingles'>, thresholds = DEFAULT_DUPLICATE_THRESHOLDS): Similarity {
  const jaccard = estimateJaccard(a.signature, b.signature);
  const smaller = Math.min(a.shingles, b.shingles);
  // |A ∩ B| = J (|A| + |B|) / (1 + J); its share of the smaller set is the containment.
  const containment = smaller > 0 ? Math.min(1, (jaccard * (a.shingles + b.shingles)) / ((1 + jaccard) * smaller)) : 0;
  const nearDuplicate = jaccard >= thresholds.jaccard || (smaller >= thresholds.minShinglesForContainment && containment >= thresholds.containment);
  return { jaccard, containment, nearDuplicate };
}
