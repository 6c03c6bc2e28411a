import type { Author } from '../domain/author.js';
import type { AuthorId, SourceId } from '../domain/ids.js';
import type { Source } from '../domain/source.js';
import { tags, type ContentEvents } from './content-events.js';
import type { Store } from './ports.js';

/**
 * Every author and source of the site, read once and kept until one changes (their services
 * publish `directory:authors` and `directory:sources`; an import or a node that lost contact
 * publishes `*`). The search page lists them all in its filter form on every request, and
 * listings resolve bylines and sources from them: at 100,000 articles and 50 authors, those
 * queries were a fifth of an uncached search page's time on the main thread.
 */
export class SiteDirectory {
  private authorList: Promise<Author[]> | null = null;
  private sourceList: Promise<Source[]> | null = null;

  constructor(private readonly deps: { store: Store; events: ContentEvents }) {
    deps.events.subscribe((change) => {
      const everything = change.tags.includes(tags.everything);
      if (everything || change.tags.includes(tags.authorDirectory)) this.authorList = null;
      if (everything || change.tags.includes(tags.sourceDirectory)) this.sourceList = null;
    });
  }

  /** Every author, by name. */
  authors(): Promise<Author[]> {
    const list = (this.authorList ??= this.deps.store.authors.list());
    list.catch(() => { if (this.authorList === list) this.authorList = null; });
    return list;
  }

  /** Every source, by name. */
  sources(): Promise<Source[]> {
    const list = (this.sourceList ??= this.deps.store.sources.list());
    list.catch(() => { if (this.sourceList === list) this.sourceList = null; });
    return list;
  }

  /** The authors with these ids that exist, in no particular order. */
  async authorsByIds(ids: readonly AuthorId[]): Promise<Author[]> {
    if (ids.length === 0) return [];
    const wanted = new Set<string>(ids);
    return (await this.authors()).filter((a) => wanted.has(a.id));
  }

  /** The sources with these ids that exist, by id. */
  async sourcesByIds(ids: readonly SourceId[]): Promise<Map<string, Source>> {
    if (ids.length === 0) return new Map();
    const wanted = new Set<string>(ids);
    return new Map((await this.sources()).filter((s) => wanted.has(s.id)).map((s) => [s.id, s]));
  }
}
