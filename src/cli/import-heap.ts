import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Config } from '../config/config.js';

/** How far V8 may grow the heap past what is live after a full collection, in per cent, during a site import. */
export const IMPORT_HEAP_GROWTH_PERCENT = 100;

let applied = false;

/**
 * A site import keeps little alive (some 80 MB at 100,000 posts: the application, two batches
 * and the authors and terms met), but its batches live long enough to reach the old generation
 * and die there, and V8 by default lets the heap grow to four times what a full collection left
 * before collecting again: some 300 MB of garbage. Letting it grow by 100% instead (twice the live
 * heap) costs a few more full collections and keeps the process under 400 MB without a fixed cap
 * (`--max-old-space-size` still works on top). 30% was the setting until session 11: it kept the
 * 100,000-post benchmark at 311–316 MB, but V8's helper threads then used a fifth of the import's
 * CPU, mostly marking and sweeping; at 100% the same runs took 7–12% less CPU and 7–20% less time, at
 * 361–365 MB (alternating pairs; the places and names data no longer load with the application,
 * which made room). The flag is process-wide and read at every
 * full collection; one is run at once (through `--expose-gc`, which only adds a global `gc` to new
 * contexts) so that the limit V8 set while the application loaded does not hold for the first
 * stretch of the import. `IMPORT_HEAP_GROWTH=0` (config) leaves V8's default.
 */
export function keepImportHeapSmall(config: Pick<Config, 'importHeapGrowthPercent'>): void {
  if (applied) return;
  applied = true;
  const percent = config.importHeapGrowthPercent ?? IMPORT_HEAP_GROWTH_PERCENT;
  if (percent === 0) return;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
