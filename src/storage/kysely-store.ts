import type { Kysely } from 'kysely';
import type { Clock, Store } from '../app/ports.js';
import { KyselyApiKeyRepository } from './kysely-api-key-repository.js';
import { KyselyArticleRepository } from './kysely-article-repository.js';
import { KyselyAuthorRepository } from './kysely-author-repository.js';
import { KyselyFeedRepository } from './kysely-feed-repository.js';
import { KyselySettingsRepository } from './kysely-settings-repository.js';
import { KyselySourceRepository } from './kysely-source-repository.js';
import { KyselyTaxonomyRepository } from './kysely-taxonomy-repository.js';
import type { Database } from './schema.js';

/** The Store port over one Kysely executor (the database, or an open transaction). */
export class KyselyStore implements Store {
  readonly articles: KyselyArticleRepository;
  readonly authors: KyselyAuthorRepository;
  readonly sources: KyselySourceRepository;
  readonly taxonomies: KyselyTaxonomyRepository;
  readonly settings: KyselySettingsRepository;
  readonly feeds: KyselyFeedRepository;
  readonly apiKeys: KyselyApiKeyRepository;

  /** Effects waiting for the open transaction to commit; null outside a transaction. */
  private readonly pendingEffects: (() => void)[] | null;

  constructor(private readonly db: Kysely<Database>, private readonly clock: Clock, private readonly inTransaction = false) {
    this.pendingEffects = inTransaction ? [] : null;
    const now = () => clock.now();
    this.articles = new KyselyArticleRepository(db);
    this.authors = new KyselyAuthorRepository(db, now);
    this.sources = new KyselySourceRepository(db, now);
    this.taxonomies = new KyselyTaxonomyRepository(db);
    this.settings = new KyselySettingsRepository(db);
    this.feeds = new KyselyFeedRepository(db);
    this.apiKeys = new KyselyApiKeyRepository(db);
  }

  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    let inner: KyselyStore | null = null;
    const result = await this.db.transaction().execute((trx) => work((inner = new KyselyStore(trx, this.clock, true))));
    for (const effect of inner!.pendingEffects ?? []) effect();
    return result;
  }

  afterCommit(effect: () => void): void {
    if (this.pendingEffects) this.pendingEffects.push(effect);
    else effect();
  }
}
