/**
 * Wire-duplicate detection measured on Reuters-21578 (../shared/corpus/reuters-21578/).
 *
 * 1. Re-sent stories. Ground truth is made without MinHash: a pair is a re-send when the bodies'
 *    normalised words are identical, or when a word-level diff (the `diff` package's LCS over the
 *    word lists) finds them near-exact: the words they share make ≥ 80% of the longer body, or
 *    ≥ 90% of the shorter one when it has ≥ 40 words (a truncated or extended re-send). Pairs put
 *    to the diff: those sharing a normalised title or their first 12 body words, and every pair
 *    the method flags (so a flagged pair is judged by the diff, never by the method itself).
 * 2. Edited stories. Stories of ≥ 4 paragraphs and ≥ 120 words are edited five ways (a paragraph
 *    replaced by one of another story, a paragraph added, a paragraph removed, five words
 *    changed, the text cut to its first half): each (original, edit) is a duplicate pair. Each is
 *    also paired with five other stories of its first topic: not duplicates.
 *
 * The method is the one ingest uses: fingerprints, candidates from shared LSH band keys, then
 * the similarity thresholds. Prints `{ precision, recall, pairs, ms_per_article }` (with
 * breakdowns) as its last line with --json.
 */
import { diffArrays } from 'diff';
import { performance } from 'node:perf_hooks';
import { fingerprintText, normalisedWords, sharesCandidateKey, similarity, type TextFingerprint } from '../src/intelligence/duplicates/index.js';
import { readReutersArticles, type ReutersArticle } from './reuters-articles.js';
import { mulberry32 } from '../src/domain/seeded-random.js';

interface Counts { tp: number; fp: number; fn: number }
const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
const ratio = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 10000) / 10000);

/** The diff oracle: is this pair the same story told again? */
export function sameStoryByDiff(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.length === b.length && a.every((w, i) => w === b[i])) return true;
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  // The words two texts share (as multisets) bound what the diff can find in common: when even
  // that bound fails both tests, the (quadratic) diff is not run.
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let bound = 0;
  for (const w of b) {
    const left = counts.get(w) ?? 0;
    if (left > 0) { bound++; counts.set(w, left - 1); }
  }
  if (!passes(bound, shorter, longer)) return false;
  let common = 0;
  for (const part of diffArrays(a, b)) if (!part.added && !part.removed) common += part.count ?? part.value.length;
  return passes(common, shorter, longer);
}

function passes(common: number, shorter: number, longer: number): boolean {
  return common >= 0.8 * longer || (shorter >= 40 && common >= 0.9 * shorter);
}

/** Pairs the method flags in a collection: LSH candidates that pass the similarity thresholds. */
function flaggedPairs(fingerprints: ReadonlyMap<number, TextFingerprint>): { pairs: Set<string>; candidates: number } {
  const byBand = new Map<string, number[]>();
  for (const [id, fp] of fingerprints) for (const key of fp.bandKeys) byBand.set(key, [...(byBand.get(key) ?? []), id]);
  const candidates = new Set<string>();
  for (const ids of byBand.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) candidates.add(pairKey(ids[i]!, ids[j]!));
  const pairs = new Set<string>();
  for (const key of candidates) {
    const [a, b] = key.split('-').map(Number) as [number, number];
    if (similarity(fingerprints.get(a)!, fingerprints.get(b)!).nearDuplicate) pairs.add(key);
  }
  return { pairs, candidates: candidates.size };
}

function resentStories(articles: readonly ReutersArticle[]) {
  const words = new Map(articles.map((a) => [a.newId, normalisedWords(a.body)]));
  const started = performance.now();
  const fingerprints = new Map(articles.map((a) => [a.newId, fingerprintText(a.body)]));
  const fingerprintMs = (performance.now() - started) / articles.length;
  const { pairs: flagged, candidates } = flaggedPairs(fingerprints);

  const toJudge = new Set(flagged);
  const group = (key: (a: ReutersArticle) => string) => {
    const groups = new Map<string, number[]>();
    for (const a of articles) groups.set(key(a), [...(groups.get(key(a)) ?? []), a.newId]);
    for (const ids of groups.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) toJudge.add(pairKey(ids[i]!, ids[j]!));
  };
  group((a) => normalisedWords(a.title).join(' '));
  group((a) => words.get(a.newId)!.slice(0, 12).join(' '));
  const truth = new Set([...toJudge].filter((key) => {
    const [a, b] = key.split('-').map(Number) as [number, number];
    return sameStoryByDiff(words.get(a)!, words.get(b)!);
  }));
  const counts: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const key of flagged) if (truth.has(key)) counts.tp++; else counts.fp++;
  for (const key of truth) if (!flagged.has(key)) counts.fn++;
  const identical = [...truth].filter((key) => {
    const [a, b] = key.split('-').map(Number) as [number, number];
    return words.get(a)!.join(' ') === words.get(b)!.join(' ');
  }).length;
  return { counts, truePairs: truth.size, identicalPairs: identical, flagged: flagged.size, candidates, fingerprintMs };
}

