import type { ArticleView, PageData } from '../app/public-site.js';
import type { FeatureImage } from '../domain/article.js';
import { joinNames } from '../domain/author.js';
import type { MediaItem } from '../domain/media.js';
import { fillPlaceholders, type PlaceholderValues } from '../domain/site-settings.js';
import { copyrightLineOf, decideIndexing } from '../domain/syndication.js';
import { formatDate } from './dates.js';
import { html, trusted, type SafeHtml } from './html.js';
import { newsArticleJsonLd } from './json-ld.js';
import { layout, type LayoutAssets } from './layout.js';
import { articleColumnSizes, renderPicture, upgradeLibraryImages } from './media-picture.js';
import { callUrl } from './notice-links.js';
import { absoluteUrl, articlePath, paths } from './paths.js';

export interface RenderedPage {
  html: string;
  /** Extra response headers the page asks for (X-Robots-Tag for noindex copies). */
  headers: Record<string, string>;
}

/** The article page with its full attribution block and the site's standing notices. */
export function renderArticlePage(data: PageData<ArticleView>, assets: LayoutAssets, sanitize: (html: string) => string): RenderedPage {
  const { settings } = data.frame;
  const view = data.content;
  const { article, authors, source } = view;
  const syndication = article.syndication;
  const ownUrl = absoluteUrl(settings.url, articlePath(article));
  const indexing = decideIndexing(ownUrl, syndication);
  const publishedAt = article.publishedAt ?? article.createdAt;
  const date = (instant: string) => formatDate(instant, article.language || settings.language, settings.timeZone);
  const originalPublisher = syndication?.originalPublisher ?? source?.name ?? null;
  const year = Number(publishedAt.slice(0, 4));
  const values: PlaceholderValues = {
    site: settings.name,
    source: originalPublisher ?? settings.name,
    // {url} is this article on this site: the permission notices ask for a link to it.
    url: ownUrl,
    author: joinNames(authors.map((a) => a.name)),
    title: article.title,
    email: settings.contactEmail ?? '',
    year: String(year),
  };
  const notice = (template: string) => fillPlaceholders(template, values);
  const authorLinks = (names: typeof authors) => names.map((a, i) => html`${i === 0 ? '' : i === names.length - 1 ? ' and ' : ', '}<a href="${paths.author(a)}" rel="author">${a.name}</a>`);
  const sourceName = (name: string) => (source ? html`<a href="${paths.source(source)}">${name}</a>` : html`${name}`);
  const commentUrl = callUrl(settings.commentUrl, settings, { url: ownUrl, title: article.title }, `Comment: ${article.title}`);
  const membershipUrl = callUrl(settings.membershipUrl, settings, { url: ownUrl, title: article.title }, `Membership of ${settings.name}`);
  const mediaInquiries = notice(settings.notices.mediaInquiries);

  const main: SafeHtml = html`<article class="article" lang="${article.language}">
  <header class="article-header">
    <h1 data-part="title">${article.title}</h1>
    ${article.standfirst ? html`<p class="standfirst">${article.standfirst}</p>` : ''}
    ${authors.length > 0 ? html`<p class="meta" data-part="byline">By ${authorLinks(authors)}</p>` : ''}
    <p class="meta" data-part="date"><time datetime="${publishedAt}">${date(publishedAt)}</time>${wasRevised(article) ? html` · updated <time datetime="${article.updatedAt}">${date(article.updatedAt)}</time>` : ''}</p>
    ${originalPublisher ? html`<p class="meta" data-part="original-line">First published by ${sourceName(originalPublisher)}${syndication?.originalPublishedAt ? html` on <time datetime="${syndication.originalPublishedAt}">${date(syndication.originalPublishedAt)}</time>` : ''}${syndication?.originalAuthor ? html`, by ${syndication.originalAuthor}` : ''}</p>` : ''}
    <dl class="terms">
      ${view.taxonomies.filter((t) => t.terms.length > 0).map(({ taxonomy, terms }) => html`<div data-part="taxonomy-${taxonomy.slug}"><dt>${taxonomy.name}:</dt><dd>${terms.map((term, i) => html`${i > 0 ? ', ' : ''}<a href="${paths.term(taxonomy, term)}" rel="tag">${term.name}</a>`)}</dd></div>`)}
    </dl>
  </header>
  ${article.featureImage ? featureFigure(article.featureImage, view.featureMedia ?? null) : ''}
  <div class="article-body" data-part="body">${trusted(upgradeLibraryImages(sanitize(article.bodyHtml), view.bodyMedia ?? [], articleColumnSizes))}</div>
  <footer class="attribution">
    ${originalPublisher ? html`<p data-part="original-source">The original source of this article is ${syndication?.originalUrl ? html`<a href="${syndication.originalUrl}" rel="nofollow noopener">${originalPublisher}</a>` : sourceName(originalPublisher)}.</p>` : ''}
    <p data-part="copyright">${copyrightLineOf(syndication, settings.name, year)}</p>
    ${syndication?.licence ? html`<p data-part="licence">${syndication.licence}</p>` : ''}
    <div class="calls">
      ${commentUrl ? html`<a href="${commentUrl}" data-part="comment">${notice(settings.notices.commentCall)}</a>` : ''}
      ${membershipUrl ? html`<a href="${membershipUrl}" data-part="membership">${notice(settings.notices.membershipCall)}</a>` : ''}
    </div>
    ${authors.length > 0 ? html`<p data-part="articles-by">Articles by: ${authorLinks(authors)}</p>` : ''}
  </footer>
  <aside class="notices" aria-label="Notices">
    <p data-part="disclaimer">${notice(settings.notices.disclaimer)}</p>
    <p data-part="cross-posting">${notice(settings.notices.crossPosting)}</p>
    <p data-part="fair-use">${notice(settings.notices.fairUse)}</p>
    <p data-part="media-inquiries">${linkEmails(mediaInquiries)}</p>
  </aside>
</article>`;

  const description = article.excerpt ?? article.standfirst ?? settings.description;
  const page = layout(data.frame, assets, {
    title: article.title,
    description,
    language: article.language,
    canonicalUrl: indexing.canonicalUrl,
    robots: indexing.robots,
    openGraph: {
      'og:type': 'article',
      'og:site_name': settings.name,
      'og:title': article.title,
      'og:description': description,
      'og:url': ownUrl,
      'og:image': article.featureImage ? absoluteUrl(settings.url, article.featureImage.url) : null,
      'og:locale': article.language,
      'article:published_time': publishedAt,
      'article:modified_time': article.updatedAt,
    },
    jsonLd: newsArticleJsonLd(view, settings, ownUrl),
  }, main);
  return { html: page, headers: indexing.robots.startsWith('noindex') ? { 'x-robots-tag': 'noindex' } : {} };
}

