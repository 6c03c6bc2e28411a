import type { Instant } from '../domain/ids.js';
import type { RedirectKind } from '../domain/redirect.js';
import type { Store } from './ports.js';

/**
 * Stores old → new redirects for archive addresses that moved (a renamed or merged term, an
 * author's new slug). The new address is live again, so a redirect stored from it goes; redirects
 * that pointed at an old address now point at the new one, so readers never follow a chain and
 * renaming back and forth makes no loop.
 */
export async function leaveArchiveRedirects(tx: Store, moves: readonly { from: string; to: string }[], kind: RedirectKind, createdAt: Instant): Promise<void> {
  for (const { from, to } of moves) {
    await tx.redirects.delete(to);
    await tx.redirects.retarget(from, to);
    await tx.redirects.put({ fromPath: from, toPath: to, kind, createdAt, status: 301 });
  }
}
