import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportTextInput } from '../app/site-import/import-text.js';
import { ImportTextPool } from './import-text-pool.js';

const inputs: ImportTextInput[] = Array.from({ length: 60 }, (_, i) => ({
  articleId: `article-${i}`, title: i === 7 ? '<b></b>' : `Harbour <em>story</em> ${i}`, language: i % 2 ? 'en' : 'fr',
  bodyHtml: `<p onclick="x()">The council voted ${i} times.</p><script>alert(1)</script>`, excerpt: i === 3 ? '<p>Own &amp; excerpt</p>' : null,
  comments: [`<p>Reply ${i}<img src="javascript:alert(1)"></p>`],
}));

describe('Import text preparation', () => {
  it('gives the same results, in order, on a worker thread as inline', async () => {
    const inline = new ImportTextPool({ threads: 0 }).open();
    const threaded = new ImportTextPool({ threads: 2 }).open();
    try {
      const expected = await inline.prepare(inputs);
      assert.deepEqual(await threaded.prepare(inputs), expected);
      const first = expected[0]!;
      assert.ok(first.ok);
      assert.equal(first.bodyHtml, '<p>The council voted 0 times.</p>');
      assert.equal(first.title, 'Harbour story 0');
      assert.equal(first.comments[0], '<p>Reply 0<img loading="lazy" alt="" /></p>');
      assert.equal(first.search.language, 'fr');
      const untitled = expected[7]!;
      assert.ok(untitled.ok && untitled.untitled && untitled.title === 'The council voted 7 times.');
      assert.ok(expected[3]!.ok && expected[3]!.excerpt === 'Own & excerpt');
    } finally {
      await Promise.all([inline.close(), threaded.close()]);
    }
  });
});
