import { AppError } from '../domain/errors.js';
import type { IdGenerator, Slug, SourceId } from '../domain/ids.js';
import { isSlug, slugify, slugLookupPrefix, uniqueSlug } from '../domain/slug.js';
import { can, type User } from '../domain/staff.js';
import { searchPolicies, type SearchPolicy } from '../domain/syndication.js';
import type { Source } from '../domain/source.js';
import { tags, type ContentEvents } from './content-events.js';
import type { Store } from './ports.js';

/** Syndication sources: created on import by name, their licence terms edited by editors. */
export class SourceService {
  constructor(private readonly deps: { store: Store; newId: IdGenerator; events: ContentEvents }) {}

  /** The source with this name (case-insensitive), created with `defaults` when there is none. */
  async findOrCreate(name: string, defaults: Partial<Omit<Source, 'id' | 'name'>> = {}, store: Store = this.deps.store): Promise<Source> {
    const clean = name.replace(/\s+/g, ' ').trim();
    if (!clean) throw new AppError('INVALID_INPUT', 'A source needs a name.', { details: { field: 'name' } });
    const existing = await store.sources.findByName(clean);
    if (existing) return existing;
    const base = defaults.slug ?? slugify(clean);
    const taken = new Set(await store.sources.slugsStartingWith(slugLookupPrefix(base)));
    const source: Source = {
      id: this.deps.newId() as SourceId,
      slug: uniqueSlug(base, (s) => taken.has(s)),
      name: clean,
      url: defaults.url ?? null,
      defaultCopyrightLine: defaults.defaultCopyrightLine ?? null,
      defaultLicence: defaults.defaultLicence ?? null,
      defaultSearchPolicy: defaults.defaultSearchPolicy ?? 'noindex',
    };
    await store.sources.insert(source);
    store.afterCommit(() => this.deps.events.publish({ tags: [tags.source(source.id), tags.sourceDirectory] }));
    return source;
  }

  /** Every source, by name. */
  async list(): Promise<Source[]> {
    return (await this.deps.store.sources.list()).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(id: SourceId): Promise<Source> {
    const source = await this.deps.store.sources.getById(id);
    if (!source) throw new AppError('SOURCE_NOT_FOUND', 'There is no such source; it may have been removed.', { details: { id } });
    return source;
  }

  /** Adds a source with its licence terms; its name and slug must be free. */
  async create(input: SourceTerms & { name: string; slug?: string }, actor: User): Promise<Source> {
    requireSourceManagement(actor);
    const { store } = this.deps;
    return store.transaction(async (tx) => {
      const name = cleanName(input.name);
      if (await tx.sources.findByName(name)) throw new AppError('SLUG_TAKEN', `There is already a source named "${name}".`, { details: { field: 'name' } });
      const slug = input.slug === undefined ? null : input.slug.trim();
      if (slug !== null && !isSlug(slug)) throw new AppError('INVALID_INPUT', `"${slug}" is not a slug: use lower-case letters, digits and hyphens.`, { details: { field: 'slug' } });
      if (slug !== null && await tx.sources.getBySlug(slug as Slug)) throw new AppError('SLUG_TAKEN', `The slug "${slug}" is taken by another source.`, { details: { field: 'slug' } });
      return this.findOrCreate(name, { ...cleanTerms(input), ...(slug ? { slug: slug as Slug } : {}) }, tx);
    });
  }

  /**
   * Changes a source's name or licence terms. Articles keep the attribution they were published
   * with; the new terms are the defaults for what is republished next. The slug stays, so the
   * source's archive keeps its URL.
   */
  async update(id: SourceId, changes: Partial<SourceTerms> & { name?: string }, actor: User): Promise<Source> {
    requireSourceManagement(actor);
    const { store } = this.deps;
    return store.transaction(async (tx) => {
      const current = await tx.sources.getById(id);
      if (!current) throw new AppError('SOURCE_NOT_FOUND', 'There is no such source; it may have been removed.', { details: { id } });
      const name = changes.name === undefined ? current.name : cleanName(changes.name);
      const sameName = await tx.sources.findByName(name);
      if (sameName && sameName.id !== id) throw new AppError('SLUG_TAKEN', `There is already a source named "${name}".`, { details: { field: 'name' } });
      const updated: Source = { ...current, ...cleanTerms({ ...current, ...changes }), name };
      await tx.sources.update(updated);
      tx.afterCommit(() => this.deps.events.publish({ tags: [tags.source(id), tags.sourceDirectory, tags.sourceList(id)] }));
      return updated;
    });
  }
}

/** What an editor sets on a source: where it lives and the terms its stories are republished under. */
export interface SourceTerms {
  url: string | null;
  defaultCopyrightLine: string | null;
  defaultLicence: string | null;
  defaultSearchPolicy: SearchPolicy;
}

function requireSourceManagement(actor: User): void {
  if (!can(actor.role, 'source.manage')) {
    throw new AppError('NOT_ALLOWED', `Your role (${actor.role}) does not allow managing sources.`, { details: { capability: 'source.manage' } });
  }
}

function cleanName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new AppError('INVALID_INPUT', 'A source needs a name.', { details: { field: 'name' } });
  if (clean.length > 200) throw new AppError('INVALID_INPUT', 'A source name may have at most 200 characters.', { details: { field: 'name' } });
  return clean;
}

function cleanTerms(terms: Partial<SourceTerms>): Partial<SourceTerms> {
  const text = (value: string | null | undefined) => value?.trim() || null;
  const url = text(terms.url);
  // Shown as a link on the source's page and in structured data: only web addresses.
  if (url !== null && !/^https?:\/\/[^\s/]+/i.test(url)) throw new AppError('INVALID_INPUT', `"${url}" is not a web address; use one starting with https://.`, { details: { field: 'url' } });
  if (terms.defaultSearchPolicy !== undefined && !searchPolicies.includes(terms.defaultSearchPolicy)) {
    throw new AppError('INVALID_INPUT', `The search policy must be one of ${searchPolicies.join(', ')}.`, { details: { field: 'defaultSearchPolicy' } });
  }
  return {
    ...(terms.url !== undefined ? { url } : {}),
    ...(terms.defaultCopyrightLine !== undefined ? { defaultCopyrightLine: text(terms.defaultCopyrightLine) } : {}),
    ...(terms.defaultLicence !== undefined ? { defaultLicence: text(terms.defaultLicence) } : {}),
    ...(terms.defaultSearchPolicy !== undefined ? { defaultSearchPolicy: terms.defaultSearchPolicy } : {}),
  };
}
