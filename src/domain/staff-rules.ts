import { roles, type Role, type User } from './staff.js';

/** True when `actor` may change or deactivate the account of `target`: nobody acts on a role above their own. */
export function mayManageAccount(actor: Role, target: Role): boolean {
  return roles.indexOf(target) >= roles.indexOf(actor);
}

/**
 * True when taking `target` out of the owner role (demotion or deactivation) would leave the site
 * without an active owner — nobody could then manage settings, staff or keys from the back office.
 */
export function isLastActiveOwner(target: User, staff: readonly User[]): boolean {
  if (target.role !== 'owner' || target.disabledAt) return false;
  return !staff.some((u) => u.id !== target.id && u.role === 'owner' && !u.disabledAt);
}
