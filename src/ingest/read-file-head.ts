import { open } from 'node:fs/promises';

/** The first `bytes` of a file (fewer if it is shorter), or null when it cannot be opened; for telling formats apart. */
export async function readFileHead(file: string, bytes: number): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null;
  }
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
