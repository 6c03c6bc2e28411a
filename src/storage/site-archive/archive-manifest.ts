import { z } from 'zod';

/** The first file of an export; see docs/export-format.md. */
export const ARCHIVE_FORMAT = 'dateline-site-export';
export const ARCHIVE_FORMAT_VERSION = 2;

export const archiveManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int(),
  exportedAt: z.string(),
  generator: z.string(),
  /** The schema the rows fit: the migrations the exporting database had applied. */
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string(), file: z.string(), rows: z.number().int().nonnegative(), sha256: z.string() })),
  media: z.object({ files: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), list: z.string(), sha256: z.string() }),
});
export type ArchiveManifest = z.infer<typeof archiveManifest>;
