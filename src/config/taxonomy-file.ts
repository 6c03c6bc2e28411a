import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SeedTaxonomy, SeedTerm } from '../domain/default-taxonomies.js';
import { AppError } from '../domain/errors.js';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens');
const termSchema: z.ZodType<SeedTerm> = z.lazy(() => z.object({
  name: z.string().min(1), slug, description: z.string().optional(), children: z.array(termSchema).optional(),
}));
const fileSchema = z.array(z.object({
  slug, name: z.string().min(1), pluralName: z.string().min(1), description: z.string().default(''), terms: z.array(termSchema),
}));

/**
 * Reads a site's own starting taxonomies (TAXONOMIES_FILE): a JSON array shaped like
 * src/domain/default-taxonomies.ts. Missing taxonomies and terms are created at start-up;
 * existing ones are left as editors have them.
 */
export function loadTaxonomyFile(file: string): SeedTaxonomy[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `Cannot read the taxonomy file ${file}: ${(error as Error).message}`, { cause: error, details: { file } });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new AppError('CONFIG_INVALID', `The taxonomy file ${file} is not valid: ${problems}.`, { details: { file } });
  }
  return parsed.data;
}
