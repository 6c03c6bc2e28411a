import { fitPlatt, sigmoid } from './platt-scaling.js';
import { inverseDocumentFrequency, textFeatures, vectorise, type SparseVector } from './sparse-vectors.js';
import type { ThemeClassModel, ThemeModel } from './theme-model.js';
import { mulberry32 } from '../../domain/seeded-random.js';

/** A tagged article: its text and the labels (term ids) an editor gave it in this taxonomy. */
export interface TrainingExample {
  text: string;
  labels: readonly string[];
}

export interface TrainOptions {
  language?: string;
  /**
   * Passes over the data. By default 12 for a small archive, fewer as it grows (about 200,000
   * article updates in all, at least 3): stochastic gradient descent needs fewer passes over more data.
   */
  epochs?: number;
  /** L2 penalty per update; larger gives smoother, less confident models. */
  l2?: number;
  learningRate?: number;
  /**
   * Held-out folds whose scores fit the Platt calibration (0 or 1: none, raw logistic output).
   * Past `LARGE_ARCHIVE` articles one held-out fifth is used instead: plenty to fit two parameters, at a quarter of the cost.
   */
  folds?: number;
  /** A feature must occur in this many articles to be learned from. */
  minDocumentFrequency?: number;
  maxFeatures?: number;
  /** A label needs this many tagged articles to get a classifier at all. */
  minPositives?: number;
  seed?: number;
}

/** Articles past which calibration uses a single held-out fifth instead of folds. */
const LARGE_ARCHIVE = 20_000;

const defaults: Required<Omit<TrainOptions, 'epochs'>> = {
  language: 'en', l2: 1e-4, learningRate: 1, folds: 3, minDocumentFrequency: 2, maxFeatures: 40_000, minPositives: 2, seed: 1,
};

/** Weights smaller than this change no decision and are not stored. */
const PRUNE_BELOW = 2e-3;

/** Trains the theme classifier over tagged articles: one logistic regression per label, then Platt calibration on held-out folds. */
export function trainThemeModel(examples: readonly TrainingExample[], options: TrainOptions = {}): ThemeModel {
  const o: Required<TrainOptions> = { ...defaults, epochs: Math.max(3, Math.min(12, Math.round(200_000 / Math.max(1, examples.length)))), ...options };
  const documents = examples.map((e) => textFeatures(e.text, o.language).counts);

  const documentFrequency = new Map<string, number>();
  for (const counts of documents) for (const feature of counts.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  const kept = [...documentFrequency].filter(([, df]) => df >= o.minDocumentFrequency)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.maxFeatures);
  const vocabulary = new Map(kept.map(([feature], i) => [feature, i]));
  const idf = kept.map(([, df]) => Number(inverseDocumentFrequency(examples.length, df).toPrecision(5)));
  const vectors = documents.map((counts) => vectorise(counts, vocabulary, idf));

  const positives = new Map<string, number>();
  for (const e of examples) for (const label of new Set(e.labels)) positives.set(label, (positives.get(label) ?? 0) + 1);
  const labels = [...positives].filter(([, n]) => n >= o.minPositives).map(([label]) => label).sort();
  const targets = labels.map((label) => Uint8Array.from(examples, (e) => (e.labels.includes(label) ? 1 : 0)));

  const random = mulberry32(o.seed);
  const all = shuffled(Int32Array.from(examples, (_, i) => i), random);
  const platt = calibrate(vectors, targets, all, kept.length, o, random);
  const final = fitLogistic(vectors, targets, all, kept.length, o, random);

  const classes: ThemeClassModel[] = labels.map((label, c) => {
    const featureIndexes: number[] = [];
    const weights: number[] = [];
    final.weights[c]!.forEach((w, j) => {
      if (Math.abs(w) < PRUNE_BELOW) return;
      featureIndexes.push(j);
      weights.push(Number(w.toPrecision(4)));
    });
    return { label, positives: positives.get(label) ?? 0, bias: Number(final.bias[c]!.toPrecision(6)), featureIndexes, weights, platt: platt[c]! };
  });
  // The whole vocabulary stays, even features no class weighs: they count in each article's normalisation.
  return { version: 1, language: o.language, examples: examples.length, features: kept.map(([f]) => f), idf, classes };
}

