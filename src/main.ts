import { availableParallelism } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { ApiKeyService } from './app/api-key-service.js';
import { ArticleService } from './app/article-service.js';
import { QuoteService } from './app/quote-service.js';
import { SyndicationQueries } from './app/syndication-queries.js';
import { SiteDirectory } from './app/site-directory.js';
import { SiteSearch } from './app/site-search.js';
import { AuthService } from './app/auth-service.js';
import { argon2PasswordHasher } from './auth/argon2-password-hasher.js';
import { createSmtpMailer } from './mail/smtp-mailer.js';
import { AuthorService } from './app/author-service.js';
import { StaffService } from './app/staff-service.js';
import { createContentEvents, type ContentEvents } from './app/content-events.js';
import { DemoSeeder } from './app/demo-seeder.js';
import { FeedService } from './app/feed-service.js';
import type { ResourceFetcher } from './app/ingest-ports.js';
import { ImportService } from './app/import-service.js';
import type { Clock, Store } from './app/ports.js';
import { PublicSite } from './app/public-site.js';
import { SettingsService } from './app/settings-service.js';
import { SourceService } from './app/source-service.js';
import { systemClock } from './app/system-clock.js';
import { TaxonomyService } from './app/taxonomy-service.js';
import { ThemeSuggestionService } from './app/theme-suggestion-service.js';
import { WireDuplicateService } from './app/wire-duplicate-service.js';
import { uuidV7 } from './app/uuid-v7.js';
import type { Config } from './config/config.js';
import { loadTaxonomyFile } from './config/taxonomy-file.js';
import { demoArticles, demoAuthors, demoSources } from './demo/demo-content.js';
import { defaultTaxonomies } from './domain/default-taxonomies.js';
import type { IdGenerator } from './domain/ids.js';
import { PageCache } from './http/page-cache.js';
import { pageReader } from './ingest/extract/page-reader.js';
import { createSafeFetcher } from './ingest/fetch/safe-fetcher.js';
import { resourceFetcherOver } from './ingest/fetch/resource-fetcher.js';
import { feedDocumentReader } from './ingest/feeds/feed-document-reader.js';
import { buildServer } from './http/server.js';
import { loadAdminAssets } from './http/admin/admin-assets.js';
import { ArticleEditor } from './app/article-editor.js';
import { PresenceBoard } from './app/presence.js';
import { MarkdownBodyRenderer } from './render/markdown-body-renderer.js';
import { loadStaticAssets } from './render/static-assets.js';
import { openDatabase, type OpenDatabase } from './storage/database.js';
import { KyselyStore } from './storage/kysely-store.js';
import { createPgContentBus } from './storage/postgres/pg-content-bus.js';
import { exportSite, restoreSite, type ArchiveManifest, type ArchiveProgress } from './storage/site-archive/index.js';
export type { ArchiveManifest, ArchiveProgress };
import path from 'node:path';
import { SiteImportService } from './app/site-import/site-import-service.js';
import { SiteMediaImport } from './app/site-import/site-media-import.js';
import { mediaDownloaderOver } from './ingest/fetch/media-downloader.js';
import type { SafeFetcher } from './ingest/fetch/safe-fetcher.js';
import { ImportTextPool } from './workers/import-text-pool.js';
import { defaultSearchThreads, SearchThreadPool } from './workers/search-thread-pool.js';
import { ArticleAnalysisService } from './app/article-analysis.js';
import { AnalysisWorker } from './app/analysis-worker.js';
import { ThemeRetrainer } from './app/theme-retrainer.js';
import { SearchMaintenance } from './app/search-maintenance.js';
import { workerThreadThemeTrainer } from './workers/worker-thread-theme-trainer.js';
import { MediaService } from './app/media-service.js';
import { LocalDiskFileStore } from './media/local-disk-file-store.js';
import { SharpImageProcessor } from './media/sharp-image-processor.js';
import { RedirectResolver } from './app/redirect-resolver.js';
import { RedirectService } from './app/redirect-service.js';
import { TermManagement } from './app/term-management.js';

