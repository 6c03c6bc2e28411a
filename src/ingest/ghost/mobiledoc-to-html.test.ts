import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mobiledocToHtml } from './mobiledoc-to-html.js';

test('markup sections, nested markups, soft returns, lists and cards', () => {
  const { html, unknown } = mobiledocToHtml(JSON.stringify({
    version: '0.3.1',
    atoms: [['soft-return', '', {}]],
    markups: [['strong'], ['a', ['href', 'https://example.org/']], ['em']],
    cards: [['image', { src: 'https://example.com/p.jpg', caption: 'Credit' }], ['markdown', { markdown: '**md**' }], ['hr', {}], ['unheard-of', {}]],
    sections: [
      [1, 'h2', [[0, [], 0, 'Title']]],
      [1, 'p', [[0, [0], 0, 'bold '], [0, [1, 2], 2, 'link'], [0, [], 1, ' after'], [1, [], 0, 0], [0, [], 0, 'next line']]],
      [3, 'ul', [[[0, [], 0, 'a']], [[0, [], 0, 'b']]]],
      [10, 0], [10, 1], [10, 2], [10, 3],
    ],
  }));
  assert.equal(html, '<h2>Title</h2><p><strong>bold <a href="https://example.org/"><em>link</em></a> after</strong><br>next line</p><ul><li>a</li><li>b</li></ul>'
    + '<figure><img src="https://example.com/p.jpg" alt=""><figcaption>Credit</figcaption></figure><p><strong>md</strong></p>\n<hr>');
  assert.deepEqual(unknown, ['unheard-of']);
});

test('text in markers is escaped', () => {
  const { html } = mobiledocToHtml(JSON.stringify({ version: '0.3.1', sections: [[1, 'p', [[0, [], 0, '<img src=x onerror=alert(1)>']]]] }));
  assert.equal(html, '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
});
