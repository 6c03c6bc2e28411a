import type { Instant } from '../domain/ids.js';
import type { Clock, PresenceRepository } from './ports.js';

/** How long a heartbeat counts: editors send one every 15 seconds, so two missed beats mean gone. */
const FRESH_MS = 40_000;
/** Expired rows are deleted at most this often per node: every heartbeat would be a second write for nothing. */
const PRUNE_EVERY_MS = 60_000;

export interface Present {
  userId: string;
  name: string;
}

/**
 * Who has which article open, from the editors' heartbeats. Stored in the database so every app
 * node sees every editor; it is a courtesy ("Ana is also editing"), not a lock: optimistic
 * locking is what keeps saves safe.
 */
export class PresenceBoard {
  private lastPrune = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: { presence: PresenceRepository; clock: Clock }) {}

  /** Records that `who` has the article open and returns everyone else who does. */
  async heartbeat(articleId: string, who: Present): Promise<Present[]> {
    const now = this.deps.clock.now();
    const at = Date.parse(now);
    await this.deps.presence.beat({ articleId, userId: who.userId, name: who.name, seenAt: now, expiresAt: new Date(at + FRESH_MS).toISOString() as Instant });
    if (at - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = at;
      await this.deps.presence.prune(now);
    }
    return (await this.deps.presence.listPresent(articleId, now)).filter((p) => p.userId !== who.userId);
  }

  /** Forgets an editor who closed the article. */
  async leave(articleId: string, userId: string): Promise<void> {
    await this.deps.presence.leave(articleId, userId);
  }
}
