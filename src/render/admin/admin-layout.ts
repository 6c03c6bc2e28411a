import { can, type Role } from '../../domain/staff.js';
import { html, type SafeHtml } from '../html.js';
import { managementLinks, type ManagementScreen } from './management-nav.js';

/** What every back-office page gets: the site's name, who is signed in, and the form token. */
export interface AdminFrame {
  siteName: string;
  /** Null on the sign-in, setup and reset screens. */
  user: { name: string; role: string; email: string } | null;
  /** The CSRF token every form posts back as `_csrf`. */
  csrf: string;
  assets: AdminAssets;
  /** Which navigation entry is the current page. */
  current?: 'dashboard' | 'articles' | 'new' | 'inbox' | ManagementScreen;
}

export interface AdminAssets {
  stylesheet: string;
  /** The editor bundle (TipTap); absent when the client assets were not built: the editor falls back to a text area. */
  editorScript: string | null;
}

/** A flash message shown at the top of the page (after a redirect). */
export interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/** The hidden field that carries the CSRF token in every form. */
export function csrfField(frame: Pick<AdminFrame, 'csrf'>): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${frame.csrf}">`;
}

function navLink(frame: AdminFrame, key: NonNullable<AdminFrame['current']>, href: string, label: string): SafeHtml {
  return html`<li><a href="${href}"${frame.current === key ? html` aria-current="page"` : ''}>${label}</a></li>`;
}

/** The back-office shell: skip link, banner with navigation and account actions, main, notices. */
export function adminLayout(frame: AdminFrame, title: string, main: SafeHtml, options: { notice?: Notice | null; scripts?: SafeHtml } = {}): string {
  const notice = options.notice;
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="csrf-token" content="${frame.csrf}">
${frame.user && can(frame.user.role as Role, 'media.upload') ? html`<meta name="media-library" content="on">` : ''}
<title>${title} — ${frame.siteName} back office</title>
<link rel="stylesheet" href="${frame.assets.stylesheet}">
</head>
<body class="admin">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="admin-header">
  <a class="admin-site" href="/admin/">${frame.siteName}</a>
  ${frame.user ? html`<nav aria-label="Back office">
    <ul>
      ${navLink(frame, 'dashboard', '/admin/', 'Dashboard')}
      ${navLink(frame, 'articles', '/admin/articles/', 'Articles')}
      ${navLink(frame, 'new', '/admin/articles/new', 'New article')}
      ${navLink(frame, 'inbox', '/admin/inbox/', 'Inbox')}
      ${/* The server refuses what a role cannot do; the navigation merely leaves it out. */ ''}${managementLinks.filter((l) => l.capability === null || can(frame.user!.role as Role, l.capability)).map((l) => navLink(frame, l.key, l.href, l.label))}
      <li><a href="/">View site</a></li>
    </ul>
  </nav>
  <div class="admin-account">
    <span>${frame.user.name} <span class="role">(${frame.user.role})</span></span>
    <form method="post" action="/admin/sign-out">${csrfField(frame)}<button type="submit">Sign out</button></form>
    <form method="post" action="/admin/sign-out-everywhere">${csrfField(frame)}<button type="submit">Sign out everywhere</button></form>
  </div>` : ''}
</header>
<main id="main" tabindex="-1">
${notice ? html`<div class="notice notice-${notice.kind}" role="${notice.kind === 'error' ? 'alert' : 'status'}">${notice.text}</div>` : ''}
${main}
</main>
${options.scripts ?? ''}
</body>
</html>`}\n`;
}
