import { readFileHead } from '../read-file-head.js';

/** True when the file starts like a WordPress export: an RSS document declaring a wordpress.org/export namespace. */
export async function isWxrFile(file: string): Promise<boolean> {
  const head = (await readFileHead(file, 16384))?.toString('latin1');
  return !!head && /<rss[\s>]/.test(head) && /wordpress\.(org|com)\/export\//.test(head);
}
