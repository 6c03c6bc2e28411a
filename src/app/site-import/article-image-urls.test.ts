import assert from 'node:assert/strict';
import { test } from 'node:test';
import { remoteImageUrls, replaceImageUrls } from './article-image-urls.js';

const library = `/media/${'a'.repeat(64)}/640.jpg`;

test('finds each remote image once, decoding entities, and ignores library and data: images', () => {
  const html = '<p><img src="https://old.example/a.jpg?w=1&amp;h=2" alt=""><img src="https://old.example/a.jpg?w=1&amp;h=2">'
    + `<img src="${library}"><img src="data:image/png;base64,AAAA"><a href="https://old.example/b.jpg">b</a></p>`;
  assert.deepEqual(remoteImageUrls(html), ['https://old.example/a.jpg?w=1&h=2']);
});

test('replaces image sources and links to the same file, dropping the old srcset; leaves other addresses alone', () => {
  const html = '<a href="https://old.example/a.jpg"><img src="https://old.example/a-300x200.jpg" srcset="https://old.example/a-300x200.jpg 300w" sizes="100vw" alt="A"></a>'
    + '<img src="https://elsewhere.example/c.jpg" srcset="https://elsewhere.example/c.jpg 1x">';
  const out = replaceImageUrls(html, new Map([['https://old.example/a-300x200.jpg', library], ['https://old.example/a.jpg', library]]));
  assert.equal(out, `<a href="${library}"><img src="${library}" alt="A"></a><img src="https://elsewhere.example/c.jpg" srcset="https://elsewhere.example/c.jpg 1x">`);
});