/** The wired application: services for the CLI, a server factory, and start/stop for resources. */
export interface Dateline {
  config: Config;
  database: OpenDatabase;
  store: Store;
  events: ContentEvents;
  clock: Clock;
  services: {
    articles: ArticleService;
    authors: AuthorService;
    staff: StaffService;
    sources: SourceService;
    taxonomies: TaxonomyService;
    settings: SettingsService;
    site: PublicSite;
    importer: ImportService;
    demo: DemoSeeder;
    feeds: FeedService;
    fetcher: ResourceFetcher;
    apiKeys: ApiKeyService;
    auth: AuthService;
    search: SiteSearch;
    siteImport: SiteImportService;
    /** Copies an imported site's media into the library (`dateline import --download-media`). */
    siteMedia: SiteMediaImport;
    media: MediaService;
    editor: ArticleEditor;
    quotes: QuoteService;
    themes: ThemeSuggestionService;
    duplicates: WireDuplicateService;
    analysis: ArticleAnalysisService;
    /** Drains the analysis queue; `start()` runs it in the background. */
    analysisWorker: AnalysisWorker;
    /** Retrains the theme model in a worker thread, debounced, as editors tag. */
    themeRetrainer: ThemeRetrainer;
    /** Merges the search index's fragments in the background; `runOnce` does it now. */
    searchMaintenance: SearchMaintenance;
  };
  cache: PageCache;
  /** Rendered search pages, apart from `cache` so that queries cannot push article pages out. */
  searchCache: PageCache;
  /** Builds the HTTP application (not listening); `cacheSearches: false` runs every search (for measuring). */
  buildServer(options?: { cacheSearches?: boolean }): Promise<FastifyInstance>;
  /** Seeds default taxonomies and, on a new site, the demo content; returns demo articles loaded. */
  prepare(options: { demoContent: boolean }): Promise<number>;
  /** Whole-site export and restore (docs/export-format.md). */
  archive: {
    export(dir: string, progress?: ArchiveProgress): Promise<ArchiveManifest>;
    /** Into an empty database only; rebuilds the search index after. */
    restore(dir: string, progress?: ArchiveProgress): Promise<ArchiveManifest>;
  };
  /** Starts background work (the scheduler, the analysis worker, search index maintenance). */
  start(): void;
  stop(): Promise<void>;
}

/** Written into exports, so a restore can say which release made a file. */
export const DATELINE_VERSION = '0.1.0';

/** Where uploaded media files live on this node. */
export const mediaDir = (config: Config) => path.join(config.dataDir, 'media');

/** What code (tests, never configuration) may put in place of the defaults. */
export interface DatelineOverrides {
  clock?: Clock;
  newId?: IdGenerator;
  /**
   * The fetcher an import's media downloads go through. Tests pass one built with
   * `createSafeFetcher({ resolver, allowAddressesForTests })` to serve images from a local server;
   * no setting or environment variable reaches this, so the product always uses the default,
   * which fetches from public addresses only.
   */
  mediaFetcher?: SafeFetcher;
}

