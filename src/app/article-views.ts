import type { Author } from '../domain/author.js';
import type { SourceId } from '../domain/ids.js';
import type { Term } from '../domain/taxonomy.js';
import { mediaHashesInHtml, mediaHashOfUrl, type MediaItem } from '../domain/media.js';
import { tags, type CacheTag } from './content-events.js';
import type { ArticleSummary, Store } from './ports.js';
import type { ArticleView } from './public-site.js';
import type { SiteDirectory } from './site-directory.js';
import type { TaxonomyService } from './taxonomy-service.js';

/** What resolving article views needs: bylines and sources come from the directory, kept in memory. */
export interface ArticleViewDeps {
  store: Store;
  taxonomies: TaxonomyService;
  directory: SiteDirectory;
}

/**
 * Resolves authors, terms and sources for several articles with one query per kind; the library
 * images of their bodies too, for articles loaded with their body.
 */
export async function loadArticleViews<A extends ArticleSummary>(deps: ArticleViewDeps, articles: readonly A[]): Promise<ArticleView<A>[]> {
  const authorIds = [...new Set(articles.flatMap((a) => a.authorIds))];
  const [authors, index, sources, media] = await Promise.all([
    deps.directory.authorsByIds(authorIds),
    deps.taxonomies.index(),
    deps.directory.sourcesByIds(sourceIdsOf(articles)),
    libraryMediaOf(deps.store, articles),
  ]);
  const authorById = new Map(authors.map((a) => [a.id, a]));
  return articles.map((article) => ({
    article,
    authors: article.authorIds.map((id) => authorById.get(id)).filter((a): a is Author => !!a),
    taxonomies: index.taxonomies.map((taxonomy) => ({
      taxonomy,
      terms: article.termIds.map((id) => index.term(id)).filter((t): t is Term => !!t && t.taxonomyId === taxonomy.id),
    })),
    source: (article.syndication?.sourceId && sources.get(article.syndication.sourceId)) || null,
    featureMedia: media.get(mediaHashOfUrl(article.featureImage?.url ?? '') ?? '') ?? null,
    bodyMedia: mediaHashesInHtml(bodyOf(article)).map((hash) => media.get(hash)).filter((m): m is MediaItem => !!m),
  }));
}

/** The cache tags of everything an article view shows. */
export function articleViewTags(view: ArticleView<ArticleSummary>): CacheTag[] {
  return [
    tags.article(view.article.id),
    ...view.authors.map((a) => tags.author(a.id)),
    ...view.taxonomies.flatMap((t) => t.terms.map((term) => tags.term(term.id))),
    ...(view.source ? [tags.source(view.source.id)] : []),
    ...(view.featureMedia ? [tags.media(view.featureMedia.id)] : []),
    ...(view.bodyMedia ?? []).map((m) => tags.media(m.id)),
  ];
}

/** The sources the articles credit, each once. */
function sourceIdsOf(articles: readonly ArticleSummary[]): SourceId[] {
  return [...new Set(articles.map((a) => a.syndication?.sourceId).filter((id): id is SourceId => !!id))];
}

/** Library items shown as feature images or in bodies, by hash; images from elsewhere are left as they are. */
async function libraryMediaOf(store: Store, articles: readonly ArticleSummary[]): Promise<Map<string, MediaItem>> {
  const hashes = articles.flatMap((a) => [mediaHashOfUrl(a.featureImage?.url ?? ''), ...mediaHashesInHtml(bodyOf(a))]).filter((h): h is string => !!h);
  if (hashes.length === 0) return new Map();
  return new Map((await store.media.getManyBySha256(hashes)).map((m) => [m.sha256, m]));
}

/** The article's HTML body when it was loaded with it; a summary has none. */
function bodyOf(article: ArticleSummary): string {
  return 'bodyHtml' in article && typeof article.bodyHtml === 'string' ? article.bodyHtml : '';
}
