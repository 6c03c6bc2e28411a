import { open } from 'node:fs/promises';
import { AppError } from '../domain/errors.js';

/** Larger text files are not article pages; refusing them early keeps memory bounded. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

/** Reads a text file for import: bounded in size, must be valid UTF-8. */
export async function readImportFile(file: string): Promise<string> {
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
      throw new AppError('IMPORT_UNREADABLE', `${file} is ${(size / 1048576).toFixed(1)} MB; an article file may be at most ${MAX_IMPORT_FILE_BYTES / 1048576} MB.`, { details: { file, size } });
    }
    const bytes = await handle.readFile();
    if (bytes.includes(0)) throw new AppError('IMPORT_UNREADABLE', `${file} is a binary file, not a text or Markdown article.`, { details: { file } });
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (error) {
      throw new AppError('IMPORT_UNREADABLE', `${file} is not valid UTF-8 text. Convert it to UTF-8 and import it again.`, { cause: error, details: { file } });
    }
  } finally {
    await handle.close();
  }
}
