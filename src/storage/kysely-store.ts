import type { Kysely } from 'kysely';
import type { Clock, SearchIndex, Store } from '../app/ports.js';
import { fullTextEngineFor } from '../search/search-index-factory.js';
import { KyselySearchIndex } from '../search/kysely-search-index.js';
import type { BulkWrites, DatabaseCapabilities } from './database.js';
import { KyselyApiKeyRepository } from './kysely-api-key-repository.js';
import { KyselyArticleRepository } from './kysely-article-repository.js';
import { KyselyAuthorRepository } from './kysely-author-repository.js';
import { KyselyFeedRepository } from './kysely-feed-repository.js';
import { KyselyEditorialRepository } from './kysely-editorial-repository.js';
import { KyselySettingsRepository } from './kysely-settings-repository.js';
import { KyselySourceRepository } from './kysely-source-repository.js';
import {
  KyselyAuditLogRepository, KyselyPasswordResetRepository, KyselySessionRepository, KyselySignInThrottleRepository, KyselyUserRepository,
} from './kysely-staff-repositories.js';
import { KyselyTaxonomyRepository } from './kysely-taxonomy-repository.js';
import { KyselyQuoteRepository } from './kysely-quote-repository.js';
import { KyselyFingerprintRepository, KyselyThemeModelRepository } from './kysely-intelligence-repositories.js';
import type { Database } from './schema.js';
import { KyselyCommentRepository } from './kysely-comment-repository.js';
import { KyselyImportLedger } from './kysely-import-ledger.js';
import { KyselyPresenceRepository } from './kysely-presence-repository.js';
import { KyselyRedirectRepository } from './kysely-redirect-repository.js';
import { KyselyMediaRepository } from './kysely-media-repository.js';
import { KyselyMemberRepository } from './kysely-member-repository.js';
import { KyselyImportMediaLedger } from './kysely-import-media-ledger.js';
import { KyselyAnalysisQueue, KyselyArticleAnalysisRepository } from './kysely-analysis-queue.js';

/** The Store port over one Kysely executor (the database, or an open transaction). */
export class KyselyStore implements Store {
  readonly articles: KyselyArticleRepository;
  readonly authors: KyselyAuthorRepository;
  readonly sources: KyselySourceRepository;
  readonly taxonomies: KyselyTaxonomyRepository;
  readonly settings: KyselySettingsRepository;
  readonly feeds: KyselyFeedRepository;
  readonly apiKeys: KyselyApiKeyRepository;
  readonly users: KyselyUserRepository;
  readonly sessions: KyselySessionRepository;
  readonly signInThrottle: KyselySignInThrottleRepository;
  readonly passwordResets: KyselyPasswordResetRepository;
  readonly audit: KyselyAuditLogRepository;
  readonly search: SearchIndex;
  readonly comments: KyselyCommentRepository;
  readonly redirects: KyselyRedirectRepository;
  readonly presence: KyselyPresenceRepository;
  readonly imports: KyselyImportLedger;
  readonly media: KyselyMediaRepository;
  readonly editorial: KyselyEditorialRepository;
  readonly quotes: KyselyQuoteRepository;
  readonly themeModels: KyselyThemeModelRepository;
  readonly fingerprints: KyselyFingerprintRepository;
  readonly members: KyselyMemberRepository;
  readonly importMedia: KyselyImportMediaLedger;
  readonly analysisQueue: KyselyAnalysisQueue;
  readonly analyses: KyselyArticleAnalysisRepository;

  /** Effects waiting for the open transaction to commit; null outside a transaction. */
  private readonly pendingEffects: (() => void)[] | null;

  /** Pass `capabilities` (from openDatabase) to keep the search index in step and to search; without them neither happens. */
  constructor(private readonly db: Kysely<Database>, private readonly clock: Clock, private readonly options: { capabilities?: DatabaseCapabilities; bulkWrites?: BulkWrites } = {}, private readonly inTransaction = false) {
    this.pendingEffects = inTransaction ? [] : null;
    const now = () => clock.now();
    const fullText = options.capabilities ? fullTextEngineFor(options.capabilities) : null;
    this.search = fullText ? new KyselySearchIndex(db, fullText) : searchNotWired;
    this.articles = new KyselyArticleRepository(db, fullText);
    this.authors = new KyselyAuthorRepository(db, now);
    this.sources = new KyselySourceRepository(db, now);
    this.taxonomies = new KyselyTaxonomyRepository(db);
    this.settings = new KyselySettingsRepository(db);
    this.feeds = new KyselyFeedRepository(db);
    this.apiKeys = new KyselyApiKeyRepository(db);
    this.users = new KyselyUserRepository(db);
    this.sessions = new KyselySessionRepository(db);
    this.signInThrottle = new KyselySignInThrottleRepository(db);
    this.passwordResets = new KyselyPasswordResetRepository(db);
    this.audit = new KyselyAuditLogRepository(db);
    this.comments = new KyselyCommentRepository(db);
    this.redirects = new KyselyRedirectRepository(db);
    this.presence = new KyselyPresenceRepository(db);
    this.imports = new KyselyImportLedger(db);
    this.media = new KyselyMediaRepository(db);
    this.editorial = new KyselyEditorialRepository(db);
    this.quotes = new KyselyQuoteRepository(db);
    this.themeModels = new KyselyThemeModelRepository(db);
    this.fingerprints = new KyselyFingerprintRepository(db);
    this.members = new KyselyMemberRepository(db);
    this.importMedia = new KyselyImportMediaLedger(db);
    // Without capabilities (some tests) the store assumes one writer, as SQLite has.
    this.analysisQueue = new KyselyAnalysisQueue(db, options.capabilities?.multiWriter ?? false);
    this.analyses = new KyselyArticleAnalysisRepository(db);
  }

  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    let inner: KyselyStore | null = null;
    const result = await this.db.transaction().execute((trx) => work((inner = new KyselyStore(trx, this.clock, this.options, true))));
    for (const effect of inner!.pendingEffects ?? []) effect();
    return result;
  }

  bulkWrites<T>(work: () => Promise<T>): Promise<T> {
    // Inside a transaction the tuning would change nothing that matters; without one from openDatabase there is none to apply.
    return this.inTransaction || !this.options.bulkWrites ? work() : this.options.bulkWrites(work);
  }

  afterCommit(effect: () => void): void {
    if (this.pendingEffects) this.pendingEffects.push(effect);
    else effect();
  }
}

/** Fails loudly: a store built without capabilities is a wiring mistake, not an empty result. */
const notWired = () => Promise.reject(new Error('Search is not wired: create KyselyStore with { capabilities } from openDatabase().'));
const searchNotWired: SearchIndex = { search: notWired, rebuild: notWired, reindex: notWired, compact: notWired };
