import { html, type SafeHtml } from '../html.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';

/** Labelled input with its error, if any, tied to it by aria-describedby. */
export function field(options: { name: string; label: string; type?: string; value?: string | null; autocomplete?: string; required?: boolean; hint?: string; error?: string | null; extra?: SafeHtml }): SafeHtml {
  const id = `f-${options.name}`;
  const describedBy = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${options.error ? ' has-error' : ''}">
  <label for="${id}">${options.label}</label>
  ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}
  ${options.error ? html`<p class="error" id="${id}-error">${options.error}</p>` : ''}
  <input id="${id}" name="${options.name}" type="${options.type ?? 'text'}" value="${options.value ?? ''}"${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.required ? html` required` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${options.extra ?? ''}>
</div>`;
}

function authPage(frame: AdminFrame, title: string, body: SafeHtml, notice: Notice | null = null): string {
  return adminLayout(frame, title, html`<section class="auth-box" aria-labelledby="page-title">
<h1 id="page-title">${title}</h1>
${body}
</section>`, { notice });
}

/** Creating the owner from the one-time setup link. */
export function renderSetupPage(frame: AdminFrame, token: string, values: { email?: string; name?: string }, notice: Notice | null): string {
  return authPage(frame, 'Set up your site', html`<p>Create the owner account. The owner can invite everyone else.</p>
<form method="post" action="/admin/setup">
  ${csrfField(frame)}
  <input type="hidden" name="token" value="${token}">
  ${field({ name: 'name', label: 'Your name', value: values.name, autocomplete: 'name', required: true })}
  ${field({ name: 'email', label: 'E-mail address', type: 'email', value: values.email, autocomplete: 'email', required: true })}
  ${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', required: true, hint: 'At least 12 characters. A few unrelated words make a good one.' })}
  <button type="submit" class="primary">Create the owner account</button>
</form>`, notice);
}

export function renderSignInPage(frame: AdminFrame, values: { email?: string; next?: string }, notice: Notice | null): string {
  return authPage(frame, 'Sign in', html`<form method="post" action="/admin/sign-in">
  ${csrfField(frame)}
  <input type="hidden" name="next" value="${values.next ?? '/admin/'}">
  ${field({ name: 'email', label: 'E-mail address', type: 'email', value: values.email, autocomplete: 'username', required: true })}
  ${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true })}
  <button type="submit" class="primary">Sign in</button>
</form>
<p><a href="/admin/forgot-password">Forgotten your password?</a></p>`, notice);
}

export function renderForgotPasswordPage(frame: AdminFrame, notice: Notice | null): string {
  return authPage(frame, 'Reset your password', html`<p>Enter the address of your account. If it has one, we will send a link to choose a new password; the link works once, for an hour.</p>
<form method="post" action="/admin/forgot-password">
  ${csrfField(frame)}
  ${field({ name: 'email', label: 'E-mail address', type: 'email', autocomplete: 'username', required: true })}
  <button type="submit" class="primary">Send the link</button>
</form>
<p><a href="/admin/sign-in">Back to sign in</a></p>`, notice);
}

export function renderResetPasswordPage(frame: AdminFrame, token: string, notice: Notice | null): string {
  return authPage(frame, 'Choose a new password', html`<form method="post" action="/admin/reset-password">
  ${csrfField(frame)}
  <input type="hidden" name="token" value="${token}">
  ${field({ name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', required: true, hint: 'At least 12 characters. Every session of your account ends when you save it.' })}
  <button type="submit" class="primary">Save the new password</button>
</form>`, notice);
}

/** A page that only says something (an expired link, a refused request), with a way on. */
export function renderMessagePage(frame: AdminFrame, title: string, message: string, link: { href: string; label: string }): string {
  return authPage(frame, title, html`<p>${message}</p><p><a href="${link.href}">${link.label}</a></p>`);
}
