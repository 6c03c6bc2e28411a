import type { Kysely } from 'kysely';
import type { AuditEntry, AuditAction } from '../domain/audit.js';
import type { AuthorId, Instant } from '../domain/ids.js';
import type { Role, User, UserId } from '../domain/staff.js';
import type {
  AuditLogRepository, PasswordResetRepository, SessionRepository, SignInThrottleRepository, StoredSession, UserRepository,
} from '../app/ports.js';
import type { Database, SessionTable, UserTable } from './schema.js';

const toUser = (r: UserTable): User => ({
  id: r.id as UserId, email: r.email, name: r.name, role: r.role as Role, authorId: r.author_id as AuthorId | null,
  passwordHash: r.password_hash, createdAt: r.created_at as Instant, updatedAt: r.updated_at as Instant, disabledAt: r.disabled_at as Instant | null,
});
const userRow = (u: User) => ({
  email: u.email, name: u.name, role: u.role, author_id: u.authorId, password_hash: u.passwordHash,
  created_at: u.createdAt, updated_at: u.updatedAt, disabled_at: u.disabledAt,
});

/** Staff accounts over Kysely. */
export class KyselyUserRepository implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}
  async insert(u: User): Promise<void> {
    await this.db.insertInto('users').values({ id: u.id, ...userRow(u) }).execute();
  }
  async update(u: User): Promise<void> {
    await this.db.updateTable('users').set(userRow(u)).where('id', '=', u.id).execute();
  }
  async getById(id: UserId): Promise<User | null> {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUser(r) : null;
  }
  async getByEmail(email: string): Promise<User | null> {
    const r = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return r ? toUser(r) : null;
  }
  async list(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('created_at').execute()).map(toUser);
  }
  async count(): Promise<number> {
    const r = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

const toSession = (r: SessionTable): StoredSession => ({
  tokenHash: r.token_hash, userId: r.user_id as UserId, csrfToken: r.csrf_token, createdAt: r.created_at as Instant,
  lastSeenAt: r.last_seen_at as Instant, expiresAt: r.expires_at as Instant, userAgent: r.user_agent, ip: r.ip,
});

/** Server-side sessions over Kysely. */
export class KyselySessionRepository implements SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}
  async insert(s: StoredSession): Promise<void> {
    await this.db.insertInto('sessions').values({
      token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt, user_agent: s.userAgent, ip: s.ip,
    }).execute();
  }
  async get(tokenHash: string): Promise<StoredSession | null> {
    const r = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return r ? toSession(r) : null;
  }
  async touch(tokenHash: string, lastSeenAt: Instant, expiresAt: Instant): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
  }
  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }
  async deleteForUser(userId: UserId): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
  async listForUser(userId: UserId): Promise<StoredSession[]> {
    return (await this.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('created_at').execute()).map(toSession);
  }
}

/** Sign-in failure counters over Kysely. */
export class KyselySignInThrottleRepository implements SignInThrottleRepository {
  constructor(private readonly db: Kysely<Database>) {}
  async get(subject: string) {
    const r = await this.db.selectFrom('sign_in_failures').selectAll().where('subject', '=', subject).executeTakeFirst();
    return r ? { failures: Number(r.failures), lockedUntil: r.locked_until as Instant | null } : null;
  }
  async recordFailure(subject: string, at: Instant, lockedUntil: (failures: number) => Instant | null): Promise<number> {
    // Upsert first so concurrent failures on several nodes all count, then set the lock from the new count.
    await this.db.insertInto('sign_in_failures').values({ subject, failures: 1, last_failure_at: at, locked_until: null })
      .onConflict((oc) => oc.column('subject').doUpdateSet((eb) => ({ failures: eb('sign_in_failures.failures', '+', 1), last_failure_at: at })))
      .execute();
    const row = await this.db.selectFrom('sign_in_failures').select('failures').where('subject', '=', subject).executeTakeFirstOrThrow();
    const failures = Number(row.failures);
    await this.db.updateTable('sign_in_failures').set({ locked_until: lockedUntil(failures) }).where('subject', '=', subject).execute();
    return failures;
  }
  async clear(subject: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('subject', '=', subject).execute();
  }
}

/** Single-use password reset tokens over Kysely. */
export class KyselyPasswordResetRepository implements PasswordResetRepository {
  constructor(private readonly db: Kysely<Database>) {}
  async insert(r: { tokenHash: string; userId: UserId; createdAt: Instant; expiresAt: Instant }): Promise<void> {
    await this.db.insertInto('password_resets').values({ token_hash: r.tokenHash, user_id: r.userId, created_at: r.createdAt, expires_at: r.expiresAt, used_at: null }).execute();
  }
  async consume(tokenHash: string, now: Instant): Promise<{ userId: UserId } | null> {
    // The conditional UPDATE is what makes the token single-use, even with two requests at once.
    const result = await this.db.updateTable('password_resets').set({ used_at: now })
      .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return null;
    const row = await this.db.selectFrom('password_resets').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirstOrThrow();
    return { userId: row.user_id as UserId };
  }
}

/** The append-only audit log over Kysely. */
export class KyselyAuditLogRepository implements AuditLogRepository {
  constructor(private readonly db: Kysely<Database>) {}
  async append(e: AuditEntry): Promise<void> {
    await this.db.insertInto('audit_log').values({
      id: e.id, at: e.at, user_id: e.userId, actor: e.actor, action: e.action, subject_type: e.subjectType, subject_id: e.subjectId,
      details: e.details ? JSON.stringify(e.details) : null,
    }).execute();
  }
  async list(page: { offset: number; limit: number }): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
    return rows.map((r) => ({
      id: r.id, at: r.at as Instant, userId: r.user_id as UserId | null, actor: r.actor, action: r.action as AuditAction,
      subjectType: r.subject_type, subjectId: r.subject_id, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    }));
  }
}
