import { redirectKey, statusOf } from '../domain/redirect.js';
import type { Store } from './ports.js';

/** Where an unknown address should send the reader: 301 to the new path, or 410 Gone. */
export interface RedirectAnswer { status: 301 | 302 | 410; location: string | null }

/** Answers old addresses (imported permalinks, renamed and merged terms, editors' own redirects) from the redirects table. */
export class RedirectResolver {
  constructor(private readonly deps: { store: Pick<Store, 'redirects'> }) {}

  /** True when a request to the home page carries a query that named content on the old site (`/?p=12`). */
  static namesOldContent(url: string): boolean {
    return redirectKey(url).includes('?');
  }

  async resolve(url: string): Promise<RedirectAnswer | null> {
    const key = redirectKey(url);
    const candidates = [key];
    // WordPress served `?p=12` from /index.php as well as from /.
    if (key.startsWith('/index.php')) candidates.push(key.replace('/index.php', '/'));
    for (const candidate of candidates) {
      const redirect = await this.deps.store.redirects.find(candidate);
      if (redirect) {
        const status = statusOf(redirect);
        return status === 410 ? { status, location: null } : { status, location: redirect.toPath };
      }
    }
    return null;
  }
}
