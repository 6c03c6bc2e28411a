import type { ArticleView } from '../app/public-site.js';
import type { SiteSettings } from '../domain/site-settings.js';
import { absoluteUrl, paths } from './paths.js';

/** schema.org NewsArticle for an article page; republished pieces say what they are based on. */
export function newsArticleJsonLd(view: ArticleView, settings: SiteSettings, ownUrl: string): Record<string, unknown> {
  const { article, authors, source } = view;
  const syndication = article.syndication;
  const publisher = {
    '@type': 'Organization',
    name: settings.name,
    url: absoluteUrl(settings.url, '/'),
    ...(settings.logoUrl ? { logo: { '@type': 'ImageObject', url: absoluteUrl(settings.url, settings.logoUrl) } } : {}),
  };
  const originalPublisherName = syndication?.originalPublisher ?? source?.name;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title.slice(0, 110),
    description: article.excerpt ?? article.standfirst ?? undefined,
    inLanguage: article.language,
    url: ownUrl,
    mainEntityOfPage: { '@type': 'WebPage', '@id': ownUrl },
    datePublished: article.publishedAt ?? article.createdAt,
    dateModified: article.updatedAt,
    ...(article.featureImage ? { image: [absoluteUrl(settings.url, article.featureImage.url)] } : {}),
    author: authors.map((a) => ({ '@type': 'Person', name: a.name, url: absoluteUrl(settings.url, paths.author(a)) })),
    publisher,
    articleSection: view.taxonomies.flatMap((t) => t.terms.map((term) => term.name)),
    ...(syndication
      ? {
          isBasedOn: {
            '@type': 'NewsArticle',
            ...(syndication.originalUrl ? { url: syndication.originalUrl } : {}),
            ...(syndication.originalPublishedAt ? { datePublished: syndication.originalPublishedAt } : {}),
            ...(syndication.originalAuthor ? { author: { '@type': 'Person', name: syndication.originalAuthor } } : {}),
            ...(originalPublisherName
              ? { publisher: { '@type': 'Organization', name: originalPublisherName, ...(source?.url ? { url: source.url } : {}) } }
              : {}),
          },
          ...(syndication.copyrightHolder || originalPublisherName
            ? { copyrightHolder: { '@type': 'Organization', name: syndication.copyrightHolder ?? originalPublisherName } }
            : {}),
          ...(syndication.licence ? { license: syndication.licence } : {}),
        }
      : {}),
  };
}
