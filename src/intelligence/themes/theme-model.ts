import { z } from 'zod';

/**
 * A trained theme classifier as stored (JSON): one-vs-rest logistic regression over stemmed
 * unigrams and bigrams weighted by log term frequency × idf, L2-normalised per article, with a
 * Platt sigmoid per class fitted on held-out folds. Weights are sparse (near-zero ones dropped),
 * so a model over a large archive stays small.
 */
export interface ThemeModel {
  version: 1;
  language: string;
  /** Tagged articles it learned from. */
  examples: number;
  /** The vocabulary; a feature's position is its index in the weight lists. */
  features: string[];
  idf: number[];
  classes: ThemeClassModel[];
}

export interface ThemeClassModel {
  /** What the caller trained it with: a term id. */
  label: string;
  /** Training articles carrying the label. */
  positives: number;
  bias: number;
  /** Sparse weights: parallel lists of feature indexes and values. */
  featureIndexes: number[];
  weights: number[];
  /** Platt scaling: probability = 1 / (1 + exp(-(a · z + b))) for the raw score z. */
  platt: { a: number; b: number };
}

// The long lists (tens of thousands of entries) are checked by plain loops: element-wise schema
// parsing took ~0.4 s for a 7 MB model, on the event loop of the node that loads it.
const stringList = z.custom<string[]>((v) => Array.isArray(v) && v.every((e) => typeof e === 'string'));
const numberList = z.custom<number[]>((v) => Array.isArray(v) && v.every((e) => typeof e === 'number' && Number.isFinite(e)));
const indexList = z.custom<number[]>((v) => Array.isArray(v) && v.every((e) => Number.isInteger(e) && (e as number) >= 0));
const classSchema = z.object({
  label: z.string(), positives: z.number().int().nonnegative(), bias: z.number(),
  featureIndexes: indexList, weights: numberList,
  platt: z.object({ a: z.number(), b: z.number() }),
});
const modelSchema = z.object({
  version: z.literal(1), language: z.string(), examples: z.number().int().nonnegative(),
  features: stringList, idf: numberList, classes: z.array(classSchema),
});

/** Reads a stored model; null when it is not one this code understands (retrain then). */
export function parseThemeModel(json: string): ThemeModel | null {
  try {
    const parsed = modelSchema.safeParse(JSON.parse(json));
    if (!parsed.success || parsed.data.idf.length !== parsed.data.features.length) return null;
    const size = parsed.data.features.length;
    const consistent = parsed.data.classes.every((c) => c.featureIndexes.length === c.weights.length && c.featureIndexes.every((i) => i < size));
    return consistent ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The model as JSON for storage. */
export function serialiseThemeModel(model: ThemeModel): string {
  return JSON.stringify(model);
}
