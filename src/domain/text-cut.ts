const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `max` characters as a reader counts them (grapheme clusters): never half a letter or emoji. */
export function cutGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let count = 0;
  // Segment only a bounded head: no cluster is longer than a few dozen code units in practice.
  for (const { segment } of graphemes.segment(text.slice(0, max * 8 + 64))) {
    if (count === max || out.length + segment.length > max * 4) break;
    out += segment;
    count++;
  }
  return out;
}

/** The number of grapheme clusters in `text`. */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}
