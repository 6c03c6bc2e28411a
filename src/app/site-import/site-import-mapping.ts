/**
 * How an export's authors, taxonomies, terms and post types land on this site. The owner gets
 * the default (`dateline import --print-mapping FILE`), edits it, and passes it back with
 * `--mapping`. Taxonomies and terms are named by slug.
 */
export interface SiteImportMapping {
  /** Per export taxonomy: the site taxonomy its terms go to (null: leave them out), created when `create` says how. */
  taxonomies: Record<string, { taxonomy: string | null; create?: { name: string; pluralName: string } }>;
  /**
   * Per export term (`category/news`, `post_tag/elections`): another term to merge it into
   * (`theme/politics`, created when missing) or null to leave it out.
   */
  terms: Record<string, string | null>;
  /** Per export author handle (login): the name of the author on this site to credit instead. */
  authors: Record<string, string>;
  /** Per export post type: import as an article or skip. Types not listed are skipped and reported. */
  postTypes: Record<string, 'article' | 'skip'>;
  /** A term given to sticky (pinned) posts, so they stay findable; null to ignore stickiness. */
  sticky: { taxonomy: string; term: string } | null;
}
