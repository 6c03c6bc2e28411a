import { sigmoid } from './platt-scaling.js';
import { vectorise } from './sparse-vectors.js';
import type { FeatureOccurrences } from './theme-text.js';
import type { ThemeModel } from './theme-model.js';

/**
 * A model unpacked for scoring: a feature lookup and one dense weight array per class (0 where
 * the stored model has no weight: weights that small were dropped when it was trained). Filling
 * typed arrays is a fraction of the cost of building a Map per class, which mattered when a large
 * model is loaded on the server's event loop after every retraining.
 */
export interface CompiledThemeModel {
  model: ThemeModel;
  vocabulary: Map<string, number>;
  weights: Float64Array[];
}

/** One class's calibrated probability for a text, with the features that pushed it up most. */
export interface ClassScore {
  label: string;
  positives: number;
  probability: number;
  /** Features by contribution to the raw score (weight × value), largest first, positive only. */
  contributions: { feature: string; contribution: number; spans: { start: number; end: number }[] }[];
}

/** Prepares a stored model for scoring many texts. */
export function compileThemeModel(model: ThemeModel): CompiledThemeModel {
  return {
    model,
    vocabulary: new Map(model.features.map((f, i) => [f, i])),
    weights: model.classes.map((c) => {
      const dense = new Float64Array(model.features.length);
      for (let k = 0; k < c.featureIndexes.length; k++) dense[c.featureIndexes[k]!] = c.weights[k]!;
      return dense;
    }),
  };
}

/** Calibrated probability of every class of the model for a text's features. */
export function scoreThemeModel(compiled: CompiledThemeModel, counts: ReadonlyMap<string, FeatureOccurrences>, topContributions = 5): ClassScore[] {
  const { model, vocabulary, weights } = compiled;
  const vector = vectorise(counts, vocabulary, model.idf);
  return model.classes.map((cls, c) => {
    const w = weights[c]!;
    let z = cls.bias;
    const contributions: ClassScore['contributions'] = [];
    for (let k = 0; k < vector.indexes.length; k++) {
      const index = vector.indexes[k]!;
      const weight = w[index]!;
      if (weight === 0) continue;
      const contribution = weight * vector.values[k]!;
      z += contribution;
      if (contribution > 0) {
        const feature = model.features[index]!;
        contributions.push({ feature, contribution, spans: counts.get(feature)?.spans ?? [] });
      }
    }
    contributions.sort((a, b) => b.contribution - a.contribution);
    return {
      label: cls.label, positives: cls.positives, probability: sigmoid(cls.platt.a * z + cls.platt.b), contributions: contributions.slice(0, topContributions),
    };
  });
}
