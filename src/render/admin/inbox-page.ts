import type { Article } from '../../domain/article.js';
import { html, type SafeHtml } from '../html.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';

/** What intelligence adds to an inbox row. */
export interface InboxHints {
  /** Other sources that sent the same story. */
  alsoFrom: { articleId: string; source: string }[];
  region: string | null;
  theme: string | null;
  /** False while the item waits in the analysis queue: its suggestions come shortly. */
  analysed?: boolean;
}

export interface InboxView {
  items: Article[];
  /** By article id; a row without hints shows none. */
  hints?: Record<string, InboxHints>;
  total: number;
  rejected: boolean;
  page: number;
  pageCount: number;
  canPublish: boolean;
}

const MAX_ALSO_FROM = 3;

function hintsOf(hints: InboxHints | undefined): SafeHtml | '' {
  if (!hints) return '';
  const suggested = [hints.region, hints.theme].filter((name): name is string => name !== null);
  // A story every agency sent would fill the row: name a few, count the rest.
  const named = hints.alsoFrom.slice(0, MAX_ALSO_FROM);
  const more = hints.alsoFrom.length - named.length;
  return html`${named.length ? html`<br><span class="also-from">also from ${named.map((d, i) => html`${i ? ', ' : ''}<a href="/admin/articles/${d.articleId}/edit">${d.source}</a>`)}${more ? ` and ${more} more` : ''}</span>` : ''}${suggested.length ? html`<br><span class="suggested">Suggested: ${suggested.join(' · ')}</span>` : ''}${hints.analysed === false ? html`<br><span class="suggested">Suggestions after analysis (queued)</span>` : ''}`;
}

/** Ingested items waiting for an editor: source, date and licence; open, publish or reject. */
export function renderInboxPage(frame: AdminFrame, view: InboxView, notice: Notice | null = null): string {
  const title = view.rejected ? 'Inbox: rejected items' : 'Inbox';
  return adminLayout({ ...frame, current: 'inbox' }, title, html`<h1>${title}</h1>
<p>${view.rejected ? html`<a href="/admin/inbox/">Show waiting items</a>` : html`<a href="/admin/inbox/?rejected=1">Show rejected items</a>`}</p>
<p>${view.total} item${view.total === 1 ? '' : 's'}.</p>
${view.items.length ? html`<table class="inbox">
<caption>${view.rejected ? 'Items turned down; their feeds will not bring them back' : 'Ingested items waiting for an editor, newest first'}</caption>
<thead><tr><th scope="col">Title</th><th scope="col">Source</th><th scope="col">Date</th><th scope="col">Licence</th>${view.rejected ? '' : html`<th scope="col">Decision</th>`}</tr></thead>
<tbody>
${view.items.map((a) => html`<tr>
  <td><a href="/admin/articles/${a.id}/edit">${a.title}</a>${hintsOf(view.hints?.[a.id])}</td>
  <td>${a.syndication?.originalPublisher ?? 'Unknown source'}</td>
  <td>${(a.syndication?.originalPublishedAt ?? a.publishedAt ?? a.createdAt).slice(0, 10)}</td>
  <td>${a.syndication?.licence ?? '—'}</td>
  ${view.rejected ? '' : html`<td class="decide">
    ${view.canPublish ? html`<form method="post" action="/admin/inbox/${a.id}/publish">${csrfField(frame)}<button type="submit" aria-label="Publish “${a.title}”">Publish</button></form>` : ''}
    <form method="post" action="/admin/inbox/${a.id}/reject">${csrfField(frame)}<button type="submit" aria-label="Reject “${a.title}”">Reject</button></form>
  </td>`}
</tr>`)}
</tbody>
</table>` : html`<p>Nothing here.</p>`}`, { notice });
}
