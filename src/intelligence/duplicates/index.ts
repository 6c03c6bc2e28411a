/** Wire duplicates: MinHash signatures over word shingles, LSH band keys for candidate lookup, similarity with thresholds. */
export { fingerprintText, similarity, sharesCandidateKey, LEAD_WORDS, DEFAULT_DUPLICATE_THRESHOLDS, type TextFingerprint, type FingerprintOptions, type DuplicateThresholds, type Similarity } from './near-duplicate.js';
export { minhashSignature, estimateJaccard, encodeSignature, decodeSignature, DEFAULT_SIGNATURE_LENGTH } from './minhash.js';
export { lshBandKeys, candidateProbability, DEFAULT_LSH_LAYOUT, type LshLayout } from './lsh-bands.js';
export { normalisedWords, shingleHashes } from './shingles.js';
