import { AppError } from '../domain/errors.js';
import type { Author } from '../domain/author.js';
import type { AuthorId, IdGenerator } from '../domain/ids.js';
import { slugify, slugLookupPrefix, uniqueSlug } from '../domain/slug.js';
import { tags, type ContentEvents } from './content-events.js';
import type { Store } from './ports.js';

/** Authors: created on import by name, edited by editors. */
export class AuthorService {
  constructor(private readonly deps: { store: Store; newId: IdGenerator; events: ContentEvents }) {}

  /** The author with this name (case-insensitive), created when there is none. */
  async findOrCreate(name: string, details: Partial<Pick<Author, 'bio' | 'url' | 'slug'>> = {}, store: Store = this.deps.store): Promise<Author> {
    const clean = name.replace(/\s+/g, ' ').trim();
    if (!clean) throw new AppError('INVALID_INPUT', 'An author needs a name.', { details: { field: 'name' } });
    const existing = await store.authors.findByName(clean);
    if (existing) return existing;
    const base = details.slug ?? slugify(clean);
    const taken = new Set(await store.authors.slugsStartingWith(slugLookupPrefix(base)));
    const author: Author = {
      id: this.deps.newId() as AuthorId,
      slug: uniqueSlug(base, (s) => taken.has(s)),
      name: clean,
      bio: details.bio ?? null,
      url: details.url ?? null,
    };
    await store.authors.insert(author);
    store.afterCommit(() => this.deps.events.publish({ tags: [tags.author(author.id), tags.authorDirectory] }));
    return author;
  }
}