const editKinds = ['replace-paragraph', 'add-paragraph', 'remove-paragraph', 'change-words', 'truncate'] as const;

function edit(kind: (typeof editKinds)[number], paragraphs: string[], other: string[], random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const at = 1 + Math.floor(random() * (paragraphs.length - 1));
  const out = [...paragraphs];
  switch (kind) {
    case 'replace-paragraph': out[at] = pick(other); break;
    case 'add-paragraph': out.splice(at, 0, pick(other)); break;
    case 'remove-paragraph': out.splice(at, 1); break;
    case 'change-words': {
      const words = out.join('\n\n').split(' ');
      const replacements = pick(other).split(' ');
      for (let k = 0; k < 5; k++) words[Math.floor(random() * words.length)] = pick(replacements);
      return words.join(' ');
    }
    case 'truncate': {
      const words = out.join('\n\n').split(' ');
      return words.slice(0, Math.ceil(words.length / 2)).join(' ');
    }
  }
  return out.join('\n\n');
}

function editedStories(articles: readonly ReutersArticle[], stories: number) {
  const random = mulberry32(21578);
  const paragraphsOf = (a: ReutersArticle) => a.body.split(/\n\s{3,}/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const eligible = articles.filter((a) => a.topics.length > 0 && paragraphsOf(a).length >= 4 && normalisedWords(a.body).length >= 120);
  const chosen = eligible.filter((_, i) => i % Math.max(1, Math.floor(eligible.length / stories)) === 0).slice(0, stories);
  const perKind = new Map(editKinds.map((k) => [k, { found: 0, total: 0 }]));
  const counts: Counts = { tp: 0, fp: 0, fn: 0 };
  let negatives = 0;
  for (const story of chosen) {
    const original = fingerprintText(story.body);
    const others = articles.filter((a) => a.newId !== story.newId && a.body);
    for (const kind of editKinds) {
      const edited = fingerprintText(edit(kind, paragraphsOf(story), paragraphsOf(others[Math.floor(random() * others.length)]!), random));
      const found = sharesCandidateKey(original, edited) && similarity(original, edited).nearDuplicate;
      const cell = perKind.get(kind)!;
      cell.total++;
      if (found) { counts.tp++; cell.found++; } else counts.fn++;
    }
    const storyWords = normalisedWords(story.body);
    const sameTopic = others.filter((a) => a.topics[0] === story.topics[0] && !sameStoryByDiff(storyWords, normalisedWords(a.body)));
    for (let k = 0; k < 5 && sameTopic.length > 0; k++) {
      const other = fingerprintText(sameTopic[Math.floor(random() * sameTopic.length)]!.body);
      negatives++;
      if (sharesCandidateKey(original, other) && similarity(original, other).nearDuplicate) counts.fp++;
    }
  }
  return { counts, positives: chosen.length * editKinds.length, negatives, perKind: Object.fromEntries([...perKind].map(([k, v]) => [k, ratio(v.found, v.total)])) };
}

/** Runs both measurements; `stories` is how many stories get the five edits. */
export function runDuplicatesBench(options: { stories?: number } = {}) {
  const started = performance.now();
  const articles = readReutersArticles().filter((a) => a.body);
  const resent = resentStories(articles);
  const lookupMs = (performance.now() - started) / articles.length;
  const edited = editedStories(articles, options.stories ?? 300);
  const all: Counts = { tp: resent.counts.tp + edited.counts.tp, fp: resent.counts.fp + edited.counts.fp, fn: resent.counts.fn + edited.counts.fn };
  return {
    precision: ratio(all.tp, all.tp + all.fp),
    recall: ratio(all.tp, all.tp + all.fn),
    pairs: resent.truePairs + edited.positives + edited.negatives,
    ms_per_article: Math.round(resent.fingerprintMs * 1000) / 1000,
    resent: {
      articles: articles.length, true_pairs: resent.truePairs, identical_pairs: resent.identicalPairs, flagged_pairs: resent.flagged,
      lsh_candidate_pairs: resent.candidates, precision: ratio(resent.counts.tp, resent.counts.tp + resent.counts.fp), recall: ratio(resent.counts.tp, resent.counts.tp + resent.counts.fn),
      ms_per_article_with_lookup_and_ground_truth: Math.round(lookupMs * 1000) / 1000,
    },
    edited: {
      duplicate_pairs: edited.positives, distinct_pairs: edited.negatives,
      precision: ratio(edited.counts.tp, edited.counts.tp + edited.counts.fp), recall: ratio(edited.counts.tp, edited.counts.tp + edited.counts.fn),
      recall_by_edit: edited.perKind,
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = runDuplicatesBench();
  console.log(process.argv.includes('--json') ? JSON.stringify(result) : JSON.stringify(result, null, 2));
}
