/**
 * WordPress post content as the export holds it (raw: classic-editor text that WordPress
 * paragraphs at display time, or Gutenberg block markup, with shortcodes in either) turned into
 * plain HTML. The result still goes through src/sanitize before it is stored.
 */

/** What the converter needs to know about the site's media, from the export's attachment items. */
export interface AttachmentLookup {
  byId(id: string): { url: string; alt: string; caption: string } | undefined;
  /** Images attached to a post, for `[gallery]` without ids. */
  childrenOf(postId: string): { url: string; alt: string; caption: string }[];
}

export interface ConvertedContent {
  html: string;
  /** Shortcodes met and what became of them, for the report. */
  shortcodes: string[];
}

const BLOCK_TAGS = 'address|article|aside|blockquote|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|iframe|script|style|form|select|option|audio|video|object|embed|caption|colgroup|col|summary|map|area|math|svg';
const STARTS_WITH_BLOCK = new RegExp(`^<\\/?(?:${BLOCK_TAGS})\\b`, 'i');
const ENDS_WITH_BLOCK = new RegExp(`<\\/(?:${BLOCK_TAGS})>$`, 'i');

/** WordPress's `wpautop`, reduced to what matters for stored HTML: blank lines make paragraphs, single newlines make `<br>`. */
export function autoParagraph(text: string): string {
  const preserved: string[] = [];
  const protectedText = text.replace(/\r\n?/g, '\n').replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (pre) => `\u0000${preserved.push(pre) - 1}\u0000`);
  const blocks = protectedText.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const html = blocks.map((block) => {
    if (/^\u0000\d+\u0000$/.test(block) || (STARTS_WITH_BLOCK.test(block) && ENDS_WITH_BLOCK.test(block))) return block;
    if (STARTS_WITH_BLOCK.test(block)) return block.replace(/\n(?!\s*<)/g, '<br>\n');
    return `<p>${block.replace(/\n/g, '<br>\n')}</p>`;
  }).join('\n');
  return html.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => preserved[Number(i)] ?? '');
}

/** Attributes of a shortcode: `a="x" b='y' c=z`. */
function shortcodeAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const link = (url: string) => `<p><a href="${escapeAttr(url)}">${escapeText(url)}</a></p>`;
const figure = (img: { url: string; alt: string; caption: string }) =>
  `<figure><img src="${escapeAttr(img.url)}" alt="${escapeAttr(img.alt)}">${img.caption ? `<figcaption>${escapeText(img.caption)}</figcaption>` : ''}</figure>`;

/** Turns content into HTML: Gutenberg block comments dropped, classic text paragraphed, known shortcodes rendered. */
export function convertWordPressContent(raw: string, postId: string, media: AttachmentLookup): ConvertedContent {
  const shortcodes: string[] = [];
  const isBlocks = raw.includes('<!-- wp:');
  let text = raw.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '');

  // [caption id="attachment_5" align="alignnone" width="300"]<img …> Caption text[/caption]
  text = text.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_m, attrs: string, inner: string) => {
    shortcodes.push('caption');
    const image = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    const caption = image ? image[2]!.trim() : shortcodeAttributes(attrs).caption ?? '';
    return `<figure>${image ? image[1] : inner}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
  });
  // [gallery ids="1,2,3"] or [gallery] for the post's attached images.
  text = text.replace(/\[gallery([^\]]*)\]/gi, (_m, attrs: string) => {
    shortcodes.push('gallery');
    const ids = shortcodeAttributes(attrs).ids ?? shortcodeAttributes(attrs).include;
    const images = ids
      ? ids.split(',').map((id) => media.byId(id.trim())).filter((i): i is NonNullable<typeof i> => !!i)
      : media.childrenOf(postId);
    return images.length ? `\n\n${images.map(figure).join('\n')}\n\n` : '';
  });
  // [embed]URL[/embed] and [audio]/[video] with a src or a file-type attribute: a link, since embeds are not allowed in bodies.
  text = text.replace(/\[embed[^\]]*\]\s*([^[\s]+)\s*\[\/embed\]/gi, (_m, url: string) => { shortcodes.push('embed'); return `\n\n${link(url)}\n\n`; });
  text = text.replace(/\[(audio|video)([^\]]*)\](?:\s*\[\/\1\])?/gi, (_m, kind: string, attrs: string) => {
    shortcodes.push(kind.toLowerCase());
    const a = shortcodeAttributes(attrs);
    const url = a.src ?? a.mp3 ?? a.m4a ?? a.ogg ?? a.wav ?? a.mp4 ?? a.webm ?? a.ogv ?? a.m4v;
    return url ? `\n\n${link(url)}\n\n` : '';
  });
  // oEmbed: a bare URL alone on a line in classic content is an embed in WordPress.
  if (!isBlocks) text = text.replace(/^\s*(https?:\/\/[^\s<>"]+)\s*$/gim, (_m, url: string) => link(url));
  else text = text.replace(/<figure class="wp-block-embed[^"]*">\s*<div class="wp-block-embed__wrapper">\s*(https?:\/\/[^\s<]+)\s*<\/div>([\s\S]*?)<\/figure>/g, (_m, url: string) => link(url));
  const html = isBlocks ? text.trim() : autoParagraph(text);
  return { html, shortcodes };
}
