import { AppError } from '../domain/errors.js';
import { statusOf, type Redirect, type RedirectStatus } from '../domain/redirect.js';
import { checkRedirectStatus, localPathOf, parseRedirectDestination, parseRedirectSource, refuseLoop } from '../domain/redirect-rules.js';
import type { User } from '../domain/staff.js';
import type { AuthService } from './auth-service.js';
import type { Clock, Store } from './ports.js';
import type { SettingsService } from './settings-service.js';

/** A redirect as an editor writes it: from an old path, to a path or full address (none for 410). */
export interface RedirectInput {
  fromPath: string;
  toPath: string | null;
  status: RedirectStatus;
}

/** The URL redirects screen and API: list, add, edit and delete, never making loops or open redirects. */
export class RedirectService {
  constructor(private readonly deps: { store: Store; auth: AuthService; clock: Clock; settings: SettingsService }) {}

  async list(user: User, filter: { text?: string }, page: { offset: number; limit: number }): Promise<{ items: Redirect[]; total: number }> {
    this.deps.auth.require(user, 'redirect.manage');
    const [items, total] = await Promise.all([this.deps.store.redirects.list(filter, page), this.deps.store.redirects.countMatching(filter)]);
    return { items, total };
  }

  async get(user: User, fromPath: string): Promise<Redirect> {
    this.deps.auth.require(user, 'redirect.manage');
    return this.require(fromPath);
  }

  async create(user: User, input: RedirectInput): Promise<Redirect> {
    this.deps.auth.require(user, 'redirect.manage');
    const redirect = await this.checked(input);
    if (await this.deps.store.redirects.find(redirect.fromPath)) {
      throw new AppError('REDIRECT_EXISTS', `${redirect.fromPath} already redirects; edit that redirect instead.`, { details: { fromPath: redirect.fromPath } });
    }
    await this.deps.store.redirects.put(redirect);
    await this.deps.auth.audit({ kind: 'user', user }, 'redirect.create', 'redirect', redirect.fromPath, { to: redirect.toPath, status: statusOf(redirect) });
    return redirect;
  }

  /** Changes a redirect; a new `fromPath` replaces the old address. */
  async update(user: User, fromPath: string, input: RedirectInput): Promise<Redirect> {
    this.deps.auth.require(user, 'redirect.manage');
    const existing = await this.require(fromPath);
    const redirect = await this.checked(input, existing);
    if (redirect.fromPath !== existing.fromPath && await this.deps.store.redirects.find(redirect.fromPath)) {
      throw new AppError('REDIRECT_EXISTS', `${redirect.fromPath} already redirects; edit that redirect instead.`, { details: { fromPath: redirect.fromPath } });
    }
    await this.deps.store.transaction(async (tx) => {
      if (redirect.fromPath !== existing.fromPath) await tx.redirects.delete(existing.fromPath);
      await tx.redirects.put(redirect);
    });
    await this.deps.auth.audit({ kind: 'user', user }, 'redirect.update', 'redirect', redirect.fromPath, {
      ...(redirect.fromPath === existing.fromPath ? {} : { from: existing.fromPath }),
      to: { from: existing.toPath, to: redirect.toPath }, status: { from: statusOf(existing), to: statusOf(redirect) },
    });
    return redirect;
  }

  async delete(user: User, fromPath: string): Promise<void> {
    this.deps.auth.require(user, 'redirect.manage');
    const existing = await this.require(fromPath);
    await this.deps.store.redirects.delete(existing.fromPath);
    await this.deps.auth.audit({ kind: 'user', user }, 'redirect.delete', 'redirect', existing.fromPath, { to: existing.toPath, status: statusOf(existing) });
  }

  private async require(fromPath: string): Promise<Redirect> {
    const found = await this.deps.store.redirects.find(fromPath);
    if (!found) throw new AppError('REDIRECT_NOT_FOUND', `There is no redirect from ${fromPath}; it may have been deleted. Reload the list.`, { details: { fromPath } });
    return found;
  }

  private async checked(input: RedirectInput, existing?: Redirect): Promise<Redirect> {
    const fromPath = parseRedirectSource(input.fromPath);
    const toPath = input.toPath?.trim() ? parseRedirectDestination(input.toPath) : null;
    checkRedirectStatus(input.status, toPath);
    const { url } = await this.deps.settings.get();
    const local = toPath === null ? null : localPathOf(toPath, url);
    // The redirect being replaced no longer counts: it is what this change overwrites.
    await refuseLoop(fromPath, local, async (path) => {
      if (path === existing?.fromPath) return null;
      const next = await this.deps.store.redirects.find(path);
      return next?.toPath ? localPathOf(next.toPath, url) : null;
    });
    return { fromPath, toPath, status: input.status, kind: existing?.kind ?? 'manual', createdAt: existing?.createdAt ?? this.deps.clock.now() };
  }
}
