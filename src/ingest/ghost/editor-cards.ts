import { escapeHtml } from '../../domain/html-escape.js';
import MarkdownIt from 'markdown-it';

/**
 * HTML for the cards Ghost's editors (Koenig in Mobiledoc and in Lexical) share: images,
 * galleries, embeds, bookmarks, code, Markdown and raw HTML. The output is raw; the importer
 * sanitizes the whole body once, so a card never needs to be trusted here.
 */
const markdown = new MarkdownIt({ html: true, linkify: true });

/** Markdown as Ghost's Markdown cards and 0.x posts hold it, to (unsanitized) HTML. */
export const renderMarkdown = (source: string): string => markdown.render(source);

export { escapeHtml };

type Payload = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function figure(inner: string, caption: string): string {
  // Captions are HTML in Ghost (links and emphasis are allowed in them).
  return caption ? `<figure>${inner}<figcaption>${caption}</figcaption></figure>` : `<figure>${inner}</figure>`;
}

function image(p: Payload): string {
  const src = str(p.src);
  if (!src) return '';
  const img = `<img src="${escapeHtml(src)}" alt="${escapeHtml(str(p.alt))}"${p.title ? ` title="${escapeHtml(str(p.title))}"` : ''}>`;
  const linked = p.href ? `<a href="${escapeHtml(str(p.href))}">${img}</a>` : img;
  return figure(linked, str(p.caption));
}

/** Renders one card by name; returns null for a card Dateline does not know. */
export function renderCard(name: string, p: Payload): string | null {
  switch (name) {
    case 'image':
      return image(p);
    case 'gallery': {
      const images = Array.isArray(p.images) ? (p.images as Payload[]) : [];
      return figure(images.map((i) => `<img src="${escapeHtml(str(i.src))}" alt="${escapeHtml(str(i.alt))}">`).join(''), str(p.caption));
    }
    case 'markdown':
    case 'card-markdown':
      return renderMarkdown(str(p.markdown));
    case 'html':
      return str(p.html);
    case 'hr':
    case 'horizontalrule':
      return '<hr>';
    case 'code':
    case 'codeblock': {
      const language = str(p.language);
      const code = `<pre><code${language ? ` class="language-${escapeHtml(language)}"` : ''}>${escapeHtml(str(p.code))}</code></pre>`;
      return p.caption ? figure(code, str(p.caption)) : code;
    }
    case 'embed': {
      // The provider's HTML is usually an iframe or a script; the sanitizer keeps only allowed
      // embeds, so a plain link to the embedded URL follows as a fallback that always survives.
      const url = str(p.url);
      const link = url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(str((p.metadata as Payload | undefined)?.title) || url)}</a></p>` : '';
      return figure(`${str(p.html)}${link}`, str(p.caption));
    }
    case 'bookmark': {
      const url = str(p.url);
      const meta = (p.metadata ?? {}) as Payload;
      if (!url) return '';
      const title = escapeHtml(str(meta.title) || url);
      const description = meta.description ? `<br>${escapeHtml(str(meta.description))}` : '';
      return figure(`<p><a href="${escapeHtml(url)}">${title}</a>${description}</p>`, str(p.caption));
    }
    case 'callout':
      return `<aside><p>${p.calloutEmoji ? `${escapeHtml(str(p.calloutEmoji))} ` : ''}${str(p.calloutText)}</p></aside>`;
    case 'toggle':
      return `<details><summary>${str(p.heading)}</summary>${str(p.content)}</details>`;
    case 'button':
      return p.buttonUrl ? `<p><a href="${escapeHtml(str(p.buttonUrl))}">${escapeHtml(str(p.buttonText) || str(p.buttonUrl))}</a></p>` : '';
    case 'video':
    case 'audio':
    case 'file': {
      const src = str(p.src);
      const label = str(p.title) || str(p.fileTitle) || str(p.fileName) || src;
      return src ? `<p><a href="${escapeHtml(src)}">${escapeHtml(label)}</a></p>` : '';
    }
    // Members-only markers and e-mail-only content have no place in a public article body.
    case 'paywall':
    case 'email':
    case 'email-cta':
    case 'signup':
      return '';
    default:
      return null;
  }
}
