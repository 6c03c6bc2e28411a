import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthService } from '../../src/app/auth-service.js';
import type { Mailer } from '../../src/app/staff-ports.js';
import { argon2PasswordHasher } from '../../src/auth/argon2-password-hasher.js';
import { isAppError } from '../../src/domain/errors.js';
import { createSmtpMailer } from '../../src/mail/smtp-mailer.js';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testId } from '../support/fixtures.js';
import { startSmtp } from '../support/smtp.js';

for (const { dialect } of testDatabases) {
  describe(`staff accounts and sign-in on ${dialect}`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let auth: AuthService;
    const password = 'correct horse battery staple';

    before(async () => {
      t = await createTestApp(dialect, { demo: false });
      smtp = await startSmtp();
      const mailer: Mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Dateline <no-reply@news.example>' });
      auth = new AuthService({ store: t.dateline.store, clock: t.clock, newId: testId, hasher: argon2PasswordHasher, mailer });
    });
    after(async () => {
      await t?.dispose();
      await smtp?.close();
    });

    it('sets up the owner once from the setup token', async () => {
      const token = (await auth.setupToken())!;
      assert.ok(token);
      await assert.rejects(auth.completeSetup('wrong', { email: 'owner@news.example', name: 'Olga Owner', password }), (e: unknown) => isAppError(e, 'TOKEN_INVALID'));
      const owner = await auth.completeSetup(token, { email: 'Owner@News.example', name: 'Olga Owner', password });
      assert.equal(owner.role, 'owner');
      assert.equal(owner.email, 'owner@news.example');
      assert.match(owner.passwordHash, /^\$argon2id\$/);
      assert.equal(await auth.setupToken(), null, 'no setup link once staff exist');
      await assert.rejects(auth.completeSetup(token, { email: 'x@news.example', name: 'X', password }), (e: unknown) => isAppError(e, 'SETUP_DONE'));
      const log = await t.dateline.store.audit.list({ offset: 0, limit: 10 });
      assert.ok(log.some((entry) => entry.action === 'site.setup' && entry.userId === owner.id));
    });

    it('enforces roles when creating staff and refuses weak passwords', async () => {
      const owner = (await t.dateline.store.users.getByEmail('owner@news.example'))!;
      const editor = await auth.createUser({ email: 'ed@news.example', name: 'Ed Itor', password, role: 'editor' }, { kind: 'user', user: owner });
      await assert.rejects(auth.createUser({ email: 'c@news.example', name: 'C', password, role: 'contributor' }, { kind: 'user', user: editor }), (e: unknown) => isAppError(e, 'NOT_ALLOWED'));
      await assert.rejects(auth.createUser({ email: 'short@news.example', name: 'S', password: 'short', role: 'author' }, { kind: 'cli' }), (e: unknown) => isAppError(e, 'INVALID_INPUT'));
      await assert.rejects(auth.createUser({ email: 'ED@news.example', name: 'Dup', password, role: 'author' }, { kind: 'cli' }), (e: unknown) => isAppError(e, 'SLUG_TAKEN'));
      assert.throws(() => auth.require(editor, 'settings.manage'), (e: unknown) => isAppError(e, 'NOT_ALLOWED'));
      auth.require(editor, 'article.publish');
    });

    it('signs in with a server-side session and signs out everywhere', async () => {
      const first = await auth.signIn({ email: 'ED@news.example', password, ip: '203.0.113.5', userAgent: 'test' });
      const second = await auth.signIn({ email: 'ed@news.example', password, ip: '203.0.113.6', userAgent: 'test' });
      assert.notEqual(first.token, second.token);
      assert.equal((await auth.authenticate(first.token))?.user.email, 'ed@news.example');
      assert.notEqual(first.session.tokenHash, first.token, 'only a hash of the token is stored');
      assert.equal(await auth.authenticate('forged-token'), null);
      await auth.signOut(first.token);
      assert.equal(await auth.authenticate(first.token), null);
      assert.ok(await auth.authenticate(second.token));
      assert.equal(await auth.signOutEverywhere(second.user), 1);
      assert.equal(await auth.authenticate(second.token), null);
    });

    it('throttles an account after repeated wrong passwords, without saying which part was wrong', async () => {
      const attempt = () => auth.signIn({ email: 'ed@news.example', password: 'not the password at all', ip: '198.51.100.7', userAgent: null });
      for (let i = 0; i < 4; i++) await assert.rejects(attempt(), (e: unknown) => isAppError(e, 'SIGN_IN_FAILED'));
      await assert.rejects(attempt(), (e: unknown) => isAppError(e, 'SIGN_IN_FAILED'), 'the fifth failure is still counted');
      await assert.rejects(auth.signIn({ email: 'ed@news.example', password, ip: '192.0.2.1', userAgent: null }), (e: unknown) => isAppError(e, 'SIGN_IN_THROTTLED'), 'even the right password waits');
      await assert.rejects(auth.signIn({ email: 'nobody@news.example', password, ip: '192.0.2.50', userAgent: null }), (e: unknown) => isAppError(e, 'SIGN_IN_FAILED'));
      t.clock.set(new Date(Date.parse(t.clock.now()) + 10 * 60_000).toISOString());
      assert.ok(await auth.signIn({ email: 'ed@news.example', password, ip: '192.0.2.1', userAgent: null }), 'the wait ends');
    });

    it('resets a password by an e-mailed, single-use, expiring link', async () => {
      await auth.requestPasswordReset('nobody@news.example', (token) => `https://news.example/admin/reset?token=${token}`);
      assert.equal(smtp.messages.length, 0, 'no mail for an unknown address');
      const session = await auth.signIn({ email: 'ed@news.example', password, ip: null, userAgent: null });
      await auth.requestPasswordReset('ed@news.example', (token) => `https://news.example/admin/reset?token=${token}`);
      assert.equal(smtp.messages.length, 1);
      const mail = smtp.messages[0]!.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      assert.match(mail, /To: ed@news\.example/);
      const token = /reset\?token=([A-Za-z0-9_-]+)/.exec(mail)![1]!;
      const newPassword = 'a brand new long passphrase';
      await auth.resetPassword(token, newPassword);
      await assert.rejects(auth.resetPassword(token, 'another long passphrase'), (e: unknown) => isAppError(e, 'TOKEN_INVALID'), 'single use');
      assert.equal(await auth.authenticate(session.token), null, 'old sessions end');
      await assert.rejects(auth.signIn({ email: 'ed@news.example', password, ip: null, userAgent: null }), (e: unknown) => isAppError(e, 'SIGN_IN_FAILED'));
      assert.ok(await auth.signIn({ email: 'ed@news.example', password: newPassword, ip: null, userAgent: null }));
      await auth.requestPasswordReset('ed@news.example', (tok) => `https://news.example/admin/reset?token=${tok}`);
      const expired = /reset\?token=([A-Za-z0-9_-]+)/.exec(smtp.messages[1]!.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1]!;
      t.clock.set(new Date(Date.parse(t.clock.now()) + 61 * 60_000).toISOString());
      await assert.rejects(auth.resetPassword(expired, 'yet another long passphrase'), (e: unknown) => isAppError(e, 'TOKEN_INVALID'), 'expired');
    });
  });
}
