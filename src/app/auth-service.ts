import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuditAction, AuditEntry } from '../domain/audit.js';
import { AppError } from '../domain/errors.js';
import type { IdGenerator, Instant } from '../domain/ids.js';
import { can, normaliseEmail, passwordProblem, roles, throttleSeconds, type Capability, type Role, type User, type UserId } from '../domain/staff.js';
import type { Clock, StoredSession, Store } from './ports.js';
import type { Mailer, PasswordHasher } from './staff-ports.js';

const SESSION_DAYS = 30;
const RESET_MINUTES = 60;
const SETUP_HOURS = 72;
const SETUP_KEY = 'setup_token';

/** Who is acting: a signed-in user, or the command line (the machine's operator). */
export type Actor = { kind: 'user'; user: User } | { kind: 'cli' };

export interface SignedIn {
  user: User;
  session: StoredSession;
  /** The cookie value; only its hash is stored. */
  token: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');
const addSeconds = (at: Instant, seconds: number) => new Date(Date.parse(at) + seconds * 1000).toISOString() as Instant;

/** Staff accounts, sign-in, sessions, password resets and the audit trail of who did what. */
export class AuthService {
  /** Verifying against this when the account does not exist keeps the timing of both answers alike. */
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly deps: { store: Store; clock: Clock; newId: IdGenerator; hasher: PasswordHasher; mailer: Mailer }) {}

  /** A one-time setup token while the site has no staff; null once it has. Printed as a link at first start. */
  async setupToken(): Promise<string | null> {
    if ((await this.deps.store.users.count()) > 0) return null;
    const token = randomToken();
    const now = this.deps.clock.now();
    await this.deps.store.settings.put(SETUP_KEY, { hash: sha256(token), expiresAt: addSeconds(now, SETUP_HOURS * 3600) }, now);
    return token;
  }

  /** True once the site has staff (the setup link no longer works). */
  async isSetUp(): Promise<boolean> {
    return (await this.deps.store.users.count()) > 0;
  }

  /** Creates the owner from the setup link; the link works once. */
  async completeSetup(token: string, input: { email: string; name: string; password: string }): Promise<User> {
    const stored = (await this.deps.store.settings.get(SETUP_KEY)) as { hash?: string; expiresAt?: string } | undefined;
    const now = this.deps.clock.now();
    if ((await this.deps.store.users.count()) > 0) throw new AppError('SETUP_DONE', 'This site is already set up. Sign in instead.');
    if (!stored?.hash || !stored.expiresAt || stored.expiresAt < now || !sameSecret(stored.hash, sha256(token))) {
      throw new AppError('TOKEN_INVALID', 'This setup link is not valid or has expired. Restart Dateline, or run "dateline user create --role owner".');
    }
    const user = await this.createUser({ ...input, role: 'owner' }, { kind: 'cli' });
    await this.deps.store.settings.put(SETUP_KEY, {}, now);
    await this.audit({ kind: 'user', user }, 'site.setup', 'user', user.id);
    return user;
  }

  /** Creates a staff account. The actor must be allowed to hand out the role. */
  async createUser(input: { email: string; name: string; password: string; role: Role }, actor: Actor): Promise<User> {
    if (!roles.includes(input.role)) throw new AppError('INVALID_INPUT', `"${input.role}" is not a role; choose one of ${roles.join(', ')}.`, { details: { field: 'role' } });
    if (actor.kind === 'user') this.require(actor.user, 'staff.manage');
    if (actor.kind === 'user' && input.role === 'owner' && actor.user.role !== 'owner') throw new AppError('NOT_ALLOWED', 'Only the owner can make another owner.');
    const email = normaliseEmail(input.email);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new AppError('INVALID_INPUT', `"${input.email}" is not an e-mail address.`, { details: { field: 'email' } });
    const name = input.name.trim();
    if (!name) throw new AppError('INVALID_INPUT', 'A member of staff needs a name.', { details: { field: 'name' } });
    const problem = passwordProblem(input.password, { email, name });
    if (problem) throw new AppError('INVALID_INPUT', problem, { details: { field: 'password' } });
    if (await this.deps.store.users.getByEmail(email)) throw new AppError('SLUG_TAKEN', `There is already an account for ${email}.`, { details: { field: 'email' } });
    const now = this.deps.clock.now();
    const user: User = {
      id: this.deps.newId() as UserId, email, name, role: input.role, authorId: null,
      passwordHash: await this.deps.hasher.hash(input.password), createdAt: now, updatedAt: now, disabledAt: null,
    };
    await this.deps.store.users.insert(user);
    await this.audit(actor, 'staff.create', 'user', user.id, { email, role: user.role });
    return user;
  }

