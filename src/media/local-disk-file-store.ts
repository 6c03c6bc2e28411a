import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { MediaFileStore, StoredFile } from '../app/media-ports.js';

/** Keys are relative paths of lower-case names; nothing that could climb out of the root. */
const validKey = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\/?$/;

/** Media files on the local disk under one folder (DATA_DIR/media). */
export class LocalDiskFileStore implements MediaFileStore {
  constructor(private readonly root: string) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write beside the target, flush, then rename: a rename within one folder is atomic, so a
    // reader sees the old file, no file, or the whole new one, even if the process dies midway.
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
  }

  async open(key: string): Promise<StoredFile | null> {
    const file = this.pathOf(key);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      return { bytes: info.size, stream: createReadStream(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (!prefix.endsWith('/')) throw new Error(`A media prefix names a folder and ends in "/", not "${prefix}".`);
    await rm(this.pathOf(prefix), { recursive: true, force: true });
  }

  private pathOf(key: string): string {
    if (!validKey.test(key) || key.split('/').some((part) => part === '.' || part === '..')) throw new Error(`Not a media file key: "${key}".`);
    return path.join(this.root, key);
  }
}
