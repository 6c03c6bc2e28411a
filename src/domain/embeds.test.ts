// domain/ may not import node:* (eslint layer rule); the test runner and assert are test-only tooling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { embedFor, isAllowedEmbedSrc } from './embeds.js';

describe('embedFor', () => {
  test('turns YouTube and Vimeo addresses into privacy-player iframes', () => {
    for (const url of ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3', 'https://youtu.be/dQw4w9WgXcQ', 'https://youtube.com/shorts/dQw4w9WgXcQ']) {
      const embed = embedFor(url);
      assert.equal(embed?.kind, 'iframe', url);
      assert.equal(embed?.kind === 'iframe' && embed.src, 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    }
    const vimeo = embedFor('https://vimeo.com/76979871');
    assert.equal(vimeo?.kind === 'iframe' && vimeo.src, 'https://player.vimeo.com/video/76979871');
    for (const made of [embedFor('https://youtu.be/dQw4w9WgXcQ'), vimeo]) assert.ok(made?.kind === 'iframe' && isAllowedEmbedSrc(made.src));
  });

  test('makes script-based providers plain links and refuses everything else', () => {
    assert.deepEqual(embedFor('https://x.com/someone/status/1'), { provider: 'X', kind: 'link', url: 'https://x.com/someone/status/1' });
    assert.equal(embedFor('https://twitter.com/someone/status/1')?.provider, 'X');
    for (const bad of ['javascript:alert(1)', 'https://evil.example/watch?v=dQw4w9WgXcQ', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=short', 'not a url']) {
      assert.equal(embedFor(bad), null, bad);
    }
  });

  test('allows only the exact iframe sources it makes', () => {
    for (const src of ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1', 'https://player.vimeo.com/video/1/../../evil', 'http://player.vimeo.com/video/1', undefined]) {
      assert.equal(isAllowedEmbedSrc(src), false, String(src));
    }
  });
});
