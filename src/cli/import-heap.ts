import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How far V8 may grow the heap past what is live after a full collection, in per cent, during a site import. */
export const IMPORT_HEAP_GROWTH_PERCENT = 30;

let applied = false;

/**
 * A site import keeps little alive (some 80 MB at 100,000 posts: the application, two batches
 * and the authors and terms met), but its batches live long enough to reach the old generation
 * and die there, and V8 by default lets the heap grow to four times what a full collection left
 * before collecting again: some 300 MB of garbage. Growing it by 30% instead costs a few more
 * full collections (about a tenth more CPU) and keeps the process under 400 MB without a fixed
 * cap (`--max-old-space-size` still works on top). The flag is process-wide and read at every
 * full collection; one is run at once (through `--expose-gc`, which only adds a global `gc` to new
 * contexts) so that the limit V8 set while the application loaded does not hold for the first
 * stretch of the import. `DATELINE_IMPORT_HEAP_GROWTH=0` restores V8's default.
 */
export function keepImportHeapSmall(env: NodeJS.ProcessEnv = process.env): void {
  if (applied) return;
  applied = true;
  const percent = env.DATELINE_IMPORT_HEAP_GROWTH === undefined ? IMPORT_HEAP_GROWTH_PERCENT : Number(env.DATELINE_IMPORT_HEAP_GROWTH);
  if (!Number.isInteger(percent) || percent <= 0) return;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
