import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import type { AuthorId, Instant } from '../domain/ids.js';
import { isLastActiveOwner, mayManageAccount } from '../domain/staff-rules.js';
import { mayAssignRole, type Role, type User, type UserId } from '../domain/staff.js';
import type { AuthService } from './auth-service.js';
import type { Clock, Store } from './ports.js';
import type { Mailer } from './staff-ports.js';

/** An invitation's set-password link stays valid for three days: people do not read mail within the hour. */
const INVITE_HOURS = 72;

export interface Invitation {
  user: User;
  /** The set-password link; shown to the inviter only when it could not be mailed. */
  link: string;
  mailed: boolean;
  /** Why the mail was not sent, when it was not. */
  mailProblem: string | null;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

/**
 * Staff management for owners and administrators: invitations with a mailed set-password link,
 * role changes, deactivation. The site always keeps one active owner, and every change is audited.
 */
export class StaffService {
  constructor(private readonly deps: { store: Store; clock: Clock; auth: AuthService; mailer: Mailer }) {}

  /** Every account, oldest first. */
  list(actor: User): Promise<User[]> {
    this.deps.auth.require(actor, 'staff.manage');
    return this.deps.store.users.list();
  }

  async get(id: UserId, actor: User): Promise<User> {
    this.deps.auth.require(actor, 'staff.manage');
    return this.find(this.deps.store, id);
  }

  /**
   * Creates an account with an unknown password and mails a single-use link (valid 72 hours) to
   * choose one, through the password-reset machinery. When mail is not configured or fails the
   * account still exists and the link is returned for the inviter to pass on.
   */
  async invite(input: { email: string; name: string; role: Role }, actor: User, linkFor: (token: string) => string): Promise<Invitation> {
    const user = await this.deps.auth.createUser({ ...input, password: randomToken() }, { kind: 'user', user: actor });
    const token = randomToken();
    const now = this.deps.clock.now();
    await this.deps.store.passwordResets.insert({ tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt: new Date(Date.parse(now) + INVITE_HOURS * 3600_000).toISOString() as Instant });
    const link = linkFor(token);
    let mailProblem: string | null = null;
    try {
      await this.deps.mailer.send({
        to: user.email,
        subject: 'You have been invited to the back office',
        text: `${actor.name} has made you an account (${user.email}, role: ${user.role}).\n\nTo choose your password, open this link within ${INVITE_HOURS} hours:\n${link}\n\nThen sign in with your e-mail address and that password.`,
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'MAIL_FAILED') throw error;
      mailProblem = error.message;
    }
    await this.deps.auth.audit({ kind: 'user', user: actor }, 'staff.invite', 'user', user.id, { email: user.email, role: user.role, mailed: mailProblem === null });
    return { user, link, mailed: mailProblem === null, mailProblem };
  }

  /** Gives an account another role (and byline). The last active owner cannot be demoted. */
  async update(id: UserId, changes: { role: Role; authorId: AuthorId | null }, actor: User): Promise<User> {
    this.deps.auth.require(actor, 'staff.manage');
    return this.deps.store.transaction(async (tx) => {
      const target = await this.find(tx, id);
      this.requireOver(actor, target);
      if (changes.role !== target.role) {
        if (!mayAssignRole(actor.role, changes.role)) throw new AppError('NOT_ALLOWED', `Your role (${actor.role}) cannot give the role "${changes.role}".`, { details: { role: changes.role } });
        await refuseLastOwner(tx, target, this.deps.clock.now());
      }
      if (changes.authorId && !(await tx.authors.getById(changes.authorId))) throw new AppError('AUTHOR_NOT_FOUND', 'There is no such author; choose one from the list.', { details: { field: 'authorId' } });
      const updated: User = { ...target, role: changes.role, authorId: changes.authorId, updatedAt: this.deps.clock.now() };
      await tx.users.update(updated);
      if (changes.role !== target.role) {
        await this.deps.auth.audit({ kind: 'user', user: actor }, 'staff.role-change', 'user', id, { email: target.email, from: target.role, to: changes.role }, tx);
      }
      return updated;
    });
  }

  /** Deactivates an account: it can no longer sign in and every session of it ends at once. */
  async deactivate(id: UserId, actor: User): Promise<User> {
    this.deps.auth.require(actor, 'staff.manage');
    return this.deps.store.transaction(async (tx) => {
      const target = await this.find(tx, id);
      this.requireOver(actor, target);
      if (target.id === actor.id) throw new AppError('NOT_ALLOWED', 'You cannot deactivate your own account; ask another owner or administrator.');
      if (target.disabledAt) return target;
      await refuseLastOwner(tx, target, this.deps.clock.now());
      const now = this.deps.clock.now();
      const updated: User = { ...target, disabledAt: now, updatedAt: now };
      await tx.users.update(updated);
      const sessions = await tx.sessions.deleteForUser(id);
      await this.deps.auth.audit({ kind: 'user', user: actor }, 'staff.disable', 'user', id, { email: target.email, sessionsEnded: sessions }, tx);
      return updated;
    });
  }

  /** Lets a deactivated account sign in again (with its old password, or a reset). */
  async reactivate(id: UserId, actor: User): Promise<User> {
    this.deps.auth.require(actor, 'staff.manage');
    return this.deps.store.transaction(async (tx) => {
      const target = await this.find(tx, id);
      this.requireOver(actor, target);
      if (!target.disabledAt) return target;
      const updated: User = { ...target, disabledAt: null, updatedAt: this.deps.clock.now() };
      await tx.users.update(updated);
      await this.deps.auth.audit({ kind: 'user', user: actor }, 'staff.enable', 'user', id, { email: target.email }, tx);
      return updated;
    });
  }

  private async find(store: Store, id: UserId): Promise<User> {
    const user = await store.users.getById(id);
    if (!user) throw new AppError('USER_NOT_FOUND', 'There is no such member of staff.', { details: { id } });
    return user;
  }

  private requireOver(actor: User, target: User): void {
    if (!mayManageAccount(actor.role, target.role)) {
      throw new AppError('NOT_ALLOWED', `Your role (${actor.role}) cannot change the account of an ${target.role}.`, { details: { role: target.role } });
    }
  }
}

/** A settings row every owner-removing change writes first: its row lock queues concurrent ones. */
const OWNER_GUARD_KEY = 'staff_owner_guard';

/**
 * Refuses to take the last active owner out. Two owners demoting each other at once on
 * PostgreSQL would each still see the other as owner; writing the guard row first makes the
 * second transaction wait for the first to commit, so it reads the outcome (SQLite has one writer).
 */
async function refuseLastOwner(store: Store, target: User, now: Instant): Promise<void> {
  if (target.role !== 'owner' || target.disabledAt) return;
  await store.settings.put(OWNER_GUARD_KEY, { at: now, userId: target.id }, now);
  if (isLastActiveOwner(target, await store.users.list())) {
    throw new AppError('LAST_OWNER', `${target.name} is the site's only owner. Make someone else an owner first.`, { details: { userId: target.id } });
  }
}
