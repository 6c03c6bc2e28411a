import type { AuthorId, Brand, Instant } from './ids.js';

export type UserId = Brand<string, 'UserId'>;

/** Staff roles, most powerful first. */
export const roles = ['owner', 'administrator', 'editor', 'author', 'contributor'] as const;
export type Role = (typeof roles)[number];

/** Everything the server checks before acting; the UI only hides what a role lacks. */
export const capabilities = [
  'article.create', 'article.edit-own', 'article.edit-any', 'article.submit-for-review', 'article.publish', 'article.delete',
  'inbox.manage', 'taxonomy.manage', 'source.manage', 'author.manage', 'media.upload', 'redirect.manage',
  'settings.manage', 'staff.manage', 'audit.read', 'api-key.manage',
] as const;
export type Capability = (typeof capabilities)[number];

const editorial: Capability[] = [
  'article.create', 'article.edit-own', 'article.edit-any', 'article.submit-for-review', 'article.publish', 'article.delete',
  'inbox.manage', 'taxonomy.manage', 'source.manage', 'author.manage', 'media.upload', 'redirect.manage',
];

/** The one capability table. */
export const capabilitiesOf: Readonly<Record<Role, ReadonlySet<Capability>>> = {
  owner: new Set(capabilities),
  administrator: new Set(capabilities),
  // The audit log names staff and their settings changes: owners and administrators read it, editors do not.
  editor: new Set(editorial),
  author: new Set(['article.create', 'article.edit-own', 'article.submit-for-review', 'media.upload']),
  contributor: new Set(['article.create', 'article.edit-own']),
};

/** True when `role` may do `capability`. */
export function can(role: Role, capability: Capability): boolean {
  return capabilitiesOf[role].has(capability);
}

/** Who may give which role: nobody hands out a role above their own, and only the owner makes owners. */
export function mayAssignRole(actor: Role, target: Role): boolean {
  if (!can(actor, 'staff.manage')) return false;
  if (target === 'owner') return actor === 'owner';
  return roles.indexOf(target) >= roles.indexOf(actor);
}

/** A member of staff who signs in to the back office. */
export interface User {
  id: UserId;
  email: string;
  name: string;
  role: Role;
  /** The byline this person writes under, if any. */
  authorId: AuthorId | null;
  passwordHash: string;
  createdAt: Instant;
  updatedAt: Instant;
  disabledAt: Instant | null;
}

/** Normalises an e-mail address for lookups; addresses are compared case-insensitively. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const MIN_PASSWORD_LENGTH = 12;

/** Problems with a new password, or null. Length over composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string, context: { email: string; name: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 1024) return 'A password may have at most 1,024 characters.';
  const lower = password.toLowerCase();
  if (lower === normaliseEmail(context.email) || lower === context.name.trim().toLowerCase()) return 'A password must not be your e-mail address or name.';
  if (/^(.)\1+$/.test(password)) return 'A password must not repeat a single character.';
  return null;
}

/** Sign-in throttling: after this many failures in a row, further attempts wait, doubling each time. */
export const THROTTLE_FREE_FAILURES = 5;
export const THROTTLE_BASE_SECONDS = 30;
export const THROTTLE_MAX_SECONDS = 60 * 60;

/** How long to refuse sign-in after `failures` consecutive failures (0 = not throttled). */
export function throttleSeconds(failures: number): number {
  if (failures < THROTTLE_FREE_FAILURES) return 0;
  return Math.min(THROTTLE_MAX_SECONDS, THROTTLE_BASE_SECONDS * 2 ** (failures - THROTTLE_FREE_FAILURES));
}
