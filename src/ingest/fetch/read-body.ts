/**
 * Reads a response body into memory under hard limits, decoding `Content-Encoding` itself
 * (undici's `request` does not decompress). The size cap applies to the bytes on the wire and,
 * separately, to the decoded bytes, checked chunk by chunk while streaming, so a zip bomb is cut
 * off as soon as it expands past the cap; a ratio guard stops suspicious expansion even earlier.
 */
import { Transform, Writable } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** Decoded bytes beyond which the compression ratio is watched. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Decoded/encoded ratio above which a body is treated as a decompression bomb (real pages stay far below). */
export const MAX_COMPRESSION_RATIO = 100;
/** At most this many stacked encodings (`gzip, br`) are undone. */
const MAX_ENCODINGS = 2;

/** Why a body could not be read; the fetcher turns it into a FetchError naming the URL. */
export class BodyLimitError extends Error {
  readonly code: 'too-large' | 'decompression';

  constructor(code: 'too-large' | 'decompression', message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'BodyLimitError';
    this.code = code;
  }
}

const zlibOptions = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

/** A zlib header (RFC 1950): method 8 (deflate), window ≤ 32 KiB, and a header checksum. */
function looksZlibWrapped(chunk: Buffer): boolean {
  const [cmf = 0, flg = 0] = chunk;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

/** `deflate` should be zlib-wrapped (RFC 9110) but some servers send raw deflate; the header tells which. */
class DeflateDecoder extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.inner === null) {
      const inner = looksZlibWrapped(chunk) ? zlib.createInflate(zlibOptions) : zlib.createInflateRaw(zlibOptions);
      inner.on('data', (data: Buffer) => this.push(data));
      inner.on('error', (error) => this.destroy(error));
      this.inner = inner;
    }
    this.inner.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (this.inner === null) return callback();
    this.inner.once('end', () => callback());
    this.inner.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }
}

/** The decoding streams for a `Content-Encoding` value, in the order to apply them. */
export function decodersFor(contentEncoding: string | null | undefined): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > MAX_ENCODINGS) {
    throw new BodyLimitError('decompression', `the response is encoded ${codings.length} times over (${contentEncoding}); at most ${MAX_ENCODINGS} encodings are undone`);
  }
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.createGunzip(zlibOptions);
      case 'deflate':
        return new DeflateDecoder();
      case 'br':
        return zlib.createBrotliDecompress({
          flush: zlib.constants.BROTLI_OPERATION_FLUSH,
          finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        });
      default:
        throw new BodyLimitError('decompression', `the response uses the unsupported content encoding "${coding}"`);
    }
  });
}

/** Limits for one body. */
export interface BodyLimits {
  maxBytes: number;
}

/**
 * Reads `source` to the end, undoing `contentEncoding`, and returns the decoded bytes. Throws a
 * BodyLimitError when a limit is crossed (the source is destroyed) and rethrows stream errors.
 */
export async function readLimitedBody(source: Readable, contentEncoding: string | null | undefined, limits: BodyLimits): Promise<Buffer> {
  const decoders = decodersFor(contentEncoding);
  const { maxBytes } = limits;
  let encodedBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      encodedBytes += chunk.length;
      if (encodedBytes > maxBytes) return callback(new BodyLimitError('too-large', `the response is larger than the limit of ${maxBytes} bytes`));
      callback(null, chunk);
    },
  });
  const chunks: Buffer[] = [];
  let decodedBytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      decodedBytes += chunk.length;
      if (decodedBytes > maxBytes) {
        const how = decoders.length > 0 ? ' once decompressed' : '';
        return callback(new BodyLimitError('too-large', `the response is larger than the limit of ${maxBytes} bytes${how}`));
      }
      if (decoders.length > 0 && decodedBytes > RATIO_FLOOR_BYTES && decodedBytes > encodedBytes * MAX_COMPRESSION_RATIO) {
        return callback(new BodyLimitError('too-large', `the response expands more than ${MAX_COMPRESSION_RATIO} times when decompressed, like a decompression bomb`));
      }
      chunks.push(chunk);
      callback();
    },
  });
  try {
    await pipeline([source, counter, ...decoders, sink]);
  } catch (error) {
    if (error instanceof BodyLimitError) throw error;
    if (decoders.some((decoder) => decoder.errored === error)) throw new BodyLimitError('decompression', `the response body could not be decompressed (${contentEncoding}): ${(error as Error).message}`, error);
    throw error;
  }
  return Buffer.concat(chunks, decodedBytes);
}
