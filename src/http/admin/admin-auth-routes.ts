import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../domain/errors.js';
import { renderForgotPasswordPage, renderMessagePage, renderResetPasswordPage, renderSetupPage, renderSignInPage } from '../../render/admin/auth-pages.js';
import { statusOfKind } from '../error-status.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './admin-guards.js';
import { adminFrame, noticeFrom, sendAdminPage, staffOf, type AdminDeps } from './admin-context.js';

const anonymous = { config: { anonymous: true } };
const text = z.string().max(2000).default('');
const setupForm = z.object({ token: text, name: text, email: text, password: text });
const signInForm = z.object({ email: text, password: text, next: text });
const tokenForm = z.object({ token: text, password: text });

/** Only back-office paths are followed after sign-in, so the sign-in form cannot be used to send people elsewhere. */
function safeNext(next: string): string {
  return /^\/admin\/(?!\/)[^\s\\]*$/.test(next) ? next : '/admin/';
}

const clientAddress = (request: FastifyRequest) => request.ip || null;

/** Setup, sign-in, sign-out (here and everywhere) and password reset screens. */
export async function adminAuthRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { auth } = deps;

  app.get<{ Querystring: { token?: string } }>('/setup', anonymous, async (request, reply) => {
    const frame = await adminFrame(deps, request, reply);
    if (await auth.isSetUp()) return sendAdminPage(reply, renderMessagePage(frame, 'This site is set up', 'The owner account exists already. Sign in instead.', { href: '/admin/sign-in', label: 'Sign in' }), 410);
    return sendAdminPage(reply, renderSetupPage(frame, String(request.query.token ?? ''), {}, null));
  });

  app.post('/setup', anonymous, async (request, reply) => {
    const form = setupForm.parse(request.body ?? {});
    try {
      await auth.completeSetup(form.token, form);
      const signedIn = await auth.signIn({ email: form.email, password: form.password, ip: clientAddress(request), userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(request, reply, signedIn.token);
      return reply.redirect('/admin/?notice=welcome', 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const frame = await adminFrame(deps, request, reply);
      return sendAdminPage(reply, renderSetupPage(frame, form.token, form, { kind: 'error', text: error.message }), statusOfKind[error.kind]);
    }
  });

  app.get<{ Querystring: { next?: string } }>('/sign-in', anonymous, async (request, reply) => {
    if (request.staff) return reply.redirect(safeNext(String(request.query.next ?? '')), 303);
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderSignInPage(frame, { next: safeNext(String(request.query.next ?? '')) }, noticeFrom(request)));
  });

  app.post('/sign-in', anonymous, async (request, reply) => {
    const form = signInForm.parse(request.body ?? {});
    try {
      const signedIn = await auth.signIn({ email: form.email, password: form.password, ip: clientAddress(request), userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(request, reply, signedIn.token);
      return reply.redirect(safeNext(form.next), 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const frame = await adminFrame(deps, request, reply);
      const retry = error.details?.retryAfterSeconds;
      if (typeof retry === 'number') reply.header('retry-after', String(retry));
      return sendAdminPage(reply, renderSignInPage(frame, { email: form.email, next: safeNext(form.next) }, { kind: 'error', text: error.message }), statusOfKind[error.kind]);
    }
  });

  app.post('/sign-out', anonymous, async (request, reply) => {
    await auth.signOut(request.cookies[SESSION_COOKIE]);
    clearSessionCookie(request, reply);
    return reply.redirect('/admin/sign-in?notice=signed-out', 303);
  });

  app.post('/sign-out-everywhere', async (request, reply) => {
    await auth.signOutEverywhere(staffOf(request));
    clearSessionCookie(request, reply);
    return reply.redirect('/admin/sign-in?notice=signed-out-everywhere', 303);
  });

  app.get('/forgot-password', anonymous, async (request, reply) => {
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderForgotPasswordPage(frame, noticeFrom(request)));
  });

  app.post('/forgot-password', anonymous, async (request, reply) => {
    const email = z.object({ email: text }).parse(request.body ?? {}).email;
    const base = (await deps.settings.get()).url.replace(/\/$/, '');
    await auth.requestPasswordReset(email, (token) => `${base}/admin/reset-password?token=${encodeURIComponent(token)}`);
    return reply.redirect('/admin/forgot-password?notice=reset-sent', 303);
  });

  app.get<{ Querystring: { token?: string } }>('/reset-password', anonymous, async (request, reply) => {
    const frame = await adminFrame(deps, request, reply);
    return sendAdminPage(reply, renderResetPasswordPage(frame, String(request.query.token ?? ''), null));
  });

  app.post('/reset-password', anonymous, async (request, reply) => {
    const form = tokenForm.parse(request.body ?? {});
    try {
      await auth.resetPassword(form.token, form.password);
      clearSessionCookie(request, reply);
      return reply.redirect('/admin/sign-in?notice=password-changed', 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const frame = await adminFrame(deps, request, reply);
      return sendAdminPage(reply, renderResetPasswordPage(frame, form.token, { kind: 'error', text: error.message }), statusOfKind[error.kind]);
    }
  });
}