  /**
   * Signs in. Each account and each address may fail a few times freely; then every attempt waits,
   * twice as long after each further failure. The message never says which of e-mail or password was wrong.
   */
  async signIn(input: { email: string; password: string; ip: string | null; userAgent: string | null }): Promise<SignedIn> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const email = normaliseEmail(input.email);
    const subjects = [`account:${email}`, ...(input.ip ? [`address:${input.ip}`] : [])];
    for (const subject of subjects) {
      const state = await store.signInThrottle.get(subject);
      if (state?.lockedUntil && state.lockedUntil > now) {
        const wait = Math.ceil((Date.parse(state.lockedUntil) - Date.parse(now)) / 1000);
        throw new AppError('SIGN_IN_THROTTLED', `Too many failed sign-ins. Try again in ${wait} seconds, or reset your password.`, { details: { retryAfterSeconds: wait } });
      }
    }
    const user = await store.users.getByEmail(email);
    const ok = user && !user.disabledAt
      ? await this.deps.hasher.verify(user.passwordHash, input.password)
      : (await this.deps.hasher.verify(await this.dummy(), input.password), false);
    if (!ok || !user) {
      for (const subject of subjects) {
        await store.signInThrottle.recordFailure(subject, now, (failures) => {
          const seconds = throttleSeconds(failures);
          return seconds > 0 ? addSeconds(now, seconds) : null;
        });
      }
      throw new AppError('SIGN_IN_FAILED', 'The e-mail address or password is not right.');
    }
    for (const subject of subjects) await store.signInThrottle.clear(subject);
    const token = randomToken();
    const session: StoredSession = {
      tokenHash: sha256(token), userId: user.id, csrfToken: randomToken(), createdAt: now, lastSeenAt: now,
      expiresAt: addSeconds(now, SESSION_DAYS * 86400), userAgent: input.userAgent?.slice(0, 300) ?? null, ip: input.ip,
    };
    await store.sessions.insert(session);
    return { user, session, token };
  }

  /** The user behind a session cookie, or null; sliding expiry, refreshed at most hourly. */
  async authenticate(token: string | undefined): Promise<{ user: User; session: StoredSession } | null> {
    if (!token || token.length > 100) return null;
    const { store, clock } = this.deps;
    const session = await store.sessions.get(sha256(token));
    const now = clock.now();
    if (!session || session.expiresAt <= now) return null;
    const user = await store.users.getById(session.userId);
    if (!user || user.disabledAt) return null;
    if (Date.parse(now) - Date.parse(session.lastSeenAt) > 3600_000) {
      await store.sessions.touch(session.tokenHash, now, addSeconds(now, SESSION_DAYS * 86400));
    }
    return { user, session };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.deps.store.sessions.delete(sha256(token));
  }

  /** Ends every session of the user, on every device. */
  async signOutEverywhere(user: User): Promise<number> {
    const ended = await this.deps.store.sessions.deleteForUser(user.id);
    await this.audit({ kind: 'user', user }, 'staff.sign-out-everywhere', 'user', user.id, { sessions: ended });
    return ended;
  }

  /** Mails a single-use reset link valid for an hour. Says nothing about whether the account exists. */
  async requestPasswordReset(email: string, linkFor: (token: string) => string): Promise<void> {
    const user = await this.deps.store.users.getByEmail(normaliseEmail(email));
    if (!user || user.disabledAt) return;
    const token = randomToken();
    const now = this.deps.clock.now();
    await this.deps.store.passwordResets.insert({ tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt: addSeconds(now, RESET_MINUTES * 60) });
    await this.deps.mailer.send({
      to: user.email,
      subject: 'Reset your password',
      text: `Someone asked to reset the password of your account (${user.email}).\n\nTo choose a new password, open this link within ${RESET_MINUTES} minutes:\n${linkFor(token)}\n\nIf it was not you, ignore this message; your password stays as it is.`,
    });
  }

  /** Sets a new password from a reset link (once) and ends every session of the account. */
  async resetPassword(token: string, password: string): Promise<User> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const found = await store.passwordResets.consume(sha256(token), now);
    const user = found ? await store.users.getById(found.userId) : null;
    if (!user) throw new AppError('TOKEN_INVALID', 'This reset link is not valid, was used already, or has expired. Ask for a new one.');
    const problem = passwordProblem(password, user);
    if (problem) throw new AppError('INVALID_INPUT', problem, { details: { field: 'password' } });
    const updated = { ...user, passwordHash: await this.deps.hasher.hash(password), updatedAt: now };
    await store.users.update(updated);
    await store.sessions.deleteForUser(user.id);
    await store.signInThrottle.clear(`account:${user.email}`);
    await this.audit({ kind: 'user', user }, 'staff.password-reset', 'user', user.id);
    return updated;
  }

  /** Throws NOT_ALLOWED unless the user's role has the capability. */
  require(user: User, capability: Capability): void {
    if (!can(user.role, capability)) {
      throw new AppError('NOT_ALLOWED', `Your role (${user.role}) does not allow this (${capability}).`, { details: { capability } });
    }
  }

  /** The audit log, newest first, for owners and administrators. */
  async auditLog(user: User, page: { offset: number; limit: number }): Promise<AuditEntry[]> {
    this.require(user, 'audit.read');
    return this.deps.store.audit.list(page);
  }

  /** Records an action in the audit log. */
  async audit(actor: Actor, action: AuditAction, subjectType: string | null, subjectId: string | null, details: Record<string, unknown> | null = null, store: Store = this.deps.store): Promise<void> {
    await store.audit.append({
      id: this.deps.newId(), at: this.deps.clock.now(), userId: actor.kind === 'user' ? actor.user.id : null,
      actor: actor.kind === 'user' ? `${actor.user.name} <${actor.user.email}>` : 'command line',
      action, subjectType, subjectId, details,
    });
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.deps.hasher.hash(randomToken());
    return this.dummyHash;
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
