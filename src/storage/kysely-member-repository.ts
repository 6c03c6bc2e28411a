import type { Kysely } from 'kysely';
import type { MemberRepository } from '../app/member-ports.js';
import { AppError } from '../domain/errors.js';
import type { Instant } from '../domain/ids.js';
import { memberEmailKey, type Member, type MemberId, type MemberStatus } from '../domain/member.js';
import type { Database, MemberTable } from './schema.js';

const toRow = (m: Member): MemberTable => ({
  id: m.id, email: m.email.trim(), email_key: memberEmailKey(m.email), name: m.name, note: m.note, status: m.status,
  subscribed: m.subscribed ? 1 : 0, labels: JSON.stringify(m.labels), created_at: m.createdAt, updated_at: m.updatedAt, origin_key: m.originKey,
});

const toMember = (r: MemberTable): Member => ({
  id: r.id as MemberId, email: r.email, name: r.name, note: r.note, status: r.status as MemberStatus, subscribed: Number(r.subscribed) === 1,
  labels: JSON.parse(r.labels) as string[], createdAt: r.created_at as Instant, updatedAt: r.updated_at as Instant, originKey: r.origin_key,
});

function emailTaken(email: string, cause?: unknown): AppError {
  return new AppError('MEMBER_EMAIL_TAKEN', `${email.trim()} is already a member's address; each address can belong to one member only.`, {
    details: { email: email.trim() }, ...(cause === undefined ? {} : { cause }),
  });
}

/** Members over Kysely; the unique `email_key` column makes addresses unique ignoring case on both engines. */
export class KyselyMemberRepository implements MemberRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(member: Member): Promise<void> {
    if (await this.getByEmail(member.email)) throw emailTaken(member.email);
    try {
      await this.db.insertInto('members').values(toRow(member)).execute();
    } catch (error) {
      // Another writer took the address between the check and the insert: the unique index refused it.
      if (await this.getByEmail(member.email)) throw emailTaken(member.email, error);
      throw error;
    }
  }

  async update(member: Member): Promise<void> {
    const holder = await this.getByEmail(member.email);
    if (holder && holder.id !== member.id) throw emailTaken(member.email);
    const { id, ...row } = toRow(member);
    await this.db.updateTable('members').set(row).where('id', '=', id).execute();
  }

  async getById(id: MemberId): Promise<Member | null> {
    const r = await this.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toMember(r) : null;
  }

  async getByEmail(email: string): Promise<Member | null> {
    const r = await this.db.selectFrom('members').selectAll().where('email_key', '=', memberEmailKey(email)).executeTakeFirst();
    return r ? toMember(r) : null;
  }

  async list(page: { offset: number; limit: number }): Promise<Member[]> {
    const rows = await this.db.selectFrom('members').selectAll().orderBy('created_at').orderBy('id').offset(page.offset).limit(page.limit).execute();
    return rows.map(toMember);
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('members').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
