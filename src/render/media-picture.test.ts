import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MediaVariant } from '../domain/media.js';
import { renderPicture, upgradeLibraryImages } from './media-picture.js';

const sha = 'cd'.repeat(32);
const v = (width: number, format: MediaVariant['format']): MediaVariant => ({ width, height: width / 2, format, path: '', bytes: 1 });

describe('renderPicture', () => {
  it('offers AVIF, then WebP, then the fallback at every width, with the aspect ratio and sizes', () => {
    const out = renderPicture({ sha256: sha, variants: [v(640, 'jpeg'), v(320, 'avif'), v(320, 'jpeg'), v(640, 'avif'), v(320, 'webp'), v(640, 'webp')] }, { alt: 'Boats "at" dawn', sizes: '100vw' }).value;
    const order = ['image/avif', 'image/webp', '<img'].map((s) => out.indexOf(s));
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'sources in order of preference, img last');
    assert.ok(order.every((i) => i >= 0));
    assert.match(out, new RegExp(`<source type="image/avif" srcset="/media/${sha}/320.avif 320w, /media/${sha}/640.avif 640w" sizes="100vw">`));
    assert.match(out, new RegExp(`<img src="/media/${sha}/640.jpg" srcset="/media/${sha}/320.jpg 320w, /media/${sha}/640.jpg 640w" sizes="100vw" width="640" height="320"`));
    assert.match(out, /alt="Boats &quot;at&quot; dawn"/, 'alt text is escaped');
    assert.match(out, /loading="lazy"/);
  });

  it('falls back to PNG for transparent images and renders nothing without a fallback', () => {
    const out = renderPicture({ sha256: sha, variants: [v(320, 'png'), v(320, 'webp')] }, { alt: '', sizes: '50vw', loading: 'eager' }).value;
    assert.match(out, /<img src="[^"]+\/320\.png"/);
    assert.doesNotMatch(out, /image\/avif/);
    assert.match(out, /loading="eager"/);
    assert.equal(renderPicture({ sha256: sha, variants: [v(320, 'avif')] }, { alt: '', sizes: '1px' }).value, '');
  });
});

describe('upgradeLibraryImages', () => {
  const item = { sha256: sha, variants: [v(320, 'jpeg'), v(640, 'jpeg'), v(320, 'webp'), v(640, 'webp')] };
  const other = 'ef'.repeat(32);

  it('turns plain library images into pictures and keeps their alt text', () => {
    const body = `<p>Text</p><figure><img src="/media/${sha}/640.jpg" alt="A &quot;quoted&quot; &amp; &lt;b&gt;" loading="lazy" /><figcaption>Cap</figcaption></figure>`;
    const out = upgradeLibraryImages(body, [item], '100vw');
    assert.match(out, /^<p>Text<\/p><figure><picture><source type="image\/webp"/);
    assert.match(out, /alt="A &quot;quoted&quot; &amp; &lt;b&gt;"/);
    assert.match(out, /<\/picture><figcaption>Cap<\/figcaption><\/figure>$/);
    assert.equal((out.match(/<img/g) ?? []).length, 1);
  });

  it('leaves outside images, unknown items, hand-made srcsets and existing pictures alone', () => {
    const untouched = [
      '<img src="https://images.example/a.jpg" alt="x" />',
      `<img src="/media/${other}/640.jpg" alt="x" />`,
      `<img src="/media/${sha}/640.jpg" srcset="/media/${sha}/320.jpg 320w" alt="x" />`,
      `<picture><source srcset="/media/${sha}/320.webp" /><img src="/media/${sha}/640.jpg" alt="x" /></picture>`,
    ];
    for (const body of untouched) assert.equal(upgradeLibraryImages(body, [item], '100vw'), body);
  });
});
