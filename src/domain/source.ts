import type { SearchPolicy } from './syndication.js';
import type { Slug, SourceId } from './ids.js';

/** A syndication partner or wire service whose stories the site republishes. */
export interface Source {
  id: SourceId;
  slug: Slug;
  name: string;
  url: string | null;
  defaultCopyrightLine: string | null;
  defaultLicence: string | null;
  defaultSearchPolicy: SearchPolicy;
}
