import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { SiteImportItemOutcome } from '../app/site-import/site-import-service.js';
import { loadSiteImportMappingFile } from '../config/site-import-mapping-file.js';
import { defaultGhostMapping, ghostSiteEvents } from '../ingest/ghost/ghost-site-events.js';
import { readGhostExport } from '../ingest/ghost/read-ghost-export.js';
import type { Dateline } from '../main.js';
import { describeReport, type SiteImportOutcome } from './import-wxr.js';
import { importSiteMedia, type SiteMediaOptions } from './import-site-media.js';
import { createProgress } from './progress.js';
import { keepImportHeapSmall } from './import-heap.js';

export interface GhostImportOptions extends SiteMediaOptions {
  mappingFile?: string;
  printMapping?: boolean;
  /** The old Ghost site's address, for images and links Ghost exported as relative or `__GHOST_URL__`. */
  sourceUrl?: string;
  /** Items per transaction (default: the service's). */
  batchSize?: number;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Imports one Ghost JSON export through the same checkpointed site import as WordPress. */
export async function importGhostFile(dateline: Dateline, file: string, options: GhostImportOptions = {}): Promise<SiteImportOutcome | null> {
  keepImportHeapSmall(dateline.config);
  const defaults = defaultGhostMapping();
  if (options.printMapping) {
    console.log(JSON.stringify(defaults, null, 2));
    return null;
  }
  const mapping = options.mappingFile ? loadSiteImportMappingFile(options.mappingFile, defaults) : defaults;
  const fileHash = await sha256Of(file);
  const exp = await readGhostExport(file);
  const siteUrl = options.sourceUrl?.replace(/\/+$/, '') ?? null;
  const progress = createProgress(exp.users.length + exp.tags.length, 'items');
  const onItem = (outcome: SiteImportItemOutcome) => {
    progress.tick(outcome.label);
    if (options.quiet) return;
    if (outcome.state === 'failed' || outcome.state === 'skipped') console.error(`${file}: ${outcome.label} ${outcome.state}: ${outcome.reason}`);
    else if (outcome.notes.length) console.error(`${file}: ${outcome.label}: ${outcome.notes.join('; ')}`);
  };
  const sourceKey = siteUrl ? `ghost:${siteUrl}` : `ghost:file:${fileHash}`;
  const report = await dateline.services.siteImport.run({
    format: 'ghost', sourceKey, fileHash, fileName: file,
    events: ghostSiteEvents(exp, { siteUrl }), mapping, ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  }, onItem);
  progress.stop();
  if (!options.quiet) console.error(describeReport(file, report));
  return { ...report, media: await importSiteMedia(dateline, file, sourceKey, options) };
}
