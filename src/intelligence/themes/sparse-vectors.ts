import { featureCounts, themeTokens, type FeatureOccurrences, type ThemeToken } from './theme-text.js';

/** A sparse, L2-normalised feature vector: parallel index and value arrays. */
export interface SparseVector { indexes: Int32Array; values: Float64Array }

/** log(1 + tf) × idf over the known features, L2-normalised; unknown features are ignored. */
export function vectorise(counts: ReadonlyMap<string, FeatureOccurrences>, vocabulary: ReadonlyMap<string, number>, idf: ArrayLike<number>): SparseVector {
  const indexes: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [feature, { count }] of counts) {
    const index = vocabulary.get(feature);
    if (index === undefined) continue;
    const value = (1 + Math.log(count)) * (idf[index] ?? 0);
    indexes.push(index);
    values.push(value);
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  return { indexes: Int32Array.from(indexes), values: Float64Array.from(values, (v) => v / norm) };
}

/** The features of a text, ready for vectorising; `maxSpans` occurrences of each are kept for evidence. */
export function textFeatures(text: string, language: string, maxSpans = 0): { tokens: ThemeToken[]; counts: Map<string, FeatureOccurrences> } {
  const tokens = themeTokens(text, language);
  return { tokens, counts: featureCounts(tokens, maxSpans) };
}

/** Inverse document frequency, smoothed so a feature in every document still weighs a little. */
export function inverseDocumentFrequency(documents: number, documentFrequency: number): number {
  return Math.log((documents + 1) / (documentFrequency + 1)) + 1;
}
