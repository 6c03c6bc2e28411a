export { exportSite, type ArchiveProgress } from './export-site.js';
export { restoreSite } from './restore-site.js';
export { archiveTables, tablesLeftOut, isLeftOut } from './archive-tables.js';
export type { ArchiveManifest } from './archive-manifest.js';
