import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { isAllowedEmbedSrc } from '../domain/embeds.js';

/**
 * The one allow-list for article HTML from anywhere (editors, imports, feeds, wire formats).
 * Anything not listed is dropped: scripts, styles, event handlers, forms, iframes (embeds come
 * through an explicit provider allow-list), and every URL scheme but http(s), mailto and tel.
 */
const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const MEDIA_SCHEMES = ['http', 'https'];

/**
 * Characters browsers ignore or might ignore around a URL. sanitize-html trims only ASCII
 * whitespace before reading the scheme, so "\u2028javascript:" would pass its check.
 */
const IGNORABLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;

/** The URL if its scheme is allowed (or it is relative), made absolute against `base` when given; else null. */
export function safeUrl(value: string | undefined, schemes: readonly string[], base?: string | null): string | null {
  if (!value) return null;
  const squeezed = value.replace(IGNORABLE, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme && !schemes.includes(scheme)) return null;
  if (!scheme && /^\/\//.test(squeezed) && !base) return null; // protocol-relative without a base: refuse
  const trimmed = value.replace(/^[\s\u00a0\u2000-\u200f\u2028\u2029\u3000\ufeff]+|[\s\u00a0\u2000-\u200f\u2028\u2029\u3000\ufeff]+$/g, '');
  if (!base || scheme) return trimmed;
  try {
    const absolute = new URL(trimmed, base);
    return schemes.includes(absolute.protocol.slice(0, -1)) ? absolute.toString() : null;
  } catch {
    return null;
  }
}

/** A srcset with only the candidates whose URL passes `safeUrl`. */
function safeSrcset(value: string | undefined, base?: string | null): string | null {
  if (!value) return null;
  const candidates = value.split(/,\s+/).map((c) => {
    const [url, ...descriptor] = c.trim().split(/\s+/);
    const safe = safeUrl(url, MEDIA_SCHEMES, base);
    return safe ? [safe, ...descriptor].join(' ') : null;
  }).filter((c): c is string => !!c);
  return candidates.length ? candidates.join(', ') : null;
}

function withUrl(attribs: sanitizeHtml.Attributes, name: string, url: string | null): sanitizeHtml.Attributes {
  const next = { ...attribs };
  if (url === null) delete next[name];
  else next[name] = url;
  return next;
}

function policy(base?: string | null): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
      'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q', 'time', 'span',
      'a', 'figure', 'figcaption', 'img', 'picture', 'source', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
      'iframe',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'hreflang'],
      img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading'],
      source: ['srcset', 'sizes', 'type', 'media'],
      abbr: ['title'], time: ['datetime'], q: ['cite'], blockquote: ['cite'],
      th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start', 'reversed'],
      iframe: ['src', 'title', 'width', 'height', 'allow', 'allowfullscreen', 'loading', 'referrerpolicy', 'sandbox'],
    },
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: { img: MEDIA_SCHEMES, source: MEDIA_SCHEMES },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      // h1 is the page title's; body h1s become h2 so the heading order stays valid.
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = safeUrl(attribs.href, LINK_SCHEMES, base);
        const next = withUrl(attribs, 'href', href);
        return { tagName, attribs: href && /^https?:/i.test(href) ? { ...next, rel: 'noopener nofollow ugc' } : next };
      },
      img: (tagName, attribs) => ({
        tagName,
        attribs: { ...withUrl(withUrl(attribs, 'src', safeUrl(attribs.src, MEDIA_SCHEMES, base)), 'srcset', safeSrcset(attribs.srcset, base)), loading: 'lazy', alt: attribs.alt ?? '' },
      }),
      source: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'srcset', safeSrcset(attribs.srcset, base)) }),
      q: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'cite', safeUrl(attribs.cite, MEDIA_SCHEMES, base)) }),
      blockquote: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'cite', safeUrl(attribs.cite, MEDIA_SCHEMES, base)) }),
      // Embeds: only iframes of the allow-list (src/domain/embeds.ts), with fixed, restrictive attributes.
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: {
          src: attribs.src ?? '', title: attribs.title || 'Embedded video', width: '560', height: '315', loading: 'lazy', referrerpolicy: 'strict-origin-when-cross-origin',
          allow: 'encrypted-media; picture-in-picture; fullscreen', allowfullscreen: '', sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups',
        },
      }),
    },
    exclusiveFilter: (frame) => {
      const drop = ((frame.tag === 'p' || frame.tag === 'span') && !frame.text.trim() && !frame.mediaChildren.length && !holdsMedia(frame))
        || (frame.tag === 'iframe' && !isAllowedEmbedSrc(frame.attribs.src));
      if (!drop && MEDIA_TAGS.has(frame.tag)) lastMediaAt = frame.tagPosition;
      return drop;
    },
  };
}

/**
 * sanitize-html tells a frame only about its direct media children, so a paragraph holding just a
 * linked image (`<p><a href="big.jpg"><img></a></p>`, as WordPress writes "link to media file")
 * looked empty and was dropped with its image. Frames close innermost first, so the position of
 * the last media element kept tells whether one lies inside the frame now closing. Reset for each
 * call; sanitizing is synchronous.
 */
const MEDIA_TAGS = new Set(['img', 'picture', 'iframe']);
let lastMediaAt = -1;
const holdsMedia = (frame: { tagPosition: number }) => lastMediaAt >= frame.tagPosition;

const defaultPolicy = policy();

/** Sanitizes article HTML; with `baseUrl`, relative links and images become absolute. */
export function sanitizeArticleHtml(html: string, options: { baseUrl?: string | null } = {}): string {
  lastMediaAt = -1;
  return sanitizeHtml(html, options.baseUrl ? policy(options.baseUrl) : defaultPolicy).trim();
}

/** Block-level ends where plain text needs a space so words do not run together. */
const BLOCK_END = /<\/(p|h\d|li|blockquote|tr|td|th|div|dt|dd|figcaption|caption|pre|section|article)>|<br\s*\/?>|<hr\s*\/?>/gi;

/** Elements whose content is not text a reader sees (sanitize-html's `nonTextTags`). */
const NON_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'option', 'xmp']);

/**
 * Plain text of HTML: tags removed, entities decoded, whitespace collapsed. The same text as
 * `sanitizeHtml(html, { allowedTags: [] })` with its entities decoded (which is what this did
 * before; test/corpus/plain-text-corpus.test.ts holds the two to each other over the corpora),
 * read straight off htmlparser2, the parser sanitize-html uses: 1.6 times faster over the
 * extraction benchmark's pages, which counts on every article an import writes.
 */
export function htmlToPlainText(html: string): string {
  let text = '';
  // Like sanitize-html: inside a non-text element every tag opened deepens the skip and every tag closed lifts it.
  let skipDepth = 0;
  const parser = new Parser({
    onopentag(name) {
      if (skipDepth) skipDepth++;
      else if (NON_TEXT_TAGS.has(name)) skipDepth = 1;
    },
    onclosetag() {
      if (skipDepth) skipDepth--;
    },
    ontext(chunk) {
      if (!skipDepth) text += chunk;
    },
  }, { decodeEntities: true });
  parser.write(html.replace(BLOCK_END, '$& '));
  parser.end();
  return text.replace(/\s+/g, ' ').trim();
}
