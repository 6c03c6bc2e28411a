import type { ImportDraft } from '../../app/import-service.js';
import type { ExtractedArticle } from './extract-article.js';

/**
 * Maps an extracted page to an import draft. A page fetched from the web is itself the original
 * unless it credits another publisher: then that publisher and URL are the original.
 */
export function pageToDraft(page: ExtractedArticle, pageUrl: string | null): ImportDraft | null {
  if (!page.title) return null;
  const hostname = pageUrl ? safeHostname(pageUrl) : null;
  return {
    title: page.title,
    authors: page.authors,
    publishedAt: page.published,
    language: page.language,
    body: page.bodyHtml,
    bodyFormat: 'html',
    terms: [],
    original: {
      publisher: page.source ?? page.siteName ?? hostname,
      url: page.originalUrl ?? pageUrl,
      publishedAt: page.published,
      author: page.authors[0] ?? null,
    },
    copyrightLine: page.copyright,
    excerpt: page.excerpt,
    imageUrl: page.leadImage?.url ?? null,
    imageAlt: page.leadImage?.alt ?? null,
  };
}

function safeHostname(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
