import type { Kysely } from 'kysely';
import type { ImportedMedia, ImportMediaLedger } from '../app/site-import/import-media-ports.js';
import type { ArticleId, Instant } from '../domain/ids.js';
import type { MediaId } from '../domain/media.js';
import type { Database, ImportMediaTable } from './schema.js';

const toEntry = (r: ImportMediaTable): ImportedMedia => ({
  sourceKey: r.source_key, url: r.url, state: r.state as ImportedMedia['state'], mediaId: r.media_id as MediaId | null, reason: r.reason, at: r.at as Instant,
});

/** The media record of site imports over Kysely. */
export class KyselyImportMediaLedger implements ImportMediaLedger {
  constructor(private readonly db: Kysely<Database>) {}

  async find(sourceKey: string, url: string): Promise<ImportedMedia | null> {
    const r = await this.db.selectFrom('import_media').selectAll().where('source_key', '=', sourceKey).where('url', '=', url).executeTakeFirst();
    return r ? toEntry(r) : null;
  }

  async record(e: ImportedMedia): Promise<void> {
    const row = { state: e.state, media_id: e.mediaId, reason: e.reason, at: e.at };
    await this.db.insertInto('import_media').values({ source_key: e.sourceKey, url: e.url, ...row })
      .onConflict((oc) => oc.columns(['source_key', 'url']).doUpdateSet(row)).execute();
  }

  async list(sourceKey: string, state: ImportedMedia['state']): Promise<ImportedMedia[]> {
    const rows = await this.db.selectFrom('import_media').selectAll().where('source_key', '=', sourceKey).where('state', '=', state).orderBy('url').execute();
    return rows.map(toEntry);
  }

  async externalItems(sourceKey: string, afterKey: string, limit: number): Promise<{ originKey: string; url: string }[]> {
    const rows = await this.db.selectFrom('import_items').select(['origin_key', 'target_id'])
      .where('source_key', '=', sourceKey).where('state', '=', 'external').where('target_id', 'is not', null).where('origin_key', '>', afterKey)
      .orderBy('origin_key').limit(limit).execute();
    return rows.map((r) => ({ originKey: r.origin_key, url: r.target_id! }));
  }

  async importedArticles(sourceKey: string, afterId: string, limit: number): Promise<ArticleId[]> {
    const rows = await this.db.selectFrom('import_items').innerJoin('articles', 'articles.id', 'import_items.target_id').select('articles.id')
      .where('import_items.source_key', '=', sourceKey).where('import_items.state', '=', 'imported').where('articles.id', '>', afterId)
      .orderBy('articles.id').limit(limit).execute();
    return rows.map((r) => r.id as ArticleId);
  }
}
