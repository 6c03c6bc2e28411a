/** Runs at most `limit` jobs at once; the rest wait their turn in arrival order. */
export function createWorkLimit(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`A work limit must be a whole number from 1 upwards, not ${limit}.`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next job, so a newcomer cannot overtake those already waiting.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
