import { availableParallelism } from 'node:os';
import type { SiteImportItemOutcome, SiteImportReport } from '../app/site-import/site-import-service.js';
import { loadSiteImportMappingFile } from '../config/site-import-mapping-file.js';
import { defaultWxrMapping } from '../ingest/wxr/default-wxr-mapping.js';
import { fileChunks } from '../ingest/file-chunks.js';
import { readWxr } from '../ingest/wxr/read-wxr.js';
import { scanWxrFile } from '../ingest/wxr/scan-wxr.js';
import { wxrSiteEvents } from '../ingest/wxr/wxr-site-events.js';
import type { Dateline } from '../main.js';
import { createProgress } from './progress.js';
import { importSiteMedia, type SiteMediaOptions } from './import-site-media.js';
import type { SiteMediaReport } from '../app/site-import/site-media-import.js';
import { keepImportHeapSmall } from './import-heap.js';
import { wxrEventsOnThread } from '../workers/wxr-reader-thread.js';

export interface WxrImportOptions extends SiteMediaOptions {
  mappingFile?: string;
  /** Print the default mapping for this file and import nothing. */
  printMapping?: boolean;
  /** Read the file and say what it holds, writing nothing. */
  dryRun?: boolean;
  /** Print nothing per item (the benchmark). */
  quiet?: boolean;
  /** The longest field accepted, in characters (default: the reader's 16 M). */
  maxFieldChars?: number;
  /** Items per transaction (default: the service's). */
  batchSize?: number;
  /** Read the export on a thread of its own during the import (default: when the machine has more than one core; see readsOnThread). */
  readerThread?: boolean;
}

/** Imports one WordPress export: a first pass counts and collects media, the second writes item by item. */
export async function importWxrFile(dateline: Dateline, file: string, options: WxrImportOptions = {}): Promise<SiteImportOutcome | null> {
  keepImportHeapSmall(dateline.config);
  const readOptions = options.maxFieldChars ? { maxFieldChars: options.maxFieldChars } : {};
  // A dry run reads every item, to say where a broken file stops being XML.
  const { scan, fileHash } = await scanWxrFile(file, { ...readOptions, thorough: options.dryRun ?? false });
  const defaults = defaultWxrMapping(scan);
  if (options.printMapping) {
    console.log(JSON.stringify(defaultWxrMapping(scan, { listUnknownTypes: true }), null, 2));
    return null;
  }
  if (options.dryRun) {
    const types = [...scan.postTypes].map(([type, n]) => `${n} ${type || '(no type)'}`).join(', ');
    console.error(`${file}: WordPress export of ${scan.site.link || 'an unnamed site'}: ${scan.authors} authors, ${scan.terms} terms, ${scan.items} items (${types}), ${scan.comments} comments${scan.fatal ? `; reading stopped: ${scan.fatal}` : ''}. Nothing was written (--dry-run).`);
    return null;
  }
  const mapping = options.mappingFile ? loadSiteImportMappingFile(options.mappingFile, defaults) : defaults;
  const siteUrl = scan.site.baseBlogUrl || scan.site.link || scan.site.baseSiteUrl;
  const progress = createProgress(scan.authors + scan.terms + scan.items, 'items');
  let externalMedia = 0;
  let skippedByMapping = 0;
  const onItem = (outcome: SiteImportItemOutcome) => {
    progress.tick(outcome.label);
    if (options.quiet) return;
    if (outcome.state === 'external') externalMedia++;
    else if (outcome.state === 'skipped' && outcome.reason?.includes('set to skip in the mapping')) skippedByMapping++;
    else if (outcome.state === 'failed' || outcome.state === 'skipped') {
      console.error(`${file}: ${outcome.label} ${outcome.state}: ${outcome.reason}`);
    } else if (outcome.notes.length) {
      console.error(`${file}: ${outcome.label}: ${outcome.notes.join('; ')}`);
    }
  };
  const sourceKey = siteUrl ? `wxr:${siteUrl.replace(/\/+$/, '')}` : `wxr:file:${fileHash}`;
  const report = await dateline.services.siteImport.run({
    format: 'wxr', sourceKey, fileHash, fileName: file,
    events: readsOnThread(dateline, options) ? wxrEventsOnThread(file, readOptions, scan) : wxrSiteEvents(readWxr(fileChunks(file), readOptions), scan), mapping, ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  }, onItem);
  progress.stop();
  if (!options.quiet) {
    if (skippedByMapping) console.error(`${file}: ${skippedByMapping} items of post types the mapping skips (menus, revisions, templates…) were left out`);
    if (externalMedia && !options.downloadMedia) console.error(`${file}: ${externalMedia} attachments stay at their old addresses and pages link to them there; run the import again with --download-media to copy them into the media library`);
    console.error(describeReport(file, report));
  }
  return { ...report, media: await importSiteMedia(dateline, file, sourceKey, options) };
}

/**
 * Whether the second reading of the export runs on a thread of its own, beside the writes: unless
 * the machine has one core or the import is told to use no threads (IMPORT_THREADS=0).
 */
function readsOnThread(dateline: Dateline, options: WxrImportOptions): boolean {
  return options.readerThread ?? (dateline.config.importThreads !== 0 && availableParallelism() > 1);
}

/** The item import's report, and the media one when media was copied. */
export type SiteImportOutcome = SiteImportReport & { media: SiteMediaReport | null };

/** The closing lines of an import. */
export function describeReport(file: string, report: SiteImportReport): string {
  const c = report.counts;
  const lines = [
    `${file}: ${report.resumed ? 'resumed; ' : ''}${c.articles} articles, ${c.comments} comments, ${c.authors} authors, ${c.terms} terms, ${c.redirects} redirects${c.members ? ` and ${c.members} members` : ''} imported; ` +
    `${c.already} already imported (or repeated in the file), ${c.skipped} skipped, ${c.external} attachments recorded, ${c.failed} failed`,
  ];
  if (report.fatal) lines.push(`${file}: reading stopped: ${report.fatal}. Everything before that point is imported; fix the file and run the import again to continue.`);
  return lines.join('\n');
}
