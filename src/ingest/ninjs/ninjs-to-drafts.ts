import type { ImportDraft } from '../../app/import-service.js';
import { defaultNinjsMapping } from './default-ninjs-mapping.js';
import { mapSubjectsToTerms, type SubjectMapping } from './map-subjects-to-terms.js';
import type { NinjsArticle } from './ninjs-article.js';
import { parseNinjs } from './parse-ninjs.js';

/** Maps one ninjs item to an import draft: the provider is the original publisher, its rights the copyright and licence. */
export function ninjsToDraft(item: NinjsArticle, mapping: SubjectMapping[] = defaultNinjsMapping): ImportDraft | null {
  if (!item.title || !item.bodyHtml) return null;
  return {
    title: item.title,
    standfirst: item.standfirst,
    authors: item.authors,
    publishedAt: item.published ?? item.updated,
    language: item.language,
    body: item.bodyHtml,
    bodyFormat: 'html',
    terms: mapSubjectsToTerms(item, mapping),
    original: { publisher: item.provider, url: item.originalUrl, publishedAt: item.published, author: item.authors[0] ?? null },
    copyrightLine: item.copyrightNotice ?? (item.copyrightHolder ? `Copyright © ${item.copyrightHolder}` : null),
    licence: item.usageTerms,
    imageUrl: item.imageUrl,
  };
}

/** Every text item of a ninjs document as drafts, with the problems met (pictures without text are reported, not imported). */
export function ninjsDocumentToDrafts(json: string | Buffer, mapping: SubjectMapping[] = defaultNinjsMapping): { drafts: ImportDraft[]; problems: string[] } {
  const parsed = parseNinjs(json);
  const problems = parsed.problems.map((p) => (p.item === null ? p.message : `item ${p.item + 1}: ${p.message}`));
  const drafts: ImportDraft[] = [];
  parsed.items.forEach((item, index) => {
    const draft = ninjsToDraft(item, mapping);
    if (draft) drafts.push(draft);
    else problems.push(`item ${index + 1} (${item.type ?? 'untyped'}${item.title ? `, "${item.title}"` : ''}) carries no article text and was not imported`);
  });
  return { drafts, problems };
}
