import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SiteImportMapping } from '../app/site-import/site-import-mapping.js';
import { AppError } from '../domain/errors.js';

const mappingSchema = z.object({
  taxonomies: z.record(z.string(), z.object({
    taxonomy: z.string().min(1).nullable(),
    create: z.object({ name: z.string().min(1), pluralName: z.string().min(1) }).optional(),
  })).optional(),
  terms: z.record(z.string(), z.string().regex(/^[^/]+\/[^/]+$/, 'use "taxonomy-slug/term-slug"').nullable()).optional(),
  authors: z.record(z.string(), z.string().min(1)).optional(),
  postTypes: z.record(z.string(), z.enum(['article', 'skip'])).optional(),
  sticky: z.object({ taxonomy: z.string().min(1), term: z.string().min(1) }).nullable().optional(),
});

/** Reads an owner-edited import mapping (see `--print-mapping`) and lays it over the default: entries given win, the rest stay. */
export function loadSiteImportMappingFile(file: string, defaults: SiteImportMapping): SiteImportMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `Cannot read the import mapping file ${file}: ${(error as Error).message}`, { cause: error, details: { file } });
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new AppError('CONFIG_INVALID', `The import mapping file ${file} is not valid: ${problems}.`, { details: { file } });
  }
  const given = parsed.data;
  const taxonomies: SiteImportMapping['taxonomies'] = { ...defaults.taxonomies };
  for (const [key, value] of Object.entries(given.taxonomies ?? {})) taxonomies[key] = value.create ? { taxonomy: value.taxonomy, create: value.create } : { taxonomy: value.taxonomy };
  return {
    taxonomies,
    terms: { ...defaults.terms, ...given.terms },
    authors: { ...defaults.authors, ...given.authors },
    postTypes: { ...defaults.postTypes, ...given.postTypes },
    sticky: given.sticky === undefined ? defaults.sticky : given.sticky,
  };
}