/** The composition root: the only place that picks concrete adapters. */
export async function createDateline(config: Config, overrides: DatelineOverrides = {}): Promise<Dateline> {
  const clock = overrides.clock ?? systemClock;
  const newId = overrides.newId ?? (() => uuidV7());
  const database = await openDatabase({ url: config.databaseUrl, sqlitePath: config.sqlitePath, ...(config.databaseSchema ? { pgSchema: config.databaseSchema } : {}) });
  const store = new KyselyStore(database.db, clock, { capabilities: database.capabilities, bulkWrites: database.bulkWrites });
  // With PostgreSQL several app nodes may share the database: changes reach every node's caches.
  const bus = database.capabilities.multiWriter && config.databaseUrl
    ? createPgContentBus({ connectionString: config.databaseUrl, schema: config.databaseSchema, local: createContentEvents() })
    : null;
  await bus?.start();
  const events: ContentEvents = bus ?? createContentEvents();
  const bodies = new MarkdownBodyRenderer();
  const settings = new SettingsService({ store, clock, events, overrides: config.siteUrl ? { url: config.siteUrl } : { url: `http://${config.host}:${config.port}` } });
  const taxonomies = new TaxonomyService({ store, newId, events });
  const authors = new AuthorService({ store, newId, events, clock });
  const sources = new SourceService({ store, newId, events });
  const quotes = new QuoteService({ store, clock, newId, bodies, events });
  const duplicates = new WireDuplicateService({ store, clock, bodies });
  const themes = new ThemeSuggestionService({ store, clock, bodies, taxonomies, trainer: workerThreadThemeTrainer });
  const themeRetrainer = new ThemeRetrainer({ themes, clock, log: console });
  const analysis = new ArticleAnalysisService({ store, clock, bodies, taxonomies, themes, duplicates });
  const analysisWorker = new AnalysisWorker({ store, clock, newId, analysis, quotes, duplicates, log: console });
  const articles = new ArticleService({ store, clock, newId, bodies, events, defaultLanguage: 'en', analysis, onTaggingChanged: () => themeRetrainer.noteTaggingChanged() });
  const directory = new SiteDirectory({ store, events });
  const site = new PublicSite({ store, clock, settings, taxonomies, directory });
  // On SQLite searches run on reader threads (PostgreSQL already answers them in its own processes).
  const searchThreads = config.searchThreads ?? defaultSearchThreads(availableParallelism());
  const searchPool = database.capabilities.fullText === 'fts5' && searchThreads > 0 ? new SearchThreadPool({ sqlitePath: database.location, threads: searchThreads }) : null;
  const searchMaintenance = new SearchMaintenance({ search: store.search, log: console });
  const search = new SiteSearch({ store, clock, site, taxonomies, directory, ...(searchPool ? { reader: searchPool } : {}) });
  const importer = new ImportService({ store, clock, articles, authors, sources, taxonomies, bodies, duplicates });
  const siteImport = new SiteImportService({ store, clock, newId, texts: new ImportTextPool({ threads: config.importThreads }), events, analysis });
  const syndication = new SyndicationQueries({ store, clock, settings, taxonomies, directory });
  const apiKeys = new ApiKeyService({ store, clock, newId });
  const mailer = createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom });
  const auth = new AuthService({ store, clock, newId, hasher: argon2PasswordHasher, mailer });
  const staff = new StaffService({ store, clock, auth, mailer });
  const demo = new DemoSeeder({ store, articles, authors, sources, taxonomies, settings });
  const safeFetcher = createSafeFetcher({
    timeoutMs: config.fetch.timeoutMs,
    maxBytes: config.fetch.maxBytes,
    ...(config.fetchAllowAddressesForTests.length ? { allowAddressesForTests: config.fetchAllowAddressesForTests } : {}),
    ...(config.fetchAllowPortsForTests.length ? { allowedPorts: config.fetchAllowPortsForTests } : {}),
  });
  const fetcher = resourceFetcherOver(safeFetcher);
  // Media files have the library's size cap, not the page cap.
  const mediaFetcher = overrides.mediaFetcher ?? createSafeFetcher({ timeoutMs: config.fetch.timeoutMs, maxBytes: config.media.maxBytes });
  const feeds = new FeedService({ store, clock, newId, sources, importer, fetcher, feeds: feedDocumentReader, pages: pageReader });
  const media = new MediaService({
    store, clock, newId, events, limits: { maxBytes: config.media.maxBytes },
    images: new SharpImageProcessor({ maxPixels: config.media.maxPixels }),
    files: new LocalDiskFileStore(mediaDir(config)),
  });
  const siteMedia = new SiteMediaImport({ store, clock, events, media, remote: mediaDownloaderOver(mediaFetcher) });
  const cache = new PageCache();
  cache.start(events);
  const searchCache = new PageCache({ maxEntries: 2_000, maxBytes: 64 * 1024 * 1024 });
  searchCache.start(events);
  const assets = loadStaticAssets();
  const editor = new ArticleEditor({ store, clock, newId, articles, auth });
  const presence = new PresenceBoard({ presence: store.presence, clock });
  const terms = new TermManagement({ store, taxonomies, auth, clock, events });
  const redirectService = new RedirectService({ store, auth, clock, settings });
  const adminAssets = loadAdminAssets();
  let timer: NodeJS.Timeout | null = null;

  const runScheduler = async () => {
    try {
      await articles.publishDue();
    } catch (error) {
      console.error('Publishing scheduled articles failed; will retry.', error);
    }
    try {
      for (const report of await feeds.pollDue()) {
        if (report.status === 'failed') console.error(`Feed ${report.feed.url}: ${report.error} (retry at ${report.feed.nextPollAt})`);
      }
    } catch (error) {
      console.error('Polling feeds failed; will retry.', error);
    }
  };

  return {
    config, database, store, events, clock, cache, searchCache,
    services: { articles, authors, staff, sources, taxonomies, settings, site, importer, demo, feeds, fetcher, apiKeys, auth, search, siteImport, siteMedia, media, editor, quotes, themes, duplicates, analysis, analysisWorker, themeRetrainer, searchMaintenance },
    buildServer: (options = {}) => buildServer({
      site, cache, assets: { ...assets, all: [...assets.all, ...adminAssets.all] }, syndication, clock, search, media, people: quotes, redirects: new RedirectResolver({ store }),
      searchCache: options.cacheSearches === false ? null : searchCache,
      admin: {
        auth, apiKeys, editor, presence, site, settings, taxonomies, assets: adminAssets.urls, publicAssets: assets, sanitize: (html) => bodies.sanitize(html),
        media, mediaMaxBytes: config.media.maxBytes, sources,
        analysis, authors, staff, terms, redirects: redirectService,
      },
      contentApi: { settings, taxonomies, keys: apiKeys, plaintext: (html) => bodies.toPlainText(html) }, sanitize: (html) => bodies.sanitize(html), logLevel: config.logLevel,
      health: async () => {
        try {
          await store.settings.get('health-probe');
          return { ok: true, database: 'reachable' };
        } catch {
          return { ok: false, database: 'unreachable' };
        }
      },
    }),
    async prepare({ demoContent }) {
      await taxonomies.ensureSeeded(config.taxonomiesFile ? loadTaxonomyFile(config.taxonomiesFile) : defaultTaxonomies);
      if (!demoContent) return 0;
      return demo.loadOnce({ authors: demoAuthors, sources: demoSources, articles: demoArticles }, clock.now());
    },
    archive: {
      export: (dir, progress) => exportSite(database, { dir, mediaDir: mediaDir(config), generator: `dateline ${DATELINE_VERSION}`, now: clock.now() }, progress),
      async restore(dir, progress) {
        const manifest = await restoreSite(database, { dir, mediaDir: mediaDir(config) }, progress);
        await store.search.rebuild();
        return manifest;
      },
    },
    start() {
      analysisWorker.start();
      themeRetrainer.start();
      searchMaintenance.start();
      if (timer) return;
      void runScheduler();
      timer = setInterval(() => void runScheduler(), config.schedulerIntervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await analysisWorker.stop();
      await searchMaintenance.stop();
      await searchPool?.close();
      await themeRetrainer.stop();
      cache.stop();
      searchCache.stop();
      await safeFetcher.close();
      await mediaFetcher.close();
      await bus?.stop();
      await database.close();
    },
  };
}
