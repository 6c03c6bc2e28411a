import type { BodyFormat } from '../domain/article.js';

/**
 * Turns an article body as written (Markdown or HTML) into sanitized HTML and plain text.
 * Implemented in render/ with markdown-it and sanitize-html; every body passes through it
 * before it is stored, and the public pages sanitize again at render.
 */
export interface BodyRenderer {
  toSafeHtml(source: string, format: BodyFormat): string;
  toPlainText(html: string): string;
  /** Sanitizes HTML from anywhere (already-stored bodies at render, imported fragments). */
  sanitize(html: string): string;
}
