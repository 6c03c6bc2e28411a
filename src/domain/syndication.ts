import type { Instant, SourceId } from './ids.js';

/**
 * How search engines should treat a republished copy. Google advises `noindex` for syndicated
 * copies; a canonical link to the original is the alternative when the partner asks for it.
 */
export const searchPolicies = ['canonical-original', 'canonical-self', 'noindex'] as const;
export type SearchPolicy = (typeof searchPolicies)[number];

/** The attribution record of a republished article: where it first appeared and on what terms. */
export interface Syndication {
  sourceId: SourceId | null;
  originalPublisher: string | null;
  originalUrl: string | null;
  originalAuthor: string | null;
  originalPublishedAt: Instant | null;
  copyrightHolder: string | null;
  copyrightLine: string | null;
  licence: string | null;
  searchPolicy: SearchPolicy;
}

/** The robots and canonical decision for an article page. A noindexed copy names no canonical: the two would send search engines mixed signals. */
export interface IndexingDecision {
  canonicalUrl: string | null;
  robots: 'index, follow' | 'noindex, follow';
}

/** Applies an article's search policy: its own URL as canonical unless the policy says otherwise. */
export function decideIndexing(ownUrl: string, syndication: Syndication | null): IndexingDecision {
  if (!syndication) return { canonicalUrl: ownUrl, robots: 'index, follow' };
  switch (syndication.searchPolicy) {
    case 'noindex':
      return { canonicalUrl: null, robots: 'noindex, follow' };
    case 'canonical-original':
      // Without a known original URL a cross-domain canonical is impossible; noindex is the safe fallback.
      return syndication.originalUrl
        ? { canonicalUrl: syndication.originalUrl, robots: 'index, follow' }
        : { canonicalUrl: null, robots: 'noindex, follow' };
    case 'canonical-self':
      return { canonicalUrl: ownUrl, robots: 'index, follow' };
  }
}

/** The copyright line shown under an article: the stored one, or one composed from holder and year. */
export function copyrightLineOf(syndication: Syndication | null, fallbackHolder: string, year: number): string {
  if (syndication?.copyrightLine) return syndication.copyrightLine;
  const holders = [fallbackHolder, syndication?.copyrightHolder ?? syndication?.originalPublisher]
    .filter((h): h is string => !!h)
    .filter((h, i, all) => all.indexOf(h) === i);
  return `Copyright © ${holders.join(', ')}, ${year}`;
}
