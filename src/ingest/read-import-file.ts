import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../domain/errors.js';

/** Larger files are not single articles or feeds; refusing them early keeps memory bounded. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** Reads a file for import, bounded in size. */
export async function readImportFile(file: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission was denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new AppError('IMPORT_UNREADABLE', `Cannot read ${file}: ${why}.`, { cause: error, details: { file } });
  }
  try {
    const { size } = await handle.stat();
    if (size > MAX_IMPORT_FILE_BYTES) {
      throw new AppError('IMPORT_UNREADABLE', `${file} is ${(size / 1048576).toFixed(1)} MB; an article, feed or ninjs file may be at most ${MAX_IMPORT_FILE_BYTES / 1048576} MB.`, { details: { file, size } });
    }
    if (size === 0) throw new AppError('IMPORT_UNREADABLE', `${file} is empty.`, { details: { file } });
    const bytes = await handle.readFile();
    if (bytes.subarray(0, 8000).includes(0) && !/^\xff\xfe|^\xfe\xff/.test(bytes.subarray(0, 2).toString('latin1'))) {
      throw new AppError('IMPORT_UNREADABLE', `${file} is a binary file, not a text, HTML, feed or ninjs document.`, { details: { file } });
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

const IMPORTABLE = /\.(txt|md|markdown|html?|xhtml|xml|rss|atom|rdf|json)$/i;

/** The importable files under `dir`, recursively, sorted; hidden files and folders are skipped. */
export async function listImportFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (current: string) => {
    for (const entry of (await readdir(current, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && IMPORTABLE.test(entry.name)) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

/** True when `target` names an existing folder. */
export async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return false;
  }
}
