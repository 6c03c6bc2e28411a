import type { FastifyRequest } from 'fastify';
import type { StoredSession } from '../../app/ports.js';
import { AppError } from '../../domain/errors.js';
import { can, type Capability, type User } from '../../domain/staff.js';

/**
 * Who is calling the admin API, as established by the authentication hook of the admin scope
 * (a session cookie, later also an integration's API key). The hook sets `request.staff`; routes
 * only read it, through requireStaff, so they do not care how the caller proved who they are.
 */
export interface StaffIdentity {
  user: User;
  via: 'session' | 'api-key';
  /** The session behind a cookie sign-in (null for API keys). */
  session: StoredSession | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the admin scope's authentication hook; null when the request carries no valid credentials. */
    staff: StaffIdentity | null;
  }
}

/** The signed-in member of staff, who must hold `capability` if one is given; else 401 or 403. */
export function requireStaff(request: FastifyRequest, capability?: Capability): User {
  const staff = request.staff;
  if (!staff) throw new AppError('STAFF_NOT_SIGNED_IN', 'Sign in to the back office first; your session may have expired.');
  if (capability && !can(staff.user.role, capability)) {
    throw new AppError('NOT_ALLOWED', `Your role (${staff.user.role}) does not allow this (${capability}).`, { details: { capability } });
  }
  return staff.user;
}
