import { createDeflate } from 'node:zlib';
import sharp from 'sharp';

/** A JPEG photo-like image (noise, so it does not compress to nothing) with orientation 6 and GPS coordinates in its EXIF. */
export async function jpegWithGps(width: number, height: number): Promise<Buffer> {
  return sharp(noise(width, height), { raw: { width, height, channels: 3 } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'TestCam', Model: 'Tracker 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 56/1 15/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 18/1 31/1' } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A plain PNG with or without transparency. */
export async function png(width: number, height: number, alpha: boolean): Promise<Buffer> {
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background: alpha ? { r: 200, g: 30, b: 30, alpha: 0.5 } : { r: 200, g: 30, b: 30 } } }).png().toBuffer();
}

/** True when TIFF-structured EXIF bytes hold a GPS IFD pointer (tag 0x8825) in either byte order. */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x25, 0x88, 0x04, 0x00])) || exif.includes(Buffer.from([0x88, 0x25, 0x00, 0x04]));
}

/**
 * A decompression bomb: a complete, valid PNG that declares `side` × `side` pixels (1-bit grey,
 * all black) and compresses to a few hundred kilobytes, while decoding it would take gigabytes.
 */
export async function pngBomb(side: number): Promise<Buffer> {
  const rowBytes = 1 + Math.ceil(side / 8);
  const row = Buffer.alloc(rowBytes);
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const rowsPerWrite = 256;
  const block = Buffer.concat(Array.from({ length: rowsPerWrite }, () => row));
  for (let y = 0; y < side; y += rowsPerWrite) {
    const rows = Math.min(rowsPerWrite, side - y);
    if (!deflate.write(rows === rowsPerWrite ? block : block.subarray(0, rows * rowBytes))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', Buffer.concat(compressed)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function noise(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < bytes.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed >> 16;
  }
  return bytes;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
