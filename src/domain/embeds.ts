/**
 * Embeds by URL from an allow-list. Video players become iframes from the providers' privacy
 * players; providers whose embeds need their own script (X/Twitter, Instagram…) become plain
 * links, so no third-party script ever runs on an article page.
 */
export type Embed =
  | { provider: 'YouTube' | 'Vimeo'; kind: 'iframe'; src: string; url: string }
  | { provider: 'X' | 'Instagram' | 'TikTok' | 'Bluesky' | 'Mastodon' | 'SoundCloud'; kind: 'link'; url: string };

const iframeSources = [
  /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/,
  /^https:\/\/player\.vimeo\.com\/video\/\d{1,12}$/,
];

/** True when an iframe's src is one Dateline itself makes for an allowed provider. */
export function isAllowedEmbedSrc(src: string | undefined): boolean {
  return !!src && iframeSources.some((pattern) => pattern.test(src));
}

const linkHosts: [RegExp, Extract<Embed, { kind: 'link' }>['provider']][] = [
  [/^(?:www\.|mobile\.)?(?:twitter|x)\.com$/, 'X'],
  [/^(?:www\.)?instagram\.com$/, 'Instagram'],
  [/^(?:www\.)?tiktok\.com$/, 'TikTok'],
  [/^bsky\.app$/, 'Bluesky'],
  [/^(?:www\.)?soundcloud\.com$/, 'SoundCloud'],
];

/** The embed for a pasted URL, or null when the URL is not from an allowed provider. */
export function embedFor(input: string): Embed | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  let video: string | null = null;
  if (/^(?:www\.|m\.)?youtube\.com$/.test(host)) video = url.pathname === '/watch' ? url.searchParams.get('v') : /^\/(?:shorts|embed|live)\/([^/]+)/.exec(url.pathname)?.[1] ?? null;
  if (host === 'youtu.be') video = url.pathname.slice(1).split('/')[0] ?? null;
  if (video !== null) return /^[A-Za-z0-9_-]{11}$/.test(video) ? { provider: 'YouTube', kind: 'iframe', src: `https://www.youtube-nocookie.com/embed/${video}`, url: `https://www.youtube.com/watch?v=${video}` } : null;
  if (/^(?:www\.)?vimeo\.com$/.test(host)) {
    const id = /^\/(\d{1,12})(?:\/|$)/.exec(url.pathname)?.[1];
    return id ? { provider: 'Vimeo', kind: 'iframe', src: `https://player.vimeo.com/video/${id}`, url: `https://vimeo.com/${id}` } : null;
  }
  for (const [pattern, provider] of linkHosts) if (pattern.test(host)) return { provider, kind: 'link', url: url.toString() };
  return null;
}
