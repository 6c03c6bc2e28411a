import { diffWords, type Change } from 'diff';
import type { ArticleSnapshot } from '../../domain/editorial.js';

export interface FieldDiff {
  label: string;
  changes: Change[];
}

/** Body HTML as lines of text, one per block, so a diff reads like the article and not like markup. */
export function bodyText(html: string): string {
  return html
    .replace(/<\/(p|h\d|li|blockquote|figcaption|figure|pre|tr)>|<br\s*\/?>/gi, '\n')
    .replace(/<img\b[^>]*\bsrc="([^"]*)"[^>]*>/gi, '[image: $1]')
    .replace(/<iframe\b[^>]*\bsrc="([^"]*)"[^>]*>/gi, '[embed: $1]')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .split('\n').map((line) => line.trim()).filter(Boolean).join('\n');
}

/** What changed between two revisions, field by field, word by word; unchanged fields are left out. */
export function revisionDiff(from: ArticleSnapshot, to: ArticleSnapshot, names: (id: string) => string = (id) => id): FieldDiff[] {
  const list = (ids: readonly string[]) => ids.map(names).join(', ');
  const image = (s: ArticleSnapshot) => (s.featureImage ? [s.featureImage.url, s.featureImage.alt, s.featureImage.caption, s.featureImage.credit].filter(Boolean).join(' · ') : '');
  const attribution = (s: ArticleSnapshot) => (s.syndication ? [s.syndication.originalPublisher, s.syndication.originalUrl, s.syndication.originalAuthor, s.syndication.originalPublishedAt?.slice(0, 10), s.syndication.copyrightLine, s.syndication.licence, s.syndication.searchPolicy].filter(Boolean).join(' · ') : '');
  const fields: [string, string, string][] = [
    ['Title', from.title, to.title],
    ['Slug', from.slug, to.slug],
    ['Standfirst', from.standfirst ?? '', to.standfirst ?? ''],
    ['Body', bodyText(from.body), bodyText(to.body)],
    ['Excerpt', from.excerpt ?? '', to.excerpt ?? ''],
    ['Authors', list(from.authorIds), list(to.authorIds)],
    ['Terms', list(from.termIds), list(to.termIds)],
    ['Feature image', image(from), image(to)],
    ['Attribution', attribution(from), attribution(to)],
  ];
  return fields.filter(([, a, b]) => a !== b).map(([label, a, b]) => ({ label, changes: diffWords(a, b) }));
}
