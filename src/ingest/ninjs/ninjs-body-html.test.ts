import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bestBodyHtml, htmlToText, nitfToHtml, sanitizeArticleHtml, textToParagraphs } from './ninjs-body-html.js';

describe('sanitizeArticleHtml', () => {
  test('keeps article markup and http(s)/mailto links, drops everything else', () => {
    const dirty = '<p style="color:red" data-x="1">A <strong>bold</strong> <em>claim</em> by <a href="mailto:desk@example.org">the desk</a>'
      + ' and <a href="http://example.org/a" onclick="x()" rel="x">a source</a>.</p>'
      + '<iframe src="https://evil.example"></iframe><style>p{}</style><form><input value="x"></form>'
      + '<ul><li>one</li></ul><blockquote>quote</blockquote><img src="data:image/png;base64,AAAA"><img src="https://img.example.org/a.jpg" alt="A" onerror="x()">';
    assert.equal(
      sanitizeArticleHtml(dirty),
      '<p>A <strong>bold</strong> <em>claim</em> by <a href="mailto:desk@example.org">the desk</a> and <a href="http://example.org/a">a source</a>.</p>'
        + '<ul><li>one</li></ul><blockquote>quote</blockquote><img src="https://img.example.org/a.jpg" alt="A" />',
    );
  });

  test('reads the body of a whole HTML document, without its head', () => {
    assert.equal(sanitizeArticleHtml('<html><head><title>Head title</title></head><body><p>Body</p></body></html>'), '<p>Body</p>');
  });

  test('layout divs become paragraphs or are unwrapped; spans do not glue words', () => {
    assert.equal(
      sanitizeArticleHtml('<div class="x"><div><span>Culture</span><span>TT</span></div><div><p>One</p><p>Two</p></div></div>'),
      '<p>Culture TT</p><p>One</p><p>Two</p>',
    );
  });

  test('a first heading repeating the title is removed; empty blocks go; nothing readable gives ""', () => {
    assert.equal(sanitizeArticleHtml('<h1>The  Title</h1><p></p><p>Text</p>', 'the title'), '<p>Text</p>');
    assert.equal(sanitizeArticleHtml('<h1>Other</h1><p>Text</p>', 'The title'), '<h2>Other</h2><p>Text</p>');
    assert.equal(sanitizeArticleHtml('<script>x()</script><p> </p>'), '');
  });
});

describe('textToParagraphs', () => {
  test('blank lines separate paragraphs (single newlines are wraps); otherwise each line is one', () => {
    assert.equal(textToParagraphs('One\nstill one.\n\nTwo & <three>'), '<p>One still one.</p>\n<p>Two &amp; &lt;three&gt;</p>');
    assert.equal(textToParagraphs('Title\nOne.\r\nTwo.', 'Title'), '<p>One.</p>\n<p>Two.</p>');
  });
});

describe('nitfToHtml', () => {
  test('takes body.content, maps NITF headings', () => {
    const nitf = '<?xml version="1.0"?><nitf><head><title>T</title></head><body><body.head><hedline><hl1>T</hl1></hedline></body.head>'
      + '<body.content><block><hl2>Sub</hl2><p class="lead" lede="true">Lead.</p></block></body.content><body.end/></body></nitf>';
    assert.equal(nitfToHtml(nitf), '<h3>Sub</h3><p>Lead.</p>');
    assert.equal(nitfToHtml('<nitf><body/></nitf>'), '');
  });
});

describe('bestBodyHtml', () => {
  test('prefers HTML, then NITF, then text; skips a candidate that sanitizes to nothing', () => {
    assert.equal(bestBodyHtml([{ kind: 'text', value: 'plain' }, { kind: 'html', value: '<p>html</p>' }], null), '<p>html</p>');
    assert.equal(bestBodyHtml([{ kind: 'html', value: '<script>x</script>' }, { kind: 'text', value: 'plain' }], null), '<p>plain</p>');
    assert.equal(bestBodyHtml([{ kind: 'other', value: '<TTNITF/>' }], null), null);
  });
});

test('htmlToText decodes entities and separates blocks', () => {
  assert.equal(htmlToText('<p>A &amp; B</p><p>C&lt;D&gt;</p>'), 'A & B C<D>');
});
