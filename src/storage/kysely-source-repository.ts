import type { Kysely } from 'kysely';
import type { Instant, Slug, SourceId } from '../domain/ids.js';
import type { Source } from '../domain/source.js';
import type { SearchPolicy } from '../domain/syndication.js';
import type { SourceRepository } from '../app/ports.js';
import type { Database, SourceTable } from './schema.js';

const toSource = (r: SourceTable): Source => ({
  id: r.id as SourceId, slug: r.slug as Slug, name: r.name, url: r.url,
  defaultCopyrightLine: r.default_copyright_line, defaultLicence: r.default_licence,
  defaultSearchPolicy: r.default_search_policy as SearchPolicy,
});

const toRow = (s: Source) => ({
  slug: s.slug, name: s.name, url: s.url, default_copyright_line: s.defaultCopyrightLine,
  default_licence: s.defaultLicence, default_search_policy: s.defaultSearchPolicy,
});

/** Syndication sources over Kysely. */
export class KyselySourceRepository implements SourceRepository {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Instant) {}

  async insert(s: Source): Promise<void> {
    const at = this.now();
    await this.db.insertInto('sources').values({ id: s.id, ...toRow(s), created_at: at, updated_at: at }).execute();
  }

  async update(s: Source): Promise<void> {
    await this.db.updateTable('sources').set({ ...toRow(s), updated_at: this.now() }).where('id', '=', s.id).execute();
  }

  async getById(id: SourceId): Promise<Source | null> {
    const r = await this.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toSource(r) : null;
  }

  async getBySlug(slug: Slug): Promise<Source | null> {
    const r = await this.db.selectFrom('sources').selectAll().where('slug', '=', slug).executeTakeFirst();
    return r ? toSource(r) : null;
  }

  async findByName(name: string): Promise<Source | null> {
    const r = await this.db.selectFrom('sources').selectAll()
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).orderBy('created_at').executeTakeFirst();
    return r ? toSource(r) : null;
  }

  async list(): Promise<Source[]> {
    return (await this.db.selectFrom('sources').selectAll().orderBy('name').execute()).map(toSource);
  }

  async slugsStartingWith(prefix: string): Promise<Slug[]> {
    // Slugs hold only letters, digits and hyphens, so the prefix carries no LIKE wildcards.
    const rows = await this.db.selectFrom('sources').select('slug').where('slug', 'like', `${prefix}%`).execute();
    return rows.map((r) => r.slug as Slug);
  }
}
