import type { Slug } from './ids.js';
import { cutGraphemes, graphemeLength } from './text-cut.js';

const MAX_SLUG_LENGTH = 80;

/**
 * Turns a title into a URL slug: lower-case letters and digits joined by hyphens, at most 80
 * characters. Accents are dropped from Latin letters only (é → e); other scripts keep their
 * letters and marks (й stays й, हिन्दी stays whole), because browsers display such paths and
 * a slug of hyphens would be useless.
 */
export function slugify(text: string): Slug {
  const words = text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  const slug = cutGraphemes(words, MAX_SLUG_LENGTH).replace(/-+$/g, '');
  return (slug || 'untitled') as Slug;
}

/** True when `value` is already a valid slug: what slugify leaves unchanged. */
export function isSlug(value: string): value is Slug {
  return value.length > 0 && graphemeLength(value) <= MAX_SLUG_LENGTH && slugify(value) === value;
}

/**
 * What every candidate uniqueSlug may try for `base` starts with: the base cut short enough to
 * leave room for a numeric suffix. Looking up slugs with this prefix finds all that could clash.
 */
export function slugLookupPrefix(base: string): string {
  return cutGraphemes(base, MAX_SLUG_LENGTH - 8).replace(/-+$/g, '');
}

/** Returns `base`, or `base-2`, `base-3`… — the first candidate `isTaken` rejects not — within the length cap. */
export function uniqueSlug(base: Slug, isTaken: (candidate: Slug) => boolean): Slug {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const stem = cutGraphemes(base, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/g, '');
    const candidate = `${stem}${suffix}` as Slug;
    if (!isTaken(candidate)) return candidate;
  }
}
