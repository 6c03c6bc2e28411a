import { open } from 'node:fs/promises';

/** True when the file starts like a WordPress export: an RSS document declaring a wordpress.org/export namespace. */
export async function isWxrFile(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return false;
  }
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(16384), 0, 16384, 0);
    const head = buffer.subarray(0, bytesRead).toString('latin1');
    return /<rss[\s>]/.test(head) && /wordpress\.(org|com)\/export\//.test(head);
  } finally {
    await handle.close();
  }
}
