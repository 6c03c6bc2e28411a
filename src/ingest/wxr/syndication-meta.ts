import type { WxrMeta } from './wxr-types.js';

/** Post meta keys that plugins use for the original of a republished post, by what they hold. */
const CANONICAL_KEYS = ['_yoast_wpseo_canonical', '_aioseop_canonical_url', '_aioseo_canonical_url', 'rank_math_canonical_url', '_seopress_robots_canonical', 'canonical_url', '_canonical_url'];
const ORIGINAL_URL_KEYS = ['syndication_permalink', 'syndication_source_uri', 'original_source_url', 'original_url', 'original_link', 'source_url', '_source_url', 'original_post_url', 'wpe_sourcelink', 'syndication_original_url'];
const PUBLISHER_KEYS = ['syndication_source', 'original_source', 'original_publisher', 'source_name', '_source_name', 'original_source_name', 'syndication_source_name'];
const AUTHOR_KEYS = ['original_author', 'syndication_author', '_original_author'];

const isUrl = (v: string) => /^https?:\/\/[^\s]+$/i.test(v);

/**
 * The attribution a post's meta records, when a syndication or SEO plugin left it: the original
 * URL (a canonical pointing off the site counts), the publisher and the author. Null when nothing
 * recognisable is there, or the canonical points back at the site itself.
 */
export function originalFromMeta(meta: readonly WxrMeta[], siteUrl: string): { url: string | null; publisher: string | null; author: string | null; canonical: boolean } | null {
  const get = (keys: readonly string[]) => {
    for (const key of keys) {
      const value = meta.find((m) => m.key === key)?.value.trim();
      if (value) return value;
    }
    return null;
  };
  const siteHost = hostOf(siteUrl);
  const canonicalRaw = get(CANONICAL_KEYS);
  const canonical = canonicalRaw && isUrl(canonicalRaw) && hostOf(canonicalRaw) !== siteHost ? canonicalRaw : null;
  const publisherOrUrl = get(PUBLISHER_KEYS);
  const url = canonical ?? get(ORIGINAL_URL_KEYS) ?? (publisherOrUrl && isUrl(publisherOrUrl) ? publisherOrUrl : null);
  const validUrl = url && isUrl(url) && hostOf(url) !== siteHost ? url : null;
  const publisher = publisherOrUrl && !isUrl(publisherOrUrl) ? publisherOrUrl : validUrl ? hostOf(validUrl) : null;
  const author = get(AUTHOR_KEYS);
  if (!validUrl && !publisher) return null;
  return { url: validUrl, publisher, author, canonical: !!canonical };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
