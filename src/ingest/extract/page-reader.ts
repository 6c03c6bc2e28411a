import type { PageReader } from '../../app/ingest-ports.js';
import { AppError } from '../../domain/errors.js';
import { decodeHtmlBytes } from '../decode/decode-html-bytes.js';
import { ExtractionError, extractArticle } from './extract-article.js';
import { pageToDraft } from './page-to-draft.js';

/** The app's PageReader: bytes of a fetched page → decoded → article extracted → draft. */
export const pageReader: PageReader = {
  read(resource) {
    const { text } = decodeHtmlBytes(resource.body, { contentType: resource.contentType, charset: resource.charset });
    let page;
    try {
      page = extractArticle(text, { url: resource.url });
    } catch (error) {
      if (error instanceof ExtractionError) throw new AppError('NO_ARTICLE_FOUND', `${resource.url}: ${error.message}`, { cause: error, details: { url: resource.url } });
      throw error;
    }
    const draft = pageToDraft(page, resource.url);
    if (!draft) throw new AppError('NO_ARTICLE_FOUND', `${resource.url}: the page has no article title.`, { details: { url: resource.url } });
    return draft;
  },
};
