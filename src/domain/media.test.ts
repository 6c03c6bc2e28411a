import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canonicalUrlOf, cleanFilename, mediaHashesInHtml, fallbackFormat, formatOfExtension, mediaHashOfUrl, sniffImageType, variantKey, variantUrl, widthsFor,
  type MediaVariant,
} from './media.js';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const sha = 'ab'.repeat(32);

describe('sniffImageType', () => {
  it('recognises each accepted type by its first bytes', () => {
    assert.equal(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0])), 'jpeg');
    assert.equal(sniffImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])), 'png');
    assert.equal(sniffImageType(bytes('GIF89a')), 'gif');
    assert.equal(sniffImageType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')), 'webp');
    assert.equal(sniffImageType(bytes([0, 0, 0, 0x1c], 'ftypavif')), 'avif');
  });

  it('recognises SVG behind a BOM, an XML declaration, comments and a doctype', () => {
    assert.equal(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>')), 'svg');
    assert.equal(sniffImageType(bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?>\n<!-- drawn -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>')), 'svg');
  });

  it('tells other image types apart from things that are not images', () => {
    assert.equal(sniffImageType(bytes([0, 0, 0, 0x18], 'ftypheic')), 'other-image');
    assert.equal(sniffImageType(bytes('II', [0x2a, 0])), 'other-image');
    assert.equal(sniffImageType(bytes('%PDF-1.7')), null);
    assert.equal(sniffImageType(bytes('<html><body>hello</body></html>')), null);
    assert.equal(sniffImageType(bytes([0xff, 0xd8])), null, 'two bytes are not yet a JPEG');
    assert.equal(sniffImageType(new Uint8Array()), null);
  });
});

describe('widthsFor', () => {
  it('never upscales and adds the own width of a narrower image', () => {
    assert.deepEqual(widthsFor(4000), [320, 640, 960, 1280, 1920]);
    assert.deepEqual(widthsFor(1920), [320, 640, 960, 1280, 1920]);
    assert.deepEqual(widthsFor(1000), [320, 640, 960, 1000]);
    assert.deepEqual(widthsFor(640), [320, 640]);
    assert.deepEqual(widthsFor(100), [100]);
  });
});

describe('media paths and URLs', () => {
  it('names files under the hash and URLs by width and extension', () => {
    assert.equal(variantKey(sha, 640, 'jpeg'), `ab/${sha}/640.jpg`);
    assert.equal(variantUrl(sha, 640, 'avif'), `/media/${sha}/640.avif`);
    assert.equal(formatOfExtension('jpg'), 'jpeg');
    assert.equal(formatOfExtension('jpeg'), null, 'one extension per format keeps URLs canonical');
    assert.equal(fallbackFormat(true), 'png');
    assert.equal(fallbackFormat(false), 'jpeg');
  });

  it('finds the library item behind a URL, relative or absolute, and nothing behind others', () => {
    assert.equal(mediaHashOfUrl(`/media/${sha}/640.jpg`), sha);
    assert.equal(mediaHashOfUrl(`https://news.example/media/${sha}/1920.webp`), sha);
    assert.equal(mediaHashOfUrl('https://elsewhere.example/photo.jpg'), null);
    assert.equal(mediaHashOfUrl(`/media/${sha}/../../etc/passwd`), null);
  });

  it('points an article at the widest fallback rendition', () => {
    const v = (width: number, format: MediaVariant['format']): MediaVariant => ({ width, height: width, format, path: '', bytes: 1 });
    assert.equal(canonicalUrlOf({ sha256: sha, variants: [v(320, 'jpeg'), v(1920, 'avif'), v(960, 'jpeg')] }), `/media/${sha}/960.jpg`);
    assert.equal(canonicalUrlOf({ sha256: sha, variants: [v(320, 'png'), v(320, 'webp')] }), `/media/${sha}/320.png`);
  });

  it('keeps only the base name of an uploaded file', () => {
    assert.equal(cleanFilename('C:\\Users\\x\\Photo 1.JPG'), 'Photo 1.JPG');
    assert.equal(cleanFilename('../../etc/passwd\u0000'), 'passwd');
    assert.equal(cleanFilename(undefined), 'upload');
  });
});

describe('mediaHashesInHtml', () => {
  it('finds each library item an img shows, once, and ignores links and other images', () => {
    const other = 'cd'.repeat(32);
    const body = `<p><img src="/media/${sha}/640.jpg" alt=""><img alt="" src="https://news.example/media/${other}/320.webp"></p>`
      + `<img src="/media/${sha}/320.jpg"><a href="/media/${'ef'.repeat(32)}/640.jpg">link</a><img src="https://x.example/y.jpg">`;
    assert.deepEqual(mediaHashesInHtml(body), [sha, other]);
    assert.deepEqual(mediaHashesInHtml('<p>No images</p>'), []);
  });
});
