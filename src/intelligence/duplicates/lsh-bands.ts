import { fnv1a } from './shingles.js';

/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into `bands` bands of
 * `rows` values; two texts become candidates when any band is identical. The chance of that is
 * 1 − (1 − J^rows)^bands for Jaccard similarity J: with 32 bands of 4 rows, 0.5% at J = 0.1,
 * 18% at J = 0.3, 87% at J = 0.5 and 99.97% at J = 0.7. Band keys are short strings stored with
 * an index, so finding candidates is one indexed lookup however large the archive.
 */
export interface LshLayout { bands: number; rows: number }

export const DEFAULT_LSH_LAYOUT: LshLayout = { bands: 32, rows: 4 };

/** One key per band: its number and a hash of its values. */
export function lshBandKeys(signature: Uint32Array, layout: LshLayout = DEFAULT_LSH_LAYOUT): string[] {
  if (layout.bands * layout.rows > signature.length) throw new RangeError(`${layout.bands} bands of ${layout.rows} need a signature of ${layout.bands * layout.rows} values.`);
  const keys: string[] = [];
  for (let band = 0; band < layout.bands; band++) {
    const values = Array.from(signature.subarray(band * layout.rows, (band + 1) * layout.rows), (v) => v.toString(36));
    keys.push(`${band.toString(36)}.${fnv1a(values.join(',')).toString(36)}`);
  }
  return keys;
}

/** The probability that a pair of Jaccard similarity `jaccard` shares at least one band. */
export function candidateProbability(jaccard: number, layout: LshLayout = DEFAULT_LSH_LAYOUT): number {
  return 1 - (1 - jaccard ** layout.rows) ** layout.bands;
}
