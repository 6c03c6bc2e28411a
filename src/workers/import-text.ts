import type { ImportText, ImportTextInput } from '../app/site-import/import-text.js';
import { contentFingerprint } from '../app/content-fingerprint.js';
import { excerptFromText } from '../domain/article.js';
import { htmlToPlainText, sanitizeArticleHtml } from '../sanitize/article-html.js';
import { searchDocumentOf, searchTextOf } from '../search/search-document.js';

/** The text work of one imported article (pure; runs in a worker thread or inline). */
export function prepareImportText(input: ImportTextInput): ImportText {
  try {
    const bodyHtml = sanitizeArticleHtml(input.bodyHtml);
    const plain = htmlToPlainText(bodyHtml);
    let title = htmlToPlainText(sanitizeArticleHtml(input.title)).replace(/\s+/g, ' ').trim();
    const untitled = !title;
    if (untitled) title = excerptFromText(plain, 60) || 'Untitled';
    const excerpt = input.excerpt?.trim() ? excerptFromText(htmlToPlainText(sanitizeArticleHtml(input.excerpt))) : excerptFromText(plain);
    return {
      ok: true, bodyHtml, title, untitled, excerpt,
      comments: input.comments.map((html) => sanitizeArticleHtml(html)),
      contentHash: contentFingerprint(title, plain),
      search: searchTextOf(searchDocumentOf({ id: input.articleId, title, standfirst: null, bodyHtml, language: input.language })),
    };
  } catch (error) {
    return { ok: false, reason: (error as Error).message ?? String(error) };
  }
}
