import type { Kysely } from 'kysely';
import type { Author, AuthorLink } from '../domain/author.js';
import type { AuthorId, Instant, Slug } from '../domain/ids.js';
import type { AuthorRepository } from '../app/ports.js';
import type { AuthorTable, Database } from './schema.js';

const toAuthor = (r: AuthorTable): Author => ({
  id: r.id as AuthorId, slug: r.slug as Slug, name: r.name, bio: r.bio, url: r.url, avatarUrl: r.avatar_url, links: parseLinks(r.links),
});

function parseLinks(json: string): AuthorLink[] {
  const value: unknown = JSON.parse(json || '[]');
  return Array.isArray(value) ? value.filter((l): l is AuthorLink => typeof l?.label === 'string' && typeof l?.url === 'string') : [];
}

/** Authors over Kysely. */
export class KyselyAuthorRepository implements AuthorRepository {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Instant) {}

  async insert(a: Author): Promise<void> {
    const at = this.now();
    await this.db.insertInto('authors').values({ id: a.id, slug: a.slug, name: a.name, bio: a.bio, url: a.url, avatar_url: a.avatarUrl, links: JSON.stringify(a.links), created_at: at, updated_at: at }).execute();
  }

  async update(a: Author): Promise<void> {
    await this.db.updateTable('authors').set({ slug: a.slug, name: a.name, bio: a.bio, url: a.url, avatar_url: a.avatarUrl, links: JSON.stringify(a.links), updated_at: this.now() }).where('id', '=', a.id).execute();
  }

  async getById(id: AuthorId): Promise<Author | null> {
    const r = await this.db.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toAuthor(r) : null;
  }

  async getBySlug(slug: Slug): Promise<Author | null> {
    const r = await this.db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
    return r ? toAuthor(r) : null;
  }

  async getMany(ids: readonly AuthorId[]): Promise<Author[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('authors').selectAll().where('id', 'in', [...ids]).execute();
    return rows.map(toAuthor);
  }

  async findByName(name: string): Promise<Author | null> {
    const r = await this.db.selectFrom('authors').selectAll()
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).orderBy('created_at').executeTakeFirst();
    return r ? toAuthor(r) : null;
  }

  async list(): Promise<Author[]> {
    return (await this.db.selectFrom('authors').selectAll().orderBy('name').execute()).map(toAuthor);
  }

  async slugsStartingWith(prefix: string): Promise<Slug[]> {
    // Slugs hold only letters, digits and hyphens, so the prefix carries no LIKE wildcards.
    const rows = await this.db.selectFrom('authors').select('slug').where('slug', 'like', `${prefix}%`).execute();
    return rows.map((r) => r.slug as Slug);
  }
}
