/**
 * What changed, as cache tags. Pages record the tags of everything they show; a change
 * invalidates exactly the pages that share a tag with it.
 *  - `article:<id>`, `author:<id>`, `term:<id>`, `source:<id>`: one entity
 *  - `list:home`, `list:term:<id>`, `list:author:<id>`, `list:source:<id>`: a listing whose
 *    membership or order may change when an article in it is published, edited or withdrawn
 *  - `directory:authors`, `directory:sources`: the lists of all authors and sources
 *  - `settings`, `taxonomy`: site-wide data every page shows
 *  - `*`: anything may have changed (a node that lost contact with the others); drop everything
 */
export type CacheTag = string;

export interface ContentChange {
  tags: CacheTag[];
}

/** Subscribers hear about every committed change. */
export interface ContentEvents {
  publish(change: ContentChange): void;
  subscribe(listener: (change: ContentChange) => void): () => void;
}

/** In-process fan-out. Several app nodes add a bus adapter (PostgreSQL NOTIFY) on top. */
export function createContentEvents(): ContentEvents {
  const listeners = new Set<(change: ContentChange) => void>();
  return {
    publish(change) {
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const tags = {
  article: (id: string) => `article:${id}`,
  author: (id: string) => `author:${id}`,
  term: (id: string) => `term:${id}`,
  source: (id: string) => `source:${id}`,
  homeList: 'list:home',
  termList: (id: string) => `list:term:${id}`,
  authorList: (id: string) => `list:author:${id}`,
  sourceList: (id: string) => `list:source:${id}`,
  authorDirectory: 'directory:authors',
  sourceDirectory: 'directory:sources',
  settings: 'settings',
  everything: '*',
  taxonomy: 'taxonomy',
  /** A media library item (pages showing it as a picture). */
  media: (id: string) => `media:${id}`,
} as const;
