import { z } from 'zod';

/** Which Region terms (by slug) each country (ISO 3166-1 alpha-2) belongs to; stored as a site setting. */
export interface RegionMapping {
  countries: Record<string, string[]>;
}

const regionMappingSchema = z.object({
  countries: z.record(z.string().regex(/^[A-Z]{2}$/), z.array(z.string().min(1))),
});

/** A stored mapping validated, or undefined when it is missing or malformed (the default applies then). */
export function parseRegionMapping(value: unknown): RegionMapping | undefined {
  const parsed = regionMappingSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The mapping with Region term `fromSlug` replaced by `toSlug` (a renamed or merged term), or null when it never names `fromSlug`. */
export function renameRegionInMapping(mapping: RegionMapping, fromSlug: string, toSlug: string): RegionMapping | null {
  if (!Object.values(mapping.countries).some((slugs) => slugs.includes(fromSlug))) return null;
  const countries = Object.fromEntries(Object.entries(mapping.countries)
    .map(([code, slugs]) => [code, [...new Set(slugs.map((slug) => (slug === fromSlug ? toSlug : slug)))]]));
  return { countries };
}
