import { AppError } from '../domain/errors.js';
import type { IdGenerator, SourceId } from '../domain/ids.js';
import { slugify, slugLookupPrefix, uniqueSlug } from '../domain/slug.js';
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
}
