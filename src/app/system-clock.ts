import type { Instant } from '../domain/ids.js';
import type { Clock } from './ports.js';

/** The real clock. */
export const systemClock: Clock = { now: () => new Date().toISOString() as Instant };

/** A clock that stays where it is set; for tests and reproducible seeding. */
export function fixedClock(at: string): Clock & { set(at: string): void } {
  let current = new Date(at).toISOString() as Instant;
  return { now: () => current, set: (next) => { current = new Date(next).toISOString() as Instant; } };
}
