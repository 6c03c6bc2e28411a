const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Code units that can join a neighbour into one grapheme cluster (CR before LF, combining marks,
 * joiners and other format characters, conjoining Hangul jamo, astral characters such as emoji).
 * Text with none of them has one cluster per code unit, so it needs no (slow) segmenter.
 */
const MAY_JOIN = /[\r\p{M}\p{Cf}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{10000}-\u{10ffff}]/u;

/** The first `max` characters as a reader counts them (grapheme clusters): never half a letter or emoji. */
export function cutGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max * 8 + 64);
  if (!MAY_JOIN.test(head)) return head.slice(0, max);
  let out = '';
  let count = 0;
  // Segment only a bounded head: no cluster is longer than a few dozen code units in practice.
  for (const { segment } of graphemes.segment(head)) {
    if (count === max || out.length + segment.length > max * 4) break;
    out += segment;
    count++;
  }
  return out;
}

/** The number of grapheme clusters in `text`. */
export function graphemeLength(text: string): number {
  if (!MAY_JOIN.test(text)) return text.length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}
