import type { Role } from '../../src/domain/staff.js';
import { SESSION_COOKIE } from '../../src/http/admin/admin-guards.js';

/** The header that carries a session's CSRF token on state-changing Admin API requests. */
export const CSRF_HEADER = 'x-csrf-token';
export { SESSION_COOKIE };
import type { TestApp } from './app.js';

const password = 'correct horse battery staple';

/** Real accounts signed in through the auth service, one per role; `headers(role)` are what the back office sends. */
export async function signInStaff(t: TestApp, roles: readonly Role[]): Promise<{ headers(role: Role, extra?: Record<string, string>): Record<string, string>; cookie(role: Role): string; csrf(role: Role): string }> {
  const auth = t.dateline.services.auth;
  const sessions = new Map<Role, { cookie: string; csrf: string }>();
  for (const role of roles) {
    const email = `${role}-${Math.random().toString(36).slice(2, 8)}@news.example`;
    await auth.createUser({ email, name: `An ${role}`, password, role }, { kind: 'cli' });
    const signedIn = await auth.signIn({ email, password, ip: '127.0.0.1', userAgent: 'test' });
    sessions.set(role, { cookie: `${SESSION_COOKIE}=${signedIn.token}`, csrf: signedIn.session.csrfToken });
  }
  const session = (role: Role) => {
    const found = sessions.get(role);
    if (!found) throw new Error(`No ${role} was signed in for this test.`);
    return found;
  };
  return {
    headers: (role, extra = {}) => ({ cookie: session(role).cookie, [CSRF_HEADER]: session(role).csrf, ...extra }),
    cookie: (role) => session(role).cookie,
    csrf: (role) => session(role).csrf,
  };
}
