import { renderMarkdown } from './editor-cards.js';
import type { GhostPostRecord } from './ghost-export-records.js';
import { lexicalToHtml } from './lexical-to-html.js';
import { mobiledocToHtml } from './mobiledoc-to-html.js';

export interface GhostPostBody {
  /** Unsanitized HTML; the importer sanitizes it before it is stored. */
  html: string;
  from: 'html' | 'lexical' | 'mobiledoc' | 'markdown' | 'none';
  warnings: string[];
}

/**
 * The body of a Ghost post. Ghost stores the HTML its own renderer made from the editor's
 * document, which is the most faithful rendering there is; the editor document (Lexical,
 * Mobiledoc, or 0.x Markdown) is rendered here only when the HTML is missing.
 */
export function ghostPostBody(post: GhostPostRecord): GhostPostBody {
  if (post.html?.trim()) return { html: post.html, from: 'html', warnings: [] };
  const attempts: [GhostPostBody['from'], string | null, (s: string) => { html: string; unknown: string[] }][] = [
    ['lexical', post.lexical, lexicalToHtml],
    ['mobiledoc', post.mobiledoc, mobiledocToHtml],
    ['markdown', post.markdown, (s) => ({ html: renderMarkdown(s), unknown: [] })],
  ];
  const warnings: string[] = [];
  for (const [from, source, render] of attempts) {
    if (!source?.trim()) continue;
    try {
      const { html, unknown } = render(source);
      if (unknown.length) warnings.push(`${from} content of types ${unknown.join(', ')} was left out: Dateline has no equivalent`);
      return { html, from, warnings };
    } catch (error) {
      warnings.push(`the ${from} document could not be read (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { html: '', from: 'none', warnings };
}
