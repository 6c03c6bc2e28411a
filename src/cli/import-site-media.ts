import type { SiteMediaOutcome, SiteMediaReport } from '../app/site-import/site-media-import.js';
import type { Dateline } from '../main.js';
import { createProgress } from './progress.js';

/** How a site import treats the old site's media. */
export interface SiteMediaOptions {
  /** Copy attachments, feature images and body images into the media library (off by default: see README, "Moving from WordPress"). */
  downloadMedia?: boolean;
  /** Try again the addresses an earlier run could not copy. */
  retryMedia?: boolean;
  quiet?: boolean;
}

/**
 * After a site import: copies the old site's media into the library when asked, and prints, one
 * line each, every address that stays a link and why. Returns null when media was not asked for.
 */
export async function importSiteMedia(dateline: Dateline, file: string, sourceKey: string, options: SiteMediaOptions): Promise<SiteMediaReport | null> {
  if (!options.downloadMedia) return null;
  const progress = createProgress(0, 'media files');
  const report = await dateline.services.siteMedia.run(sourceKey, { retryFailed: options.retryMedia ?? false }, (outcome: SiteMediaOutcome) => progress.tick(outcome.url));
  progress.stop();
  if (!options.quiet) {
    for (const e of report.external) console.error(`${file}: kept as a link: ${e.url} (${e.usedBy}): ${e.reason}`);
    console.error(`${file}: media: ${report.downloaded} copied into the library, ${report.reused} already there, ${report.external.length} kept as links; ${report.articlesUpdated} articles now show the copies`
      + (report.external.length && !options.retryMedia ? '. Run again with --download-media --retry-media to try the ones kept as links again.' : ''));
  }
  return report;
}
