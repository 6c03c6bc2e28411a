import type { Instant } from './ids.js';

/**
 * One pass of an importer over one export file. A run killed half-way is picked up again by the
 * next run of the same file; items already recorded (see ImportItem) are not touched twice.
 */
export interface ImportRun {
  id: string;
  /** `wxr`, `ghost`, `restore`… */
  format: string;
  /** The site the export came from (`wxr:https://example.org`), or the file hash when it names none. */
  sourceKey: string;
  /** SHA-256 of the file, to tell a resumed run from an import of a newer export. */
  fileHash: string;
  fileName: string;
  state: 'running' | 'finished';
  startedAt: Instant;
  finishedAt: Instant | null;
  /** Counts by outcome, written when the run finishes. */
  summary: Record<string, number> | null;
}

/** What happened to one item of an export; written in the same transaction as the item itself. */
export const importItemStates = ['imported', 'skipped', 'failed', 'external'] as const;
export type ImportItemState = (typeof importItemStates)[number];

export interface ImportItem {
  sourceKey: string;
  /** The item's key in the export, such as `wxr:post:123` or `wxr:term:category:news`. */
  originKey: string;
  runId: string;
  state: ImportItemState;
  /** The id of what it became here (article, author, term…), or an external URL for media kept as a link. */
  targetId: string | null;
  /** Why it was skipped or failed, or a note on how it was imported. */
  reason: string | null;
  at: Instant;
}
