import type { FastifyRequest } from 'fastify';
import { isAppError } from '../../domain/errors.js';
import type { Notice } from '../../render/admin/admin-layout.js';
import { statusOfKind } from '../error-status.js';

/** Fixed texts for the management screens' `?notice=…` after a redirect: nothing from the URL is shown as such. */
const notices: Record<string, Notice> = {
  'author-created': { kind: 'success', text: 'Author added.' },
  'author-saved': { kind: 'success', text: 'Author saved.' },
  'source-created': { kind: 'success', text: 'Source added.' },
  'source-saved': { kind: 'success', text: 'Source saved.' },
  'staff-saved': { kind: 'success', text: 'Account saved.' },
  'staff-deactivated': { kind: 'success', text: 'The account was deactivated and its sessions ended.' },
  'staff-reactivated': { kind: 'success', text: 'The account can sign in again.' },
  'media-uploaded': { kind: 'success', text: 'Image uploaded.' },
  'media-existed': { kind: 'success', text: 'This file was already in the library; here it is.' },
  'media-saved': { kind: 'success', text: 'Image description saved.' },
  'media-deleted': { kind: 'success', text: 'Image deleted.' },
};

export function managementNotice(request: FastifyRequest): Notice | null {
  const key = (request.query as Record<string, unknown> | undefined)?.notice;
  return typeof key === 'string' ? notices[key] ?? null : null;
}

/**
 * A refused form (bad input, a name taken, something gone) shown again on its page with the
 * reason and the status; anything else (permission, failure) goes to the admin error handler.
 */
export function formRefusal(error: unknown): { notice: Notice; status: number } {
  if (!isAppError(error) || (error.kind !== 'invalid' && error.kind !== 'conflict' && error.kind !== 'not-found')) throw error;
  return { notice: { kind: 'error', text: error.message }, status: statusOfKind[error.kind] };
}
