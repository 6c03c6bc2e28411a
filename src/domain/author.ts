import type { AuthorId, Slug } from './ids.js';

/** A link from an author's page to their work or profile elsewhere. */
export interface AuthorLink {
  label: string;
  url: string;
}

/** A person (or desk) credited in a byline; has a public archive page. */
export interface Author {
  id: AuthorId;
  slug: Slug;
  name: string;
  bio: string | null;
  url: string | null;
  /** A portrait, normally a media-library URL (`/media/<sha256>/<width>.<ext>`). */
  avatarUrl: string | null;
  links: AuthorLink[];
}

/** Formats a byline: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Reads the "one link a line" text of the author form: `Label https://…` or just the address.
 * Only web addresses are kept; they are shown as links on the author's public page.
 */
export function parseAuthorLinks(text: string): { links: AuthorLink[]; refused: string[] } {
  const links: AuthorLink[] = [];
  const refused: string[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const match = /^(.*?)\s*(https?:\/\/\S+)$/i.exec(line);
    if (!match) {
      refused.push(line);
      continue;
    }
    const url = match[2]!;
    links.push({ label: match[1]!.replace(/[\s:–—-]+$/, '').trim() || new URL(url).hostname, url });
  }
  return { links, refused };
}

/** The form text of `links`, one a line, as `parseAuthorLinks` reads it back. */
export function formatAuthorLinks(links: readonly AuthorLink[]): string {
  return links.map((l) => `${l.label} ${l.url}`).join('\n');
}
