import { randomBytes, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyService } from '../../app/api-key-service.js';
import type { AuthService } from '../../app/auth-service.js';
import type { StoredSession } from '../../app/ports.js';
import type { Instant } from '../../domain/ids.js';
import type { User, UserId } from '../../domain/staff.js';

/** Who is making a back-office request: a signed-in member of staff, or an integration with an admin API key. */
export interface StaffIdentity {
  user: User;
  /** Null for API-key requests (they carry no cookie, so they need no CSRF token). */
  session: StoredSession | null;
  via: 'session' | 'api-key';
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffIdentity | null;
  }
  interface FastifyContextConfig {
    /** Back-office routes open before sign-in (sign-in, setup, password reset, API description). */
    anonymous?: boolean;
  }
}

export const SESSION_COOKIE = 'dateline_session';
/** Binds forms shown before sign-in (sign-in, setup, reset) to this browser. */
export const ANON_CSRF_COOKIE = 'dateline_csrf';
const SESSION_SECONDS = 30 * 86400;

const unsafe = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
export const isAdminUrl = (url: string) => url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?');
export const isAdminApiUrl = (url: string) => url.startsWith('/admin/api/');

/** Cookie options: HttpOnly, SameSite=Lax, Secure whenever the request came over TLS (behind a proxy too: trustProxy). */
export function cookieOptions(request: FastifyRequest, maxAge?: number) {
  return { path: '/admin', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https', ...(maxAge ? { maxAge } : {}) };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, SESSION_SECONDS));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

/** The CSRF token the page must embed: the session's, or for anonymous pages one bound to a cookie (set here if missing). */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  if (request.staff?.session) return request.staff.session.csrfToken;
  const existing = request.cookies[ANON_CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{20,100}$/.test(existing)) return existing;
  const fresh = randomBytes(24).toString('base64url');
  reply.setCookie(ANON_CSRF_COOKIE, fresh, cookieOptions(request));
  request.cookies[ANON_CSRF_COOKIE] = fresh;
  return fresh;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** An integration acting through an admin API key: editorial rights, named after the key in the audit log. */
function apiKeyUser(key: { id: string; name: string; createdAt: Instant }): User {
  return {
    id: `api-key:${key.id}` as UserId, email: '', name: `API key "${key.name}"`, role: 'editor', authorId: null,
    passwordHash: '', createdAt: key.createdAt, updatedAt: key.createdAt, disabledAt: null,
  };
}

/**
 * Installs, for everything under /admin (routes of other plugins too): cookie and form parsing,
 * who the caller is (session cookie, or `Authorization: Bearer` admin API key on /admin/api/),
 * and ONE check of the CSRF token on every state-changing request. The token comes in the
 * `_csrf` form field or the `X-CSRF-Token` header and must match the session's (or, before
 * sign-in, the browser's anonymous token). API-key requests carry no cookie and are exempt.
 */
export async function installAdminGuards(app: FastifyInstance, deps: { auth: AuthService; apiKeys: ApiKeyService }): Promise<void> {
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 });
  app.decorateRequest('staff', null);

  app.addHook('onRequest', async (request) => {
    if (!isAdminUrl(request.url)) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer && isAdminApiUrl(request.url)) {
      const key = await deps.apiKeys.verify(bearer, 'admin');
      request.staff = key ? { user: apiKeyUser(key), session: null, via: 'api-key' } : null;
      return;
    }
    const found = await deps.auth.authenticate(request.cookies[SESSION_COOKIE]);
    request.staff = found ? { ...found, via: 'session' } : null;
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!unsafe(request.method) || !isAdminUrl(request.url) || request.staff?.via === 'api-key') return;
    const body = request.body as Record<string, unknown> | null | undefined;
    const sent = request.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined);
    const expected = request.staff?.session?.csrfToken ?? request.cookies[ANON_CSRF_COOKIE];
    if (typeof sent === 'string' && expected && sameToken(sent, expected)) return;
    const message = 'This request was refused because it did not carry this session\'s security token (CSRF). If you submitted a form, reload the page and try again.';
    reply.code(403).header('cache-control', 'no-store');
    if (isAdminApiUrl(request.url) || request.headers['content-type']?.includes('json')) {
      return reply.send({ error: { code: 'CSRF_REJECTED', message } });
    }
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Request refused</title></head><body><main><h1>Request refused</h1><p>${message}</p><p><a href="/admin/">Back to the back office</a></p></main></body></html>`);
  });
}
