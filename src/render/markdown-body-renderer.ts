import MarkdownIt from 'markdown-it';
import type { BodyFormat } from '../domain/article.js';
import type { BodyRenderer } from '../app/body-renderer.js';
import { htmlToPlainText, sanitizeArticleHtml } from '../sanitize/article-html.js';

/** BodyRenderer over markdown-it (raw HTML inside Markdown disabled) and the shared article allow-list. */
export class MarkdownBodyRenderer implements BodyRenderer {
  private readonly markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

  toSafeHtml(source: string, format: BodyFormat): string {
    const raw = format === 'markdown' ? this.markdown.render(source) : source;
    return this.sanitize(raw);
  }

  sanitize(html: string): string {
    return sanitizeArticleHtml(html);
  }

  toPlainText(html: string): string {
    return htmlToPlainText(html);
  }
}
