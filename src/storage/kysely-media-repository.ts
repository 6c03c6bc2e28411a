import type { Kysely } from 'kysely';
import type { MediaRepository } from '../app/ports.js';
import type { ArticleId, Instant } from '../domain/ids.js';
import type { MediaFormat, MediaId, MediaItem, MediaVariant } from '../domain/media.js';
import type { UserId } from '../domain/staff.js';
import type { Database, MediaTable, MediaVariantTable } from './schema.js';

const toVariant = (r: MediaVariantTable): MediaVariant => ({
  width: Number(r.width), height: Number(r.height), format: r.format as MediaFormat, path: r.path, bytes: Number(r.bytes),
});

const toItem = (r: MediaTable, variants: MediaVariant[]): MediaItem => ({
  id: r.id as MediaId, originalFilename: r.original_filename, mime: r.mime, width: Number(r.width), height: Number(r.height),
  bytes: Number(r.bytes), sha256: r.sha256, altText: r.alt_text, caption: r.caption, credit: r.credit,
  uploadedBy: r.uploaded_by as UserId | null, createdAt: r.created_at as Instant,
  variants: variants.sort((a, b) => a.format.localeCompare(b.format) || a.width - b.width),
});

/** The media library over Kysely. */
export class KyselyMediaRepository implements MediaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(m: MediaItem): Promise<void> {
    await this.db.insertInto('media').values({
      id: m.id, original_filename: m.originalFilename, mime: m.mime, width: m.width, height: m.height, bytes: m.bytes,
      sha256: m.sha256, alt_text: m.altText, caption: m.caption, credit: m.credit, uploaded_by: m.uploadedBy, created_at: m.createdAt,
    }).execute();
    if (m.variants.length === 0) return;
    await this.db.insertInto('media_variants')
      .values(m.variants.map((v) => ({ media_id: m.id, width: v.width, height: v.height, format: v.format, path: v.path, bytes: v.bytes })))
      .execute();
  }

  async updateDescription(id: MediaId, d: { altText: string; caption: string | null; credit: string | null }): Promise<void> {
    await this.db.updateTable('media').set({ alt_text: d.altText, caption: d.caption, credit: d.credit }).where('id', '=', id).execute();
  }

  async delete(id: MediaId): Promise<void> {
    // Explicitly, not by cascade: SQLite enforces foreign keys only per connection setting.
    await this.db.deleteFrom('media_variants').where('media_id', '=', id).execute();
    await this.db.deleteFrom('media').where('id', '=', id).execute();
  }

  async getById(id: MediaId): Promise<MediaItem | null> {
    const r = await this.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? (await this.withVariants([r]))[0]! : null;
  }

  async getBySha256(sha256: string): Promise<MediaItem | null> {
    const r = await this.db.selectFrom('media').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return r ? (await this.withVariants([r]))[0]! : null;
  }

  async getManyBySha256(sha256s: readonly string[]): Promise<MediaItem[]> {
    if (sha256s.length === 0) return [];
    return this.withVariants(await this.db.selectFrom('media').selectAll().where('sha256', 'in', [...new Set(sha256s)]).execute());
  }

  async list(page: { offset: number; limit: number }): Promise<MediaItem[]> {
    const rows = await this.db.selectFrom('media').selectAll()
      .orderBy('created_at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute();
    return this.withVariants(rows);
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('media').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async articlesUsing(sha256: string, limit: number): Promise<{ id: ArticleId; title: string }[]> {
    // A sha256 is hex, so the pattern carries no LIKE wildcards.
    const pattern = `%/media/${sha256}/%`;
    const rows = await this.db.selectFrom('articles').select(['id', 'title'])
      .where((eb) => eb.or([eb('feature_image', 'like', pattern), eb('body_html', 'like', pattern)]))
      .orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ id: r.id as ArticleId, title: r.title }));
  }

  private async withVariants(rows: MediaTable[]): Promise<MediaItem[]> {
    if (rows.length === 0) return [];
    const variants = await this.db.selectFrom('media_variants').selectAll().where('media_id', 'in', rows.map((r) => r.id)).execute();
    const byItem = new Map<string, MediaVariant[]>();
    for (const v of variants) {
      const list = byItem.get(v.media_id) ?? [];
      list.push(toVariant(v));
      byItem.set(v.media_id, list);
    }
    return rows.map((r) => toItem(r, byItem.get(r.id) ?? []));
  }
}
