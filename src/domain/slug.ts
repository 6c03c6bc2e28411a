import type { Slug } from './ids.js';

const MAX_SLUG_LENGTH = 80;

/**
 * Turns a title into a URL slug: lower case, ASCII letters and digits joined by hyphens.
 * Letters outside ASCII are transliterated where Unicode decomposition allows (é → e);
 * scripts without a Latin form (Cyrillic, CJK) keep their letters, because a slug made only
 * of hyphens would be useless and browsers display such paths correctly.
 */
export function slugify(text: string): Slug {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
  return (slug || 'untitled') as Slug;
}

/** True when `value` is already a valid slug (what slugify would leave unchanged). */
export function isSlug(value: string): value is Slug {
  return value.length > 0 && value.length <= MAX_SLUG_LENGTH && /^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(value);
}

/** Returns `base`, or `base-2`, `base-3`… — the first candidate `isTaken` rejects not. */
export function uniqueSlug(base: Slug, isTaken: (candidate: Slug) => boolean): Slug {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}` as Slug;
    if (!isTaken(candidate)) return candidate;
  }
}
