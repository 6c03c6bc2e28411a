import type { ArchiveSubject, ArticleView, ListingView, PageData, SiteFrame } from '../app/public-site.js';
import type { Author } from '../domain/author.js';
import { formatDate } from './dates.js';
import { html, type SafeHtml } from './html.js';
import { layout, type LayoutAssets } from './layout.js';
import { absoluteUrl, articlePath, paths, withPage } from './paths.js';

/** One article in a list: title, byline, date, source badge, excerpt. */
function card(view: ArticleView, frame: SiteFrame): SafeHtml {
  const { article, authors } = view;
  const when = article.publishedAt ?? article.createdAt;
  const publisher = article.syndication?.originalPublisher ?? view.source?.name;
  return html`<li class="card">
  <h2><a href="${articlePath(article)}">${article.title}</a></h2>
  <p class="meta">${publisher ? html`<span class="badge">via ${publisher}</span>` : ''}${authors.length ? html`By ${authors.map((a, i) => html`${i ? ', ' : ''}<a href="${paths.author(a)}">${a.name}</a>`)} · ` : ''}<time datetime="${when}">${formatDate(when, frame.settings.language, frame.settings.timeZone)}</time></p>
  ${article.excerpt ? html`<p class="excerpt">${article.excerpt}</p>` : ''}
</li>`;
}

function pagination(basePath: string, listing: ListingView): SafeHtml {
  const { page, pageCount } = listing.page;
  if (pageCount <= 1) return html``;
  return html`<nav class="pagination" aria-label="Pages">
  ${page > 1 ? html`<a href="${withPage(basePath, page - 1)}" rel="prev">← Newer</a>` : html`<span aria-disabled="true">← Newer</span>`}
  <span>Page ${page} of ${pageCount}</span>
  ${page < pageCount ? html`<a href="${withPage(basePath, page + 1)}" rel="next">Older →</a>` : html`<span aria-disabled="true">Older →</span>`}
</nav>`;
}

interface ListingHeading {
  title: string;
  intro: string | null;
  /** An author's portrait, shown beside the title. */
  portrait?: { src: string; alt: string } | null;
  basePath: string;
  breadcrumbs?: { name: string; path: string }[];
  related?: { heading: string; links: { name: string; path: string }[] };
  /** The archive listed, whose own feeds the head advertises. */
  archive?: ArchiveSubject;
}

function renderListing(frame: SiteFrame, assets: LayoutAssets, heading: ListingHeading, listing: ListingView): string {
  const { settings } = frame;
  const { page, pageCount } = listing.page;
  const main = html`<div class="listing${heading.related ? ' with-aside' : ''}">
  <section aria-labelledby="listing-title">
    ${heading.breadcrumbs ? html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${heading.breadcrumbs.map((b) => html`<li><a href="${b.path}">${b.name}</a></li>`)}</ol></nav>` : ''}
    <h1 id="listing-title">${heading.title}${page > 1 ? html` <small>(page ${page})</small>` : ''}</h1>
    ${heading.portrait ? html`<img class="listing-portrait" src="${heading.portrait.src}" alt="${heading.portrait.alt}" width="128" height="128">` : ''}
    ${heading.intro ? html`<p class="listing-intro">${heading.intro}</p>` : ''}
    ${listing.items.length ? html`<ol class="cards">${listing.items.map((v) => card(v, frame))}</ol>` : html`<p>Nothing has been published here yet.</p>`}
    ${pagination(heading.basePath, listing)}
  </section>
  ${heading.related ? html`<aside class="aside"><section><h2>${heading.related.heading}</h2><ul>${heading.related.links.map((l) => html`<li><a href="${l.path}">${l.name}</a></li>`)}</ul></section></aside>` : ''}
</div>`;
  const url = (p: number) => absoluteUrl(settings.url, withPage(heading.basePath, p));
  return layout(frame, assets, {
    title: page > 1 ? `${heading.title} (page ${page})` : heading.title,
    description: heading.intro ?? settings.description,
    canonicalUrl: url(page),
    robots: 'index, follow',
    prevUrl: page > 1 ? url(page - 1) : null,
    nextUrl: page < pageCount ? url(page + 1) : null,
    openGraph: { 'og:type': 'website', 'og:site_name': settings.name, 'og:title': heading.title, 'og:url': url(page) },
    feedArchive: heading.archive ?? null,
  }, main);
}

/** The home page: latest articles. */
export function renderHomePage(data: PageData<ListingView>, assets: LayoutAssets): string {
  const { settings } = data.frame;
  return renderListing(data.frame, assets, { title: settings.name, intro: settings.description, basePath: paths.home }, data.content);
}

/** An archive of a term, author or source. */
export function renderArchivePage(data: PageData<{ subject: ArchiveSubject; listing: ListingView }>, assets: LayoutAssets): string {
  const { subject, listing } = data.content;
  return renderListing(data.frame, assets, { ...headingOf(subject), archive: subject }, listing);
}

function headingOf(subject: ArchiveSubject): ListingHeading {
  switch (subject.kind) {
    case 'term':
      return {
        title: subject.term.name,
        intro: subject.term.description,
        basePath: paths.term(subject.taxonomy, subject.term),
        breadcrumbs: [
          { name: subject.taxonomy.pluralName, path: paths.taxonomyIndex(subject.taxonomy) },
          ...subject.trail.slice(0, -1).map((t) => ({ name: t.name, path: paths.term(subject.taxonomy, t) })),
        ],
        ...(subject.children.length
          ? { related: { heading: `Within ${subject.term.name}`, links: subject.children.map((t) => ({ name: t.name, path: paths.term(subject.taxonomy, t) })) } }
          : {}),
      };
    case 'author':
      return {
        title: `Articles by ${subject.author.name}`,
        intro: subject.author.bio,
        portrait: subject.author.avatarUrl ? { src: subject.author.avatarUrl, alt: `Portrait of ${subject.author.name}` } : null,
        basePath: paths.author(subject.author),
        breadcrumbs: [{ name: 'Authors', path: paths.authorIndex }],
        ...authorLinks(subject.author),
      };
    case 'source':
      return {
        title: `Articles from ${subject.source.name}`,
        intro: subject.source.defaultLicence,
        basePath: paths.source(subject.source),
        breadcrumbs: [{ name: 'Sources', path: paths.sourceIndex }],
        ...(subject.source.url ? { related: { heading: 'Publisher', links: [{ name: subject.source.name, path: subject.source.url }] } } : {}),
      };
  }
}

/** An author's website and profile links, as the archive's aside. */
function authorLinks(author: Author): Pick<ListingHeading, 'related'> {
  const links = [...(author.url ? [{ name: 'Website', path: author.url }] : []), ...author.links.map((l) => ({ name: l.label, path: l.url }))];
  return links.length ? { related: { heading: `${author.name} elsewhere`, links } } : {};
}
