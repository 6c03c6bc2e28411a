import type { Author } from '../../domain/author.js';
import { mayAssignRole, roles, type Role, type User } from '../../domain/staff.js';
import { html } from '../html.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';
import { field } from './auth-pages.js';
import { selectField } from './form-controls.js';

const roleLabels: Record<Role, string> = {
  owner: 'Owner — everything, including other owners',
  administrator: 'Administrator — everything but owners',
  editor: 'Editor — everything editorial',
  author: 'Author — own articles, submits for review',
  contributor: 'Contributor — drafts only',
};

const roleChoices = (actor: Role, current?: Role) => roles
  .filter((r) => r === current || mayAssignRole(actor, r))
  .map((r) => ({ value: r, label: roleLabels[r] }));

/** Every account with its role and state; the invitation form below. */
export function renderStaffListPage(frame: AdminFrame, view: { staff: readonly User[]; actor: User; authors: readonly Author[] }, notice: Notice | null): string {
  const bylines = new Map(view.authors.map((a) => [a.id as string, a.name]));
  return adminLayout({ ...frame, current: 'staff' }, 'Staff', html`<h1>Staff</h1>
<table class="staff">
<caption>Accounts that sign in to the back office, oldest first</caption>
<thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Writes as</th><th scope="col">State</th></tr></thead>
<tbody>
${view.staff.map((u) => html`<tr${u.disabledAt ? html` class="disabled"` : ''}>
  <td><a href="/admin/staff/${u.id}/edit">${u.name}</a>${u.id === view.actor.id ? ' (you)' : ''}</td>
  <td>${u.email}</td>
  <td>${u.role}</td>
  <td>${u.authorId ? bylines.get(u.authorId) ?? '—' : '—'}</td>
  <td>${u.disabledAt ? html`Deactivated <time datetime="${u.disabledAt}">${u.disabledAt.slice(0, 10)}</time>` : 'Active'}</td>
</tr>`)}
</tbody>
</table>
<section aria-labelledby="invite-title">
<h2 id="invite-title">Invite a member of staff</h2>
<p>They get an e-mail with a link to choose their password (valid 72 hours).</p>
<form method="post" action="/admin/staff/" class="management-form">
  ${csrfField(frame)}
  ${field({ name: 'name', label: 'Name', autocomplete: 'off', required: true })}
  ${field({ name: 'email', label: 'E-mail address', type: 'email', autocomplete: 'off', required: true })}
  ${selectField({ name: 'role', label: 'Role', value: 'author', choices: roleChoices(view.actor.role) })}
  <div class="actions"><button type="submit" class="primary">Send the invitation</button></div>
</form>
</section>`, { notice });
}

/** After an invitation: mailed, or the link to pass on when mail could not be sent. */
export function renderInvitedPage(frame: AdminFrame, invited: { user: User; link: string; mailed: boolean; mailProblem: string | null }): string {
  return adminLayout({ ...frame, current: 'staff' }, 'Invitation', html`<h1>Invitation for ${invited.user.name}</h1>
${invited.mailed
    ? html`<p role="status">An invitation was mailed to ${invited.user.email}. The link in it is valid for 72 hours and works once.</p>`
    : html`<div class="notice notice-error" role="alert">${invited.mailProblem ?? 'The invitation could not be mailed.'}</div>
<p>The account exists. Pass this link to ${invited.user.name} yourself, privately; it lets them choose a password, works once and is valid for 72 hours:</p>
<p><input aria-label="Set-password link" class="copy-link" readonly value="${invited.link}"></p>`}
<p><a href="/admin/staff/">Back to staff</a></p>`);
}

/** Changing one account: role, byline, deactivation. */
export function renderStaffEditPage(frame: AdminFrame, view: { user: User; actor: User; authors: readonly Author[]; mayManage: boolean }, notice: Notice | null): string {
  const { user } = view;
  return adminLayout({ ...frame, current: 'staff' }, user.name, html`<h1>${user.name}</h1>
<p><a href="/admin/staff/">All staff</a></p>
<p>${user.email} · ${user.disabledAt ? 'deactivated' : 'active'} · account since <time datetime="${user.createdAt}">${user.createdAt.slice(0, 10)}</time></p>
${view.mayManage ? html`<form method="post" action="/admin/staff/${user.id}" class="management-form">
  ${csrfField(frame)}
  ${selectField({ name: 'role', label: 'Role', value: user.role, choices: roleChoices(view.actor.role, user.role), hint: 'Role changes are written to the audit log. The site always keeps one active owner.' })}
  ${selectField({ name: 'authorId', label: 'Writes as (byline)', value: user.authorId ?? '', choices: [{ value: '', label: 'No byline' }, ...view.authors.map((a) => ({ value: a.id, label: a.name }))] })}
  <div class="actions"><button type="submit" class="primary">Save</button></div>
</form>
${user.id === view.actor.id ? '' : html`<form method="post" action="/admin/staff/${user.id}/${user.disabledAt ? 'reactivate' : 'deactivate'}" class="management-form">
  ${csrfField(frame)}
  <p class="hint">${user.disabledAt ? 'Lets this account sign in again.' : 'Deactivating ends every session of this account at once; it can no longer sign in. Its articles stay.'}</p>
  <button type="submit"${user.disabledAt ? '' : html` class="danger"`}>${user.disabledAt ? 'Reactivate' : 'Deactivate'} ${user.name}</button>
</form>`}` : html`<p>Your role cannot change this account.</p>`}`, { notice });
}
