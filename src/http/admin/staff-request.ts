import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { can, type Capability, type User } from '../../domain/staff.js';
import './admin-guards.js';

/** The signed-in member of staff, who must hold `capability` if one is given; else 401 or 403. */
export function requireStaff(request: FastifyRequest, capability?: Capability): User {
  const staff = request.staff;
  if (!staff) throw new AppError('STAFF_NOT_SIGNED_IN', 'Sign in to the back office first; your session may have expired.');
  if (capability && !can(staff.user.role, capability)) {
    throw new AppError('NOT_ALLOWED', `Your role (${staff.user.role}) does not allow this (${capability}).`, { details: { capability } });
  }
  return staff.user;
}
