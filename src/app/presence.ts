import type { Clock } from './ports.js';

/** How long a heartbeat counts: editors send one every 15 seconds, so two missed beats mean gone. */
const FRESH_MS = 40_000;

export interface Present {
  userId: string;
  name: string;
}

/**
 * Who has which article open, from the editors' heartbeats. Kept in memory: it is a courtesy
 * ("Ana is also editing"), not a lock; optimistic locking is what keeps saves safe. With several
 * app nodes each node knows only the editors it serves.
 */
export class PresenceBoard {
  private readonly seen = new Map<string, Map<string, { name: string; at: number }>>();

  constructor(private readonly clock: Clock) {}

  /** Records that `who` has the article open and returns everyone else who does. */
  heartbeat(articleId: string, who: Present): Present[] {
    const now = Date.parse(this.clock.now());
    const editors = this.seen.get(articleId) ?? new Map<string, { name: string; at: number }>();
    editors.set(who.userId, { name: who.name, at: now });
    this.seen.set(articleId, editors);
    const others: Present[] = [];
    for (const [userId, entry] of editors) {
      if (now - entry.at > FRESH_MS) editors.delete(userId);
      else if (userId !== who.userId) others.push({ userId, name: entry.name });
    }
    return others;
  }

  /** Forgets an editor who closed the article. */
  leave(articleId: string, userId: string): void {
    this.seen.get(articleId)?.delete(userId);
  }
}
