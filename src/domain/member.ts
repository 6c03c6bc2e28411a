import type { Brand, Instant } from './ids.js';

export type MemberId = Brand<string, 'MemberId'>;

/** What a member has: the free tier, a paid subscription, or paid access given without payment. */
export const memberStatuses = ['free', 'paid', 'comped'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/**
 * A reader who has joined the site (for newsletters, later for members-only reading). Members
 * have no password: they will sign in by a link mailed to their address.
 */
export interface Member {
  id: MemberId;
  /** As the member gave it; unique ignoring case (see memberEmailKey). */
  email: string;
  name: string | null;
  /** A staff note about the member, never shown to them. */
  note: string | null;
  status: MemberStatus;
  /** Wants the newsletter. */
  subscribed: boolean;
  /** Names of the labels staff use to group members, in the order given. */
  labels: string[];
  createdAt: Instant;
  updatedAt: Instant;
  /** Where an imported member came from (`ghost:member:<id>`); null for members who joined here. */
  originKey: string | null;
}

/** The key two addresses share when they are the same mailbox as far as Dateline is concerned: trimmed and lower-cased. */
export function memberEmailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** A plausible address: one @, something on each side, no spaces or angle brackets. Delivery is what really proves it. */
export function isPlausibleEmail(email: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email.trim()) && email.trim().length <= 320;
}

/** Ghost's and other platforms' status words onto Dateline's; unknown words are free members. */
export function memberStatusOf(value: string | null | undefined): MemberStatus {
  const v = (value ?? '').trim().toLowerCase();
  return v === 'paid' ? 'paid' : v === 'comped' || v === 'complimentary' ? 'comped' : 'free';
}
