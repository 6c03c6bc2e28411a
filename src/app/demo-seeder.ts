import type { DemoArticle, DemoAuthor, DemoSource } from '../demo/demo-content.js';
import type { AuthorId, Instant, Slug, TermId } from '../domain/ids.js';
import type { ArticleService } from './article-service.js';
import type { AuthorService } from './author-service.js';
import type { Store } from './ports.js';
import type { SettingsService } from './settings-service.js';
import type { SourceService } from './source-service.js';
import type { TaxonomyService } from './taxonomy-service.js';

const DEMO_FLAG = 'demo_content';

export interface DemoContent {
  authors: DemoAuthor[];
  sources: DemoSource[];
  articles: DemoArticle[];
}

/** Loads the demo content once into an empty site, so a newcomer sees every feature at once. */
export class DemoSeeder {
  constructor(private readonly deps: {
    store: Store; articles: ArticleService; authors: AuthorService; sources: SourceService; taxonomies: TaxonomyService; settings: SettingsService;
  }) {}

  /** Returns the number of articles loaded: 0 when demo content was loaded before or the site already has articles. */
  async loadOnce(content: DemoContent, now: Instant): Promise<number> {
    const { store } = this.deps;
    if (await store.settings.get(DEMO_FLAG)) return 0;
    const hasArticles = (await store.articles.countVisible({ now })) > 0;
    if (hasArticles) return 0;
    const index = await this.deps.taxonomies.index();
    const termId = (slug: string): TermId => {
      const term = index.terms.find((t) => t.slug === slug);
      if (!term) throw new Error(`Demo content refers to the term "${slug}", which the default taxonomies lack.`);
      return term.id;
    };
    await store.transaction(async (tx) => {
      const authorIds = new Map<string, AuthorId>();
      for (const a of content.authors) {
        authorIds.set(a.slug, (await this.deps.authors.findOrCreate(a.name, { bio: a.bio, slug: a.slug as Slug }, tx)).id);
      }
      const sources = new Map<string, Awaited<ReturnType<SourceService['findOrCreate']>>>();
      for (const s of content.sources) {
        sources.set(s.slug, await this.deps.sources.findOrCreate(s.name, {
          slug: s.slug as Slug, url: s.url, defaultCopyrightLine: s.copyrightLine, defaultLicence: s.licence, defaultSearchPolicy: 'noindex',
        }, tx));
      }
      for (const a of content.articles) {
        const source = a.syndication ? sources.get(a.syndication.sourceSlug) : undefined;
        await this.deps.articles.create({
          title: a.title, slug: a.slug, standfirst: a.standfirst, excerpt: a.excerpt, body: a.bodyMarkdown, bodyFormat: 'markdown', language: 'en',
          authorIds: a.authorSlugs.map((s) => authorIds.get(s)!).filter(Boolean),
          termIds: [...a.regions, ...a.themes].map(termId),
          status: 'published', publishedAt: a.publishedAt as Instant,
          syndication: a.syndication && source ? {
            sourceId: source.id, originalPublisher: source.name, originalUrl: a.syndication.originalUrl,
            originalAuthor: a.syndication.originalAuthor, originalPublishedAt: a.syndication.originalPublishedAt as Instant,
            copyrightHolder: source.name, copyrightLine: a.syndication.copyrightLine, licence: a.syndication.licence,
            searchPolicy: a.syndication.searchPolicy,
          } : null,
        }, tx);
      }
      await tx.settings.put(DEMO_FLAG, { loadedAt: now, articles: content.articles.length }, now);
    });
    await this.deps.settings.update({
      name: 'The Dateline Review',
      description: 'A demo site for Dateline: every article here is fictional sample content.',
    });
    return content.articles.length;
  }
}