/** Escapes text and turns e-mail addresses in it into mailto links. */
function linkEmails(text: string): SafeHtml[] {
  const parts = text.split(/([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/);
  return parts.map((part, i) => (i % 2 === 1 ? html`<a href="mailto:${part}">${part}</a>` : html`${part}`));
}

/** Shown as "updated" only when edited after publication, not when merely imported later. */
function wasRevised(article: { publishedAt: string | null; createdAt: string; updatedAt: string }): boolean {
  const settled = Math.max(Date.parse(article.publishedAt ?? article.createdAt), Date.parse(article.createdAt));
  return Date.parse(article.updatedAt) - settled > 60 * 60 * 1000;
}

/** The feature image; a library item is offered in every rendition, its own caption and credit standing in for the article's where those are empty. */
function featureFigure(image: FeatureImage, media: MediaItem | null): SafeHtml {
  const caption = image.caption || media?.caption || null;
  const credit = image.credit || media?.credit || null;
  const picture = media
    ? renderPicture(media, { alt: image.alt || media.altText, sizes: articleColumnSizes, loading: 'eager' })
    : html`<img src="${image.url}" alt="${image.alt}">`;
  return html`<figure class="feature-image">${picture}${caption || credit ? html`<figcaption>${caption ?? ''}${credit ? html` <span class="credit">${credit}</span>` : ''}</figcaption>` : ''}</figure>`;
}
