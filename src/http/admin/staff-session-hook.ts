import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { AuthService } from '../../app/auth-service.js';
import { AppError } from '../../domain/errors.js';
import './staff-request.js';

/** The session cookie's name; the cookie holds a random token whose hash keys the stored session. */
export const SESSION_COOKIE = 'dateline_session';
/** Header that carries the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates admin API requests by the session cookie and sets `request.staff`; a
 * state-changing request must also echo the session's CSRF token in the X-CSRF-Token header.
 * Requests without a valid session get `request.staff = null` (routes then answer 401).
 */
export function staffSessionHook(auth: AuthService): onRequestAsyncHookHandler {
  return async (request) => {
    request.staff = null;
    const found = await auth.authenticate(cookieValue(request, SESSION_COOKIE));
    if (!found) return;
    if (!safeMethods.has(request.method) && !sameToken(request.headers[CSRF_HEADER], found.session.csrfToken)) {
      throw new AppError('CSRF_TOKEN_INVALID', 'This request lacks the form token of your session. Reload the page and try again.');
    }
    request.staff = { user: found.user, session: found.session, via: 'session' };
  };
}

function cookieValue(request: FastifyRequest, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return undefined;
}

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  return typeof sent === 'string' && sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
