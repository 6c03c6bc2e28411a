import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { SubjectMapping } from '../ingest/ninjs/map-subjects-to-terms.js';

const mappingSchema = z.array(z.object({
  match: z.object({ scheme: z.string().min(1).optional(), code: z.string().min(1).optional(), name: z.string().min(1).optional() })
    .refine((m) => m.code || m.name, 'a rule must match a code or a name'),
  taxonomy: z.string().min(1),
  term: z.string().min(1),
}));

/**
 * Reads the site's own table for mapping ninjs subjects and places onto its taxonomies
 * (NINJS_MAPPING_FILE): a JSON array of `{ "match": { "code": "medtop:11000000" }, "taxonomy": "Theme", "term": "Politics and Elections" }`.
 */
export function loadNinjsMappingFile(file: string): SubjectMapping[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `Cannot read the ninjs mapping file ${file}: ${(error as Error).message}`, { cause: error, details: { file } });
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new AppError('CONFIG_INVALID', `The ninjs mapping file ${file} is not valid: ${problems}.`, { details: { file } });
  }
  return parsed.data.map((rule) => ({ ...rule, match: Object.fromEntries(Object.entries(rule.match).filter(([, v]) => v !== undefined)) }));
}
