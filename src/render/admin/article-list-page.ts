import { articleStatuses, type Article } from '../../domain/article.js';
import type { Author } from '../../domain/author.js';
import { html, type SafeHtml } from '../html.js';
import { adminLayout, type AdminFrame, type Notice } from './admin-layout.js';

export interface ArticleRow {
  article: Article;
  authorNames: string[];
}

export interface ArticleListView {
  rows: ArticleRow[];
  total: number;
  page: number;
  pageCount: number;
  filter: { status: string; author: string; q: string };
  authors: Author[];
}

export const statusLabels: Record<string, string> = { draft: 'Draft', review: 'In review', scheduled: 'Scheduled', published: 'Published', archived: 'Archived' };

const when = (instant: string | null) => (instant ? html`<time datetime="${instant}">${instant.slice(0, 16).replace('T', ' ')}</time>` : '—');

/** The table of articles, shared by the dashboard and the list screen. */
export function articleTable(rows: ArticleRow[], caption: string): SafeHtml {
  if (!rows.length) return html`<p>No articles match.</p>`;
  return html`<table class="articles">
<caption>${caption}</caption>
<thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Authors</th><th scope="col">Updated</th><th scope="col">Published</th></tr></thead>
<tbody>
${rows.map(({ article, authorNames }) => html`<tr>
  <td><a href="/admin/articles/${article.id}/edit">${article.title}</a></td>
  <td><span class="status status-${article.status}">${statusLabels[article.status] ?? article.status}</span></td>
  <td>${authorNames.join(', ') || '—'}</td>
  <td>${when(article.updatedAt)}</td>
  <td>${when(article.publishedAt)}</td>
</tr>`)}
</tbody>
</table>`;
}

/** Articles, filtered by status and author and searched by title. */
export function renderArticleListPage(frame: AdminFrame, view: ArticleListView, notice: Notice | null = null): string {
  const { filter } = view;
  const query = (page: number) => `?${new URLSearchParams({ ...filter, page: String(page) }).toString()}`;
  return adminLayout({ ...frame, current: 'articles' }, 'Articles', html`<h1>Articles</h1>
<form method="get" action="/admin/articles/" class="filters" role="search" aria-label="Filter articles">
  <div class="field"><label for="filter-q">Title contains</label><input id="filter-q" name="q" type="search" value="${filter.q}"></div>
  <div class="field"><label for="filter-status">Status</label><select id="filter-status" name="status">
    <option value="">Any status</option>
    ${articleStatuses.map((s) => html`<option value="${s}"${filter.status === s ? html` selected` : ''}>${statusLabels[s]}</option>`)}
  </select></div>
  <div class="field"><label for="filter-author">Author</label><select id="filter-author" name="author">
    <option value="">Any author</option>
    ${view.authors.map((a) => html`<option value="${a.id}"${filter.author === a.id ? html` selected` : ''}>${a.name}</option>`)}
  </select></div>
  <button type="submit">Filter</button>
</form>
<p>${view.total} article${view.total === 1 ? '' : 's'}.</p>
${articleTable(view.rows, 'Articles, most recently updated first')}
${view.pageCount > 1 ? html`<nav aria-label="Pages" class="pager">
  ${view.page > 1 ? html`<a href="${query(view.page - 1)}" rel="prev">Newer</a>` : ''}
  <span>Page ${view.page} of ${view.pageCount}</span>
  ${view.page < view.pageCount ? html`<a href="${query(view.page + 1)}" rel="next">Older</a>` : ''}
</nav>` : ''}`, { notice });
}

/** The start page: what waits for the user, and recent work. */
export function renderDashboardPage(frame: AdminFrame, view: { inReview: ArticleRow[]; recent: ArticleRow[]; inboxCount: number; canReview: boolean }, notice: Notice | null = null): string {
  return adminLayout({ ...frame, current: 'dashboard' }, 'Dashboard', html`<h1>Dashboard</h1>
<p><a class="button primary" href="/admin/articles/new">Write a new article</a></p>
${view.canReview ? html`<section aria-labelledby="review-title"><h2 id="review-title">Waiting for review</h2>${articleTable(view.inReview, 'Articles submitted for review')}</section>
<section aria-labelledby="inbox-title"><h2 id="inbox-title">Inbox</h2><p><a href="/admin/inbox/">${view.inboxCount} ingested item${view.inboxCount === 1 ? '' : 's'} waiting</a></p></section>` : ''}
<section aria-labelledby="recent-title"><h2 id="recent-title">Recently updated</h2>${articleTable(view.recent, 'Recently updated articles')}</section>`, { notice });
}
