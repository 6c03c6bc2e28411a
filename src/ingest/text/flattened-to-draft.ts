import type { ImportDraft } from '../../app/import-service.js';
import type { FlattenedArticle } from './parse-flattened-article.js';

/** Maps a parsed flattened page onto the importer's draft: body as Markdown, attribution kept. */
export function flattenedToDraft(page: FlattenedArticle): ImportDraft {
  return {
    title: page.title,
    authors: page.authors,
    publishedAt: page.publishedAt,
    body: page.bodyParagraphs.join('\n\n'),
    bodyFormat: 'markdown',
    terms: page.terms,
    original: { publisher: page.original.publisher, url: page.original.url, publishedAt: page.original.publishedAt },
    copyrightLine: page.copyrightLine,
  };
}