interface LogisticFit { weights: Float64Array[]; bias: Float64Array }

/** Per-label logistic regression by AdaGrad SGD; the L2 penalty is applied lazily to the features an article touches. */
function fitLogistic(vectors: readonly SparseVector[], targets: readonly Uint8Array[], subset: Int32Array, dimension: number, o: Required<TrainOptions>, random: () => number): LogisticFit {
  const classes = targets.length;
  const weights = Array.from({ length: classes }, () => new Float64Array(dimension));
  const squares = Array.from({ length: classes }, () => new Float64Array(dimension).fill(1e-8));
  const bias = new Float64Array(classes);
  const biasSquares = new Float64Array(classes).fill(1e-8);
  const order = Int32Array.from(subset);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffled(order, random);
    for (const doc of order) {
      const { indexes, values } = vectors[doc]!;
      for (let c = 0; c < classes; c++) {
        const w = weights[c]!;
        let z = bias[c]!;
        for (let k = 0; k < indexes.length; k++) z += w[indexes[k]!]! * values[k]!;
        const g = sigmoid(z) - targets[c]![doc]!;
        const g2 = squares[c]!;
        for (let k = 0; k < indexes.length; k++) {
          const j = indexes[k]!;
          const grad = g * values[k]! + o.l2 * w[j]!;
          g2[j]! += grad * grad;
          w[j]! -= (o.learningRate * grad) / Math.sqrt(g2[j]!);
        }
        biasSquares[c]! += g * g;
        bias[c]! -= (o.learningRate * g) / Math.sqrt(biasSquares[c]!);
      }
    }
  }
  return { weights, bias };
}

/** Fits each label's Platt sigmoid on scores of articles its classifier did not see in training. */
function calibrate(vectors: readonly SparseVector[], targets: readonly Uint8Array[], all: Int32Array, dimension: number, o: Required<TrainOptions>, random: () => number) {
  const classes = targets.length;
  if (o.folds < 2 || all.length < o.folds * 5) return Array.from({ length: classes }, () => ({ a: 1, b: 0 }));
  const folds = all.length > LARGE_ARCHIVE ? 5 : o.folds;
  const foldsFitted = all.length > LARGE_ARCHIVE ? 1 : folds;
  const scored = all.filter((_, i) => i % folds < foldsFitted).length;
  const scores = Array.from({ length: classes }, () => new Float64Array(scored));
  const outcomes = Array.from({ length: classes }, () => new Array<boolean>(scored));
  let position = 0;
  for (let fold = 0; fold < foldsFitted; fold++) {
    const held = all.filter((_, i) => i % folds === fold);
    const fit = fitLogistic(vectors, targets, all.filter((_, i) => i % folds !== fold), dimension, o, random);
    held.forEach((doc) => {
      position++;
      for (let c = 0; c < classes; c++) {
        scores[c]![position - 1] = rawScore(fit.weights[c]!, fit.bias[c]!, vectors[doc]!);
        outcomes[c]![position - 1] = targets[c]![doc] === 1;
      }
    });
  }
  return scores.map((s, c) => {
    const { a, b } = fitPlatt(s, outcomes[c]!);
    return { a: Number(a.toPrecision(6)), b: Number(b.toPrecision(6)) };
  });
}

function rawScore(weights: Float64Array, bias: number, vector: SparseVector): number {
  let z = bias;
  for (let k = 0; k < vector.indexes.length; k++) z += weights[vector.indexes[k]!]! * vector.values[k]!;
  return z;
}

function shuffled(items: Int32Array, random: () => number): Int32Array {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
  return items;
}

