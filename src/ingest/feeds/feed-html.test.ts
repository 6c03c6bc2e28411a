import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { htmlToText, maybeHtmlToText, resolveUrl, sanitizeArticleHtml, textToHtml } from './feed-html.js';

const BASE = 'https://news.example/2024/story.html';

describe('sanitizeArticleHtml', () => {
  test('removes scripts, styles, event handlers and embeds with their content', () => {
    const html = sanitizeArticleHtml(
      '<p onclick="steal()">Hi<script>alert(1)</script><style>p{display:none}</style></p><iframe src="https://evil.example">fallback</iframe><svg><script>x()</script></svg><img src="a.jpg" onerror="alert(1)" style="width:1px">',
      BASE,
    );
    assert.equal(html, '<p>Hi</p><img src="https://news.example/2024/a.jpg" />');
  });

  test('javascript:, vbscript: and data: links lose their target but keep their text', () => {
    const html = sanitizeArticleHtml('<p><a href="javascript:alert(1)">one</a> <a href=" JaVaScRiPt:alert(2)">two</a> <a href="vbscript:x">three</a> <a href="data:text/html,x">four</a></p>', BASE);
    assert.equal(html, '<p>one two three four</p>');
  });

  test('keeps the article allow-list and makes URLs absolute', () => {
    const html = sanitizeArticleHtml(
      '<h1>Title</h1><h3 class="x">Sub</h3><blockquote><p><b>Bold</b> <i>it</i> <a href="/about" title="t" target="_blank">about</a> <a href="mailto:ed@news.example">mail</a></p></blockquote><figure><img src="//cdn.example/p.png" alt="P" width="600"><figcaption>Cap</figcaption></figure><ul><li>x</li></ul><table><tr><td>1</td></tr></table><pre><code>a &lt; b</code></pre>',
      BASE,
    );
    assert.equal(
      html,
      '<h2>Title</h2><h3>Sub</h3><blockquote><p><strong>Bold</strong> <em>it</em> <a href="https://news.example/about">about</a> <a href="mailto:ed@news.example">mail</a></p></blockquote><figure><img src="https://cdn.example/p.png" alt="P" /><figcaption>Cap</figcaption></figure><ul><li>x</li></ul><table><tr><td>1</td></tr></table><pre><code>a &lt; b</code></pre>',
    );
  });

  test('drops relative links when there is no base, tracking pixels, and lazy-load placeholders', () => {
    assert.equal(sanitizeArticleHtml('<p><a href="/x">x</a><img src="/y.png"></p>', null), '<p>x</p>');
    assert.equal(sanitizeArticleHtml('<p>t<img src="https://t.example/p.gif" width="1" height="1"></p>', BASE), '<p>t</p>');
    assert.equal(sanitizeArticleHtml('<img src="data:image/gif;base64,R0lG" data-src="/real.jpg">', BASE), '<img src="https://news.example/real.jpg" />');
  });

  test('returns null when nothing is left', () => {
    assert.equal(sanitizeArticleHtml('<script>x</script><p> </p>', BASE), null);
  });
});

describe('plain text', () => {
  test('htmlToText strips tags, decodes entities, keeps words apart across blocks', () => {
    assert.equal(htmlToText('<p>One&nbsp;&amp; <b>two</b></p><p>three&hellip;</p><script>x</script>'), 'One & two three…');
  });

  test('maybeHtmlToText leaves text that does not look like markup alone', () => {
    assert.equal(maybeHtmlToText('Why 3 < 4 matters'), 'Why 3 < 4 matters');
    assert.equal(maybeHtmlToText('An <em>emphatic</em> title'), 'An emphatic title');
    assert.equal(maybeHtmlToText('Fish &amp; chips'), 'Fish & chips');
  });

  test('textToHtml escapes and makes paragraphs', () => {
    assert.equal(textToHtml('a <b>\nline\n\nnext'), '<p>a &lt;b&gt;<br>line</p>\n<p>next</p>');
  });
});

describe('resolveUrl', () => {
  test('absolute http(s) only', () => {
    assert.equal(resolveUrl('../x', BASE), 'https://news.example/x');
    assert.equal(resolveUrl('x', null), null);
    assert.equal(resolveUrl('ftp://a.example/x', null), null);
    assert.equal(resolveUrl('mailto:a@b.example', null, ['mailto:']), 'mailto:a@b.example');
  });
});
