import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * A file's bytes as a stream, hashing them on the way when given a hash. 64 KB chunks: a decoded
 * chunk of 256 KB was a large-object string in V8, and fields sliced from it kept it alive while
 * their batch waited to be written.
 */
export async function* fileChunks(file: string, hash?: Hash): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
    hash?.update(chunk as Buffer);
    yield chunk as Buffer;
  }
}
