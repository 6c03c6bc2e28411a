import type { Kysely } from 'kysely';
import type { FingerprintRepository, StoredFingerprint, StoredThemeModel, ThemeModelRepository } from '../app/ports.js';
import type { ArticleId, Instant, TaxonomyId } from '../domain/ids.js';
import type { ArticleFingerprintTable, Database } from './schema.js';

/** Trained theme models, one row per taxonomy. */
export class KyselyThemeModelRepository implements ThemeModelRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(taxonomyId: TaxonomyId): Promise<StoredThemeModel | null> {
    const r = await this.db.selectFrom('theme_models').selectAll().where('taxonomy_id', '=', taxonomyId).executeTakeFirst();
    return r ? { taxonomyId: r.taxonomy_id as TaxonomyId, model: r.model, trainedAt: r.trained_at as Instant, examples: Number(r.examples) } : null;
  }

  async trainedAt(taxonomyId: TaxonomyId): Promise<Instant | null> {
    const r = await this.db.selectFrom('theme_models').select('trained_at').where('taxonomy_id', '=', taxonomyId).executeTakeFirst();
    return (r?.trained_at as Instant | undefined) ?? null;
  }

  async put(m: StoredThemeModel): Promise<void> {
    const values = { model: m.model, trained_at: m.trainedAt, examples: m.examples };
    await this.db.insertInto('theme_models').values({ taxonomy_id: m.taxonomyId, ...values })
      .onConflict((oc) => oc.column('taxonomy_id').doUpdateSet(values)).execute();
  }
}

const toFingerprint = (r: ArticleFingerprintTable): StoredFingerprint => ({
  articleId: r.article_id as ArticleId, bodyHash: r.body_hash, signature: r.signature, shingles: Number(r.shingles),
  clusterId: r.cluster_id, createdAt: r.created_at as Instant,
});

/** Near-duplicate fingerprints and their look-up keys. */
export class KyselyFingerprintRepository implements FingerprintRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async put(f: StoredFingerprint, lookupKeys: readonly string[]): Promise<void> {
    const values = { body_hash: f.bodyHash, signature: f.signature, shingles: f.shingles, cluster_id: f.clusterId };
    await this.db.insertInto('article_fingerprints').values({ article_id: f.articleId, ...values, created_at: f.createdAt })
      .onConflict((oc) => oc.column('article_id').doUpdateSet(values)).execute();
    await this.db.deleteFrom('article_fingerprint_keys').where('article_id', '=', f.articleId).execute();
    const keys = [...new Set(lookupKeys)];
    if (keys.length) await this.db.insertInto('article_fingerprint_keys').values(keys.map((k) => ({ lookup_key: k, article_id: f.articleId }))).execute();
  }

  async get(articleId: ArticleId): Promise<StoredFingerprint | null> {
    const r = await this.db.selectFrom('article_fingerprints').selectAll().where('article_id', '=', articleId).executeTakeFirst();
    return r ? toFingerprint(r) : null;
  }

  async findByBodyHash(bodyHash: string): Promise<StoredFingerprint | null> {
    const r = await this.db.selectFrom('article_fingerprints').selectAll().where('body_hash', '=', bodyHash)
      .orderBy('created_at').orderBy('article_id').executeTakeFirst();
    return r ? toFingerprint(r) : null;
  }

  async findByLookupKeys(lookupKeys: readonly string[], limit: number): Promise<StoredFingerprint[]> {
    if (lookupKeys.length === 0) return [];
    const shared = await this.db.selectFrom('article_fingerprint_keys').select(['article_id', (eb) => eb.fn.countAll<number>().as('shared')])
      .where('lookup_key', 'in', [...new Set(lookupKeys)]).groupBy('article_id')
      .orderBy('shared', 'desc').orderBy('article_id').limit(limit).execute();
    if (shared.length === 0) return [];
    const rank = new Map(shared.map((r, i) => [r.article_id, i]));
    const rows = await this.db.selectFrom('article_fingerprints').selectAll().where('article_id', 'in', [...rank.keys()]).execute();
    return rows.map(toFingerprint).sort((a, b) => rank.get(a.articleId)! - rank.get(b.articleId)!);
  }

  async listCluster(clusterId: string): Promise<StoredFingerprint[]> {
    const rows = await this.db.selectFrom('article_fingerprints').selectAll().where('cluster_id', '=', clusterId).orderBy('created_at').orderBy('article_id').execute();
    return rows.map(toFingerprint);
  }

  async listForArticles(articleIds: readonly ArticleId[]): Promise<StoredFingerprint[]> {
    if (articleIds.length === 0) return [];
    const rows = await this.db.selectFrom('article_fingerprints').selectAll().where('article_id', 'in', [...articleIds]).execute();
    return rows.map(toFingerprint);
  }

  async listUnfingerprinted(limit: number): Promise<ArticleId[]> {
    const rows = await this.db.selectFrom('articles').select('articles.id')
      .leftJoin('article_fingerprints', 'article_fingerprints.article_id', 'articles.id')
      .where('article_fingerprints.article_id', 'is', null).orderBy('articles.created_at').orderBy('articles.id').limit(limit).execute();
    return rows.map((r) => r.id as ArticleId);
  }
}
