import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { BodyLimitError, readLimitedBody } from './read-body.js';

const text = Buffer.from('<rss><channel><title>Dateline</title></channel></rss>\n'.repeat(40));

/** A source that yields `bytes` in small chunks, like a network stream. */
function source(bytes: Buffer, chunkSize = 1024): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) chunks.push(bytes.subarray(offset, offset + chunkSize));
  return Readable.from(chunks);
}

async function expectLimit(promise: Promise<unknown>, code: 'too-large' | 'decompression', pattern?: RegExp): Promise<BodyLimitError> {
  const error = await promise.then(
    () => assert.fail(`expected a BodyLimitError ${code}`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof BodyLimitError, `expected BodyLimitError, got ${String(error)}`);
  assert.equal(error.code, code);
  if (pattern) assert.match(error.message, pattern);
  return error;
}

describe('readLimitedBody: decoding', () => {
  test('identity, absent and empty encodings pass bytes through', async () => {
    for (const encoding of [null, undefined, '', 'identity']) assert.deepEqual(await readLimitedBody(source(text), encoding, { maxBytes: 1e6 }), text);
  });

  test('gzip and x-gzip', async () => {
    assert.deepEqual(await readLimitedBody(source(zlib.gzipSync(text)), 'gzip', { maxBytes: 1e6 }), text);
    assert.deepEqual(await readLimitedBody(source(zlib.gzipSync(text)), 'X-Gzip', { maxBytes: 1e6 }), text);
  });

  test('deflate, zlib-wrapped as the standard says and raw as some servers send it', async () => {
    assert.deepEqual(await readLimitedBody(source(zlib.deflateSync(text)), 'deflate', { maxBytes: 1e6 }), text);
    assert.deepEqual(await readLimitedBody(source(zlib.deflateRawSync(text)), 'deflate', { maxBytes: 1e6 }), text);
    for (let length = 0; length < 64; length += 1) {
      const sample = Buffer.from(text.subarray(0, length));
      assert.deepEqual(await readLimitedBody(source(zlib.deflateRawSync(sample)), 'deflate', { maxBytes: 1e6 }), sample);
      assert.deepEqual(await readLimitedBody(source(zlib.deflateSync(sample, { level: length % 10 })), 'deflate', { maxBytes: 1e6 }), sample);
    }
  });

  test('br', async () => {
    assert.deepEqual(await readLimitedBody(source(zlib.brotliCompressSync(text)), 'br', { maxBytes: 1e6 }), text);
  });

  test('stacked encodings are undone in reverse order', async () => {
    const encoded = zlib.brotliCompressSync(zlib.gzipSync(text));
    assert.deepEqual(await readLimitedBody(source(encoded), 'gzip, br', { maxBytes: 1e6 }), text);
  });

  test('an unknown or over-stacked encoding is a decompression error', async () => {
    await expectLimit(readLimitedBody(source(text), 'compress', { maxBytes: 1e6 }), 'decompression', /compress/);
    await expectLimit(readLimitedBody(source(text), 'gzip, gzip, gzip', { maxBytes: 1e6 }), 'decompression');
  });

  test('corrupt compressed data is a decompression error that keeps the cause', async () => {
    const error = await expectLimit(readLimitedBody(source(Buffer.from('definitely not gzip')), 'gzip', { maxBytes: 1e6 }), 'decompression');
    assert.ok(error.cause instanceof Error);
    await expectLimit(readLimitedBody(source(Buffer.from('not brotli at all, not at all')), 'br', { maxBytes: 1e6 }), 'decompression');
  });
});

describe('readLimitedBody: limits', () => {
  test('a plain body over the cap is refused and the source destroyed', async () => {
    const body = source(Buffer.alloc(50_000, 'a'));
    await expectLimit(readLimitedBody(body, null, { maxBytes: 10_000 }), 'too-large');
    assert.equal(body.destroyed, true);
  });

  test('a body exactly at the cap is fine', async () => {
    assert.equal((await readLimitedBody(source(Buffer.alloc(10_000, 'a')), null, { maxBytes: 10_000 })).length, 10_000);
  });

  test('the cap applies to decompressed bytes', async () => {
    const compressed = zlib.gzipSync(text);
    assert.ok(compressed.length < 1000 && text.length > 1000);
    await expectLimit(readLimitedBody(source(compressed), 'gzip', { maxBytes: 1000 }), 'too-large', /decompressed/);
  });

  test('a gzip bomb is stopped long before it expands fully', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024));
    assert.ok(bomb.length < 100_000, `bomb is ${bomb.length} bytes`);
    const body = source(bomb, 16 * 1024);
    await expectLimit(readLimitedBody(body, 'gzip', { maxBytes: 10 * 1024 * 1024 }), 'too-large', /decompression bomb/);
    assert.equal(body.destroyed, true);
  });

  test('a brotli bomb is stopped too', async () => {
    const bomb = zlib.brotliCompressSync(Buffer.alloc(32 * 1024 * 1024));
    await expectLimit(readLimitedBody(source(bomb), 'br', { maxBytes: 10 * 1024 * 1024 }), 'too-large');
  });
});
