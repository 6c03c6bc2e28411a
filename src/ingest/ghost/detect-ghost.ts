import { readFileHead } from '../read-file-head.js';

/** True when the file starts like a Ghost export: JSON with a `meta.exported_on` stamp near the top. */
export async function isGhostExportFile(file: string): Promise<boolean> {
  const head = (await readFileHead(file, 65536))?.toString('utf8').replace(/^\ufeff/, '').trimStart();
  return !!head && head.startsWith('{') && /"exported_on"\s*:/.test(head) && /"(db|data)"\s*:/.test(head);
}
