import type { Instant } from '../../domain/ids.js';
import { isPlausibleEmail, memberStatusOf, type Member, type MemberId } from '../../domain/member.js';
import type { Store } from '../ports.js';
import type { SiteMemberDraft } from './site-import-events.js';
import { stableId } from './stable-id.js';

export type MemberWrite = { state: 'imported'; memberId: MemberId } | { state: 'skipped'; reason: string };

const clean = (value: string | null, max: number) => value?.replace(/\s+/g, ' ').trim().slice(0, max) || null;

/**
 * Writes one member of an export inside the caller's transaction. An address that is not one, or
 * that an earlier member already has (addresses are unique ignoring case), is skipped with the
 * reason; the earlier member is left as they were.
 */
export async function writeImportedMember(tx: Store, sourceKey: string, draft: SiteMemberDraft, now: Instant): Promise<MemberWrite> {
  const email = draft.email.trim();
  if (!isPlausibleEmail(email)) return { state: 'skipped', reason: `"${email.slice(0, 80)}" is not an e-mail address` };
  const holder = await tx.members.getByEmail(email);
  if (holder) return { state: 'skipped', reason: `${email} is already a member's address (addresses are unique ignoring case); the earlier member was kept as they were` };
  const createdAt = draft.createdAt ?? now;
  const member: Member = {
    id: stableId(sourceKey, draft.originKey) as MemberId, email, name: clean(draft.name, 200), note: draft.note?.trim().slice(0, 2000) || null,
    status: memberStatusOf(draft.status), subscribed: draft.subscribed,
    labels: [...new Set(draft.labels.map((l) => clean(l, 200)).filter((l): l is string => !!l))],
    createdAt, updatedAt: draft.updatedAt ?? createdAt, originKey: draft.originKey,
  };
  await tx.members.insert(member);
  return { state: 'imported', memberId: member.id };
}
