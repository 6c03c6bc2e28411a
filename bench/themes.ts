/**
 * Theme learner on Reuters-21578 TOPICS: trains on the earlier articles of the slice and tests on
 * the later ones (the slice holds only Lewis TRAIN articles, so ModApte's own test set is absent;
 * a chronological cut is its closest stand-in). Reports micro-F1 over the ten most frequent
 * topics at probability ≥ 0.5, Brier score and reliability of the calibrated probabilities
 * against the raw logistic ones, training time and model size.
 *
 *   npm run bench:themes [-- --json] [-- --scale 100000]
 * --scale N also times training on N articles (the slice repeated, 14 labels like the default Theme
 * taxonomy) for the archive question.
 */
import { performance } from 'node:perf_hooks';
import { compileThemeModel, scoreThemeModel, serialiseThemeModel, trainThemeModel, type ThemeModel, type TrainOptions } from '../src/intelligence/themes/index.js';
import { featureCounts, themeTokens } from '../src/intelligence/themes/theme-text.js';
import { readReutersArticles } from './reuters-articles.js';

/** Articles up to this NEWID train; later ones test. */
export const TRAIN_UP_TO = 2000;

export interface ThemeBenchResult {
  micro_f1: number; precision: number; recall: number; topics: string[]; train_articles: number; test_articles: number;
  brier_calibrated: number; brier_raw: number; reliability: { bin: string; predicted: number; observed: number; count: number }[];
  train_ms: number; model_bytes: number; per_topic_f1: Record<string, number>;
}

/** Runs the evaluation; exported for the test that guards the learner. */
export function runThemeBench(options: TrainOptions = {}): ThemeBenchResult & { model: ThemeModel } {
  const usable = readReutersArticles().filter((a) => a.topicsConsidered && a.body);
  const train = usable.filter((a) => a.newId <= TRAIN_UP_TO);
  const test = usable.filter((a) => a.newId > TRAIN_UP_TO);
  const frequency = new Map<string, number>();
  for (const a of train) for (const t of a.topics) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const topics = [...frequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([t]) => t);
  const text = (a: { title: string; body: string }) => `${a.title}\n${a.body}`;

  const started = performance.now();
  const model = trainThemeModel(train.map((a) => ({ text: text(a), labels: a.topics.filter((t) => topics.includes(t)) })), options);
  const trainMs = performance.now() - started;
  const compiled = compileThemeModel(model);
  const raw = compileThemeModel({ ...model, classes: model.classes.map((c) => ({ ...c, platt: { a: 1, b: 0 } })) });

  let tp = 0, fp = 0, fn = 0, brierCal = 0, brierRaw = 0, predictions = 0;
  const perTopic = new Map(topics.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const bins = Array.from({ length: 10 }, () => ({ predicted: 0, observed: 0, count: 0 }));
  for (const article of test) {
    const counts = featureCounts(themeTokens(text(article)));
    const rawScores = new Map(scoreThemeModel(raw, counts, 0).map((s) => [s.label, s.probability]));
    for (const score of scoreThemeModel(compiled, counts, 0)) {
      const truth = article.topics.includes(score.label);
      const said = score.probability >= 0.5;
      const cell = perTopic.get(score.label)!;
      if (said && truth) { tp++; cell.tp++; } else if (said) { fp++; cell.fp++; } else if (truth) { fn++; cell.fn++; }
      brierCal += (score.probability - (truth ? 1 : 0)) ** 2;
      brierRaw += ((rawScores.get(score.label) ?? 0) - (truth ? 1 : 0)) ** 2;
      predictions++;
      const bin = bins[Math.min(9, Math.floor(score.probability * 10))]!;
      bin.predicted += score.probability;
      bin.observed += truth ? 1 : 0;
      bin.count++;
    }
  }
  const f1 = (c: { tp: number; fp: number; fn: number }) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);
  const round = (n: number) => Math.round(n * 10000) / 10000;
  return {
    model,
    micro_f1: round(f1({ tp, fp, fn })), precision: round(tp / (tp + fp || 1)), recall: round(tp / (tp + fn || 1)), topics,
    train_articles: train.length, test_articles: test.length,
    brier_calibrated: round(brierCal / predictions), brier_raw: round(brierRaw / predictions),
    reliability: bins.map((b, i) => ({ bin: `${i / 10}-${(i + 1) / 10}`, predicted: round(b.predicted / (b.count || 1)), observed: round(b.observed / (b.count || 1)), count: b.count })).filter((b) => b.count > 0),
    train_ms: Math.round(trainMs), model_bytes: serialiseThemeModel(model).length,
    per_topic_f1: Object.fromEntries([...perTopic].map(([t, c]) => [t, round(f1(c))])),
  };
}

function scaleTiming(target: number): { articles: number; train_ms: number } {
  const usable = readReutersArticles().filter((a) => a.topicsConsidered && a.body);
  // As many labels as the default Theme taxonomy has terms.
  const frequency = new Map<string, number>();
  for (const a of usable) for (const t of a.topics) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const labels = [...frequency].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([t]) => t);
  const examples = [];
  for (let i = 0; examples.length < target; i++) {
    const a = usable[i % usable.length]!;
    // A copy number in the text keeps repeated articles from being identical features-for-features.
    examples.push({ text: `${a.title}\n${a.body}\ncopy${Math.floor(i / usable.length)}`, labels: a.topics.filter((t) => labels.includes(t)) });
  }
  const started = performance.now();
  trainThemeModel(examples);
  return { articles: target, train_ms: Math.round(performance.now() - started) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { model: _model, ...result } = runThemeBench();
  const scaleAt = process.argv.indexOf('--scale');
  const scale = scaleAt > 0 ? scaleTiming(Number(process.argv[scaleAt + 1])) : null;
  const out = scale ? { ...result, scale } : result;
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
  else console.log(JSON.stringify(out, null, 2));
}
