import type { Member, MemberId } from '../domain/member.js';

/** Members of the site (readers, not staff). E-mail addresses are unique ignoring case. */
export interface MemberRepository {
  /** Stores a new member; throws an AppError MEMBER_EMAIL_TAKEN when the address is already a member's. */
  insert(member: Member): Promise<void>;
  /** Replaces the stored member's fields (the address too, still unique). */
  update(member: Member): Promise<void>;
  getById(id: MemberId): Promise<Member | null>;
  /** By address, ignoring case and surrounding spaces. */
  getByEmail(email: string): Promise<Member | null>;
  /** Oldest first (by joining date, then id). */
  list(page: { offset: number; limit: number }): Promise<Member[]>;
  count(): Promise<number>;
}
