import { AppError } from '../domain/errors.js';
import type { Author, AuthorLink } from '../domain/author.js';
import type { AuthorId, IdGenerator, Slug } from '../domain/ids.js';
import { isSlug, slugify, slugLookupPrefix, uniqueSlug } from '../domain/slug.js';
import { can, type User } from '../domain/staff.js';
import { tags, type ContentEvents } from './content-events.js';
import type { Store } from './ports.js';

/** What an editor sets on an author's profile. */
export interface AuthorProfile {
  name: string;
  bio: string | null;
  url: string | null;
  avatarUrl: string | null;
  links: AuthorLink[];
}

const MAX_LINKS = 20;

/** Authors: created on import by name, edited by editors. */
export class AuthorService {
  constructor(private readonly deps: { store: Store; newId: IdGenerator; events: ContentEvents }) {}

  /** The author with this name (case-insensitive), created when there is none. */
  async findOrCreate(name: string, details: Partial<Pick<Author, 'bio' | 'url' | 'slug' | 'avatarUrl' | 'links'>> = {}, store: Store = this.deps.store): Promise<Author> {
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
      avatarUrl: details.avatarUrl ?? null,
      links: details.links ?? [],
    };
    await store.authors.insert(author);
    store.afterCommit(() => this.deps.events.publish({ tags: [tags.author(author.id), tags.authorDirectory] }));
    return author;
  }

  /** Every author, by name. */
  list(): Promise<Author[]> {
    return this.deps.store.authors.list();
  }

  async get(id: AuthorId): Promise<Author> {
    const author = await this.deps.store.authors.getById(id);
    if (!author) throw new AppError('AUTHOR_NOT_FOUND', 'There is no such author; they may have been removed.', { details: { id } });
    return author;
  }

  /** Adds an author from the back office; the name and the slug (given, or made from the name) must be free. */
  async create(input: AuthorProfile & { slug?: string }, actor: User): Promise<Author> {
    requireAuthorManagement(actor);
    const profile = cleanProfile(input);
    return this.deps.store.transaction(async (tx) => {
      if (await tx.authors.findByName(profile.name)) throw new AppError('SLUG_TAKEN', `There is already an author named "${profile.name}".`, { details: { field: 'name' } });
      const slug = input.slug?.trim() || null;
      if (slug !== null) await assertFreeSlug(tx, slug, null);
      return this.findOrCreate(profile.name, { ...profile, ...(slug ? { slug: slug as Slug } : {}) }, tx);
    });
  }

  /**
   * Changes an author's profile. A changed slug moves the public archive to the new address;
   * the old one stops answering, so editors are warned on the form.
   */
  async update(id: AuthorId, input: AuthorProfile & { slug: string }, actor: User): Promise<Author> {
    requireAuthorManagement(actor);
    const profile = cleanProfile(input);
    return this.deps.store.transaction(async (tx) => {
      const current = await tx.authors.getById(id);
      if (!current) throw new AppError('AUTHOR_NOT_FOUND', 'There is no such author; they may have been removed.', { details: { id } });
      const sameName = await tx.authors.findByName(profile.name);
      if (sameName && sameName.id !== id) throw new AppError('SLUG_TAKEN', `There is already an author named "${profile.name}".`, { details: { field: 'name' } });
      const slug = input.slug.trim() || current.slug;
      if (slug !== current.slug) await assertFreeSlug(tx, slug, id);
      const updated: Author = { ...current, ...profile, slug: slug as Slug };
      await tx.authors.update(updated);
      tx.afterCommit(() => this.deps.events.publish({ tags: [tags.author(id), tags.authorDirectory] }));
      return updated;
    });
  }
}

function requireAuthorManagement(actor: User): void {
  if (!can(actor.role, 'author.manage')) {
    throw new AppError('NOT_ALLOWED', `Your role (${actor.role}) does not allow managing authors.`, { details: { capability: 'author.manage' } });
  }
}

async function assertFreeSlug(store: Store, slug: string, self: AuthorId | null): Promise<void> {
  if (!isSlug(slug)) throw new AppError('INVALID_INPUT', `"${slug}" is not a slug: use lower-case letters, digits and hyphens.`, { details: { field: 'slug' } });
  const holder = await store.authors.getBySlug(slug as Slug);
  if (holder && holder.id !== self) throw new AppError('SLUG_TAKEN', `The slug "${slug}" is taken by ${holder.name}.`, { details: { field: 'slug' } });
}

const webAddress = /^https?:\/\/[^\s/]+/i;

function cleanProfile(input: AuthorProfile): AuthorProfile {
  const text = (value: string | null) => value?.trim() || null;
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (!name) throw new AppError('INVALID_INPUT', 'An author needs a name.', { details: { field: 'name' } });
  if (name.length > 200) throw new AppError('INVALID_INPUT', 'An author\'s name may have at most 200 characters.', { details: { field: 'name' } });
  const url = text(input.url);
  if (url !== null && !webAddress.test(url)) throw new AppError('INVALID_INPUT', `"${url}" is not a web address; use one starting with https://.`, { details: { field: 'url' } });
  const avatarUrl = text(input.avatarUrl);
  // The portrait is shown on public pages: a library image (a site path) or a web address, nothing else.
  if (avatarUrl !== null && !webAddress.test(avatarUrl) && !/^\/media\/[0-9a-f]{64}\/\d+\.(avif|webp|jpg|png)$/.test(avatarUrl)) {
    throw new AppError('INVALID_INPUT', 'Choose the portrait from the media library, or give a web address starting with https://.', { details: { field: 'avatarUrl' } });
  }
  if (input.links.length > MAX_LINKS) throw new AppError('INVALID_INPUT', `An author may have at most ${MAX_LINKS} links.`, { details: { field: 'links' } });
  const links = input.links.map((l) => ({ label: l.label.trim().slice(0, 100), url: l.url.trim() }));
  const bad = links.find((l) => !webAddress.test(l.url) || l.url.length > 2000);
  if (bad) throw new AppError('INVALID_INPUT', `"${bad.url}" is not a web address; links start with https://.`, { details: { field: 'links' } });
  return { name, bio: text(input.bio)?.slice(0, 5000) ?? null, url, avatarUrl, links };
}
