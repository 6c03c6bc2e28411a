import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MarkdownBodyRenderer } from './markdown-body-renderer.js';

const renderer = new MarkdownBodyRenderer();
const md = (source: string) => renderer.toSafeHtml(source, 'markdown');
const fromHtml = (source: string) => renderer.toSafeHtml(source, 'html');

/** Every start tag's name, lower-cased, in order. */
function tagNames(markup: string): string[] {
  return [...markup.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)/g)].map((m) => m[1]!.toLowerCase());
}

/** Every attribute name inside start tags, lower-cased. */
function attributeNames(markup: string): string[] {
  const names: string[] = [];
  for (const tag of markup.matchAll(/<[a-zA-Z][^\s/>]*([^>]*)>/g)) {
    for (const attr of tag[1]!.matchAll(/([^\s"'=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)) names.push(attr[1]!.toLowerCase());
  }
  return names;
}

/** The values of `name` attributes (double-quoted, as sanitize-html writes them). */
function attributeValues(markup: string, name: string): string[] {
  return [...markup.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'gi'))].map((m) => m[1]!);
}

describe('MarkdownBodyRenderer.toSafeHtml: Markdown features', () => {
  test('renders headings, demoting h1 to h2', () => {
    assert.equal(md('# One\n\n## Two\n\n### Three\n\n###### Six'), '<h2>One</h2>\n<h2>Two</h2>\n<h3>Three</h3>\n<h6>Six</h6>');
  });

  test('renders bullet and numbered lists', () => {
    assert.equal(md('- a\n- b'), '<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    assert.equal(md('1. one\n2. two'), '<ol>\n<li>one</li>\n<li>two</li>\n</ol>');
  });

  test('keeps the start number of an ordered list', () => {
    assert.deepEqual(attributeValues(md('3. three\n4. four'), 'start'), ['3']);
  });

  test('renders blockquotes, emphasis and code', () => {
    assert.equal(md('> quoted'), '<blockquote>\n<p>quoted</p>\n</blockquote>');
    assert.equal(md('*em* **strong** `code`'), '<p><em>em</em> <strong>strong</strong> <code>code</code></p>');
    assert.equal(md('```\nlet x = 1;\n```'), '<pre><code>let x = 1;\n</code></pre>');
  });

  test('external links get rel="noopener nofollow ugc"', () => {
    assert.equal(md('[Wire](https://wire.example/a)'), '<p><a href="https://wire.example/a" rel="noopener nofollow ugc">Wire</a></p>');
    assert.deepEqual(attributeValues(md('[Wire](http://wire.example/a)'), 'rel'), ['noopener nofollow ugc']);
  });

  test('bare URLs are linked (linkify) with the same rel', () => {
    const out = md('See https://wire.example/a for more');
    assert.deepEqual(attributeValues(out, 'href'), ['https://wire.example/a']);
    assert.deepEqual(attributeValues(out, 'rel'), ['noopener nofollow ugc']);
  });

  test('relative, mailto and tel links are kept', () => {
    const out = md('[about](/about/) [mail](mailto:desk@example.org) [call](tel:+3212345)');
    assert.deepEqual(attributeValues(out, 'href'), ['/about/', 'mailto:desk@example.org', 'tel:+3212345']);
  });

  test('images keep http(s) sources and get lazy loading and alt text', () => {
    const out = md('![A chart](https://cdn.example/chart.png "Chart")');
    assert.deepEqual(tagNames(out), ['p', 'img']);
    assert.deepEqual(attributeValues(out, 'src'), ['https://cdn.example/chart.png']);
    assert.deepEqual(attributeValues(out, 'alt'), ['A chart']);
    assert.deepEqual(attributeValues(out, 'loading'), ['lazy']);
  });
});

describe('MarkdownBodyRenderer.toSafeHtml: raw HTML inside Markdown', () => {
  test('is shown as text, never passed through as markup', () => {
    const out = md('<script>alert(1)</script>\n\nhello <b onclick="x()">bold</b> <iframe src="embed.html"></iframe>');
    assert.deepEqual(tagNames(out), ['p', 'p']);
    assert.match(out, /&lt;script&gt;/);
    assert.match(out, /&lt;b onclick=/);
  });

  test('an HTML block is escaped too', () => {
    const out = md('<div onclick="steal()">\n<p>hi</p>\n</div>');
    assert.deepEqual(tagNames(out), ['p']);
    assert.deepEqual(attributeNames(out), []);
  });

  test('code blocks escape their content', () => {
    assert.equal(md('```\n<script>x</script>\n```'), '<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>');
  });
});

describe('MarkdownBodyRenderer.toSafeHtml: dangerous URLs', () => {
  const hostile = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='];

  test('Markdown links and images with javascript:, vbscript: or data: URLs get no href or src', () => {
    for (const url of hostile) {
      for (const source of [`[x](${url})`, `![x](${url})`, `<${url}>`, `[x]: ${url}\n\n[x]`]) {
        const out = md(source);
        assert.deepEqual(attributeValues(out, 'href'), [], source);
        assert.deepEqual(attributeValues(out, 'src'), [], source);
      }
    }
  });

  test('data: images in Markdown lose their source', () => {
    const out = md('![pixel](data:image/png;base64,iVBORw0KGgo=)');
    assert.deepEqual(attributeValues(out, 'src'), []);
  });

  test('HTML links and images with hostile schemes lose the attribute, including obfuscated forms', () => {
    const cases = [
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" javascript:alert(1)">x</a>',
      '<a href="JAVASCRIPT:alert(1)">x</a>',
      '<a href="jav&#x09;ascript:alert(1)">x</a>',
      '<a href="jav&#x0A;ascript:alert(1)">x</a>',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
      '<a href="javascript&colon;alert(1)">x</a>',
      '<a href="vbscript:msgbox(1)">x</a>',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      '<img src="data:image/png;base64,iVBORw0KGgo=">',
      '<img src="javascript:alert(1)">',
      '<blockquote cite="javascript:alert(1)">q</blockquote>',
      '<q cite="vbscript:x">q</q>',
    ];
    for (const source of cases) {
      const out = fromHtml(source);
      for (const name of ['href', 'src', 'cite']) assert.deepEqual(attributeValues(out, name), [], `${name} in ${source} → ${out}`);
    }
  });

  test('srcset keeps only http(s) candidates', () => {
    const out = fromHtml('<img src="https://e.example/a.png" srcset="javascript:alert(1) 1x, https://e.example/b.png 2x, data:image/png;base64,AA 3x">');
    assert.deepEqual(attributeValues(out, 'srcset'), ['https://e.example/b.png 2x']);
  });

  test('images accept only http(s) sources, not mailto: or tel:', () => {
    for (const source of ['<img src="mailto:desk@example.org">', '<img src="tel:+3212345">']) {
      const out = fromHtml(source);
      assert.deepEqual(attributeValues(out, 'src'), [], `${source} → ${out}`);
    }
  });

  test('image srcset candidates accept only http(s), not mailto: or tel:', () => {
    for (const source of ['<img srcset="tel:+3212345 1x">', '<img srcset="mailto:desk@example.org 1x">', '<picture><source srcset="tel:+3212345"><img src="https://e.example/a.png"></picture>']) {
      const out = fromHtml(source);
      assert.deepEqual(attributeValues(out, 'srcset'), [], `${source} → ${out}`);
    }
  });

  test('protocol-relative URLs are removed', () => {
    assert.deepEqual(attributeValues(fromHtml('<a href="//evil.example/x">x</a>'), 'href'), []);
  });
});

describe('MarkdownBodyRenderer.toSafeHtml: HTML bodies', () => {
  test('demotes h1 to h2 and drops id and class', () => {
    assert.equal(fromHtml('<h1 id="top" class="big">Title</h1>'), '<h2>Title</h2>');
  });

  test('removes event handlers and style attributes, keeping the element', () => {
    const out = fromHtml('<p onclick="x()" onmouseover="y()" style="color:red">text</p><img src="https://e.example/a.png" onerror="z()">');
    assert.deepEqual(tagNames(out), ['p', 'img']);
    assert.deepEqual(attributeNames(out).filter((n) => n.startsWith('on') || n === 'style'), []);
  });

  test('removes <script> and <style> with their content', () => {
    assert.equal(fromHtml('<script>alert(1)</script><p>after</p>'), '<p>after</p>');
    assert.equal(fromHtml('<style>p{color:red}</style><p>after</p>'), '<p>after</p>');
    assert.equal(fromHtml('<SCRIPT SRC="https://evil.example/x.js"></SCRIPT><p>after</p>'), '<p>after</p>');
  });

  test('removes <iframe>, <form> and form controls', () => {
    for (const source of [
      '<iframe src="https://e.example/embed"></iframe><p>after</p>',
      '<form action="https://e.example/collect"><input name="q"><button formaction="javascript:x()">Send</button></form><p>after</p>',
      '<object data="x.swf"></object><embed src="x.swf"><p>after</p>',
      '<svg onload="alert(1)"><circle r="1"/></svg><p>after</p>',
    ]) {
      const out = fromHtml(source);
      assert.deepEqual(tagNames(out), ['p'], `${source} → ${out}`);
    }
  });

  test('forces rel on external links, replacing any given rel, and drops target', () => {
    const out = fromHtml('<a href="https://e.example/" rel="opener" target="_blank">x</a>');
    assert.equal(out, '<a href="https://e.example/" rel="noopener nofollow ugc">x</a>');
    assert.deepEqual(attributeValues(fromHtml('<a href="HTTP://E.EXAMPLE/">x</a>'), 'rel'), ['noopener nofollow ugc']);
  });

  test('keeps allowed structure and attributes', () => {
    const source = '<figure><img src="https://e.example/a.png" alt="A" width="10" height="20"><figcaption>Cap</figcaption></figure><table><tr><td colspan="2">c</td></tr></table><time datetime="2026-11-27">today</time>';
    const out = fromHtml(source);
    assert.deepEqual(tagNames(out), ['figure', 'img', 'figcaption', 'table', 'tr', 'td', 'time']);
    assert.deepEqual(attributeValues(out, 'colspan'), ['2']);
    assert.deepEqual(attributeValues(out, 'datetime'), ['2026-11-27']);
  });

  test('drops empty paragraphs', () => {
    assert.equal(fromHtml('<p>a</p><p> </p><p></p><span></span>'), '<p>a</p>');
  });

  test('sanitize applies the same policy to stored HTML', () => {
    assert.equal(renderer.sanitize('<h1 onclick="x">T</h1><script>x</script>'), '<h2>T</h2>');
  });
});

describe('MarkdownBodyRenderer.toPlainText', () => {
  test('strips tags and separates blocks with a space', () => {
    assert.equal(renderer.toPlainText('<h2>Title</h2><p>One <strong>two</strong></p><ul><li>a</li><li>b</li></ul><blockquote>q</blockquote>'), 'Title One two a b q');
  });

  test('decodes named and numeric entities once', () => {
    assert.equal(renderer.toPlainText('<p>a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &eacute; &#233; &#xE9; &mdash;</p>'), 'a & b <c> "d" \'e\' é é é —');
    assert.equal(renderer.toPlainText('&amp;lt; &amp;#233;'), '&lt; &#233;');
  });

  test('turns non-breaking spaces into plain spaces and collapses whitespace', () => {
    assert.equal(renderer.toPlainText('<p>a&nbsp;&nbsp;b\n\n c</p>'), 'a b c');
  });

  test('drops script and style content', () => {
    assert.equal(renderer.toPlainText('<script>alert(1)</script><style>p{}</style><p>text</p>'), 'text');
  });

  test('never throws on invalid numeric entities and replaces them with U+FFFD', () => {
    for (const entity of ['&#xD800;', '&#xDFFF;', '&#99999999;', '&#x110000;', '&#xFFFFFF;', '&#0;', '&#1114112;']) {
      let text = '';
      assert.doesNotThrow(() => {
        text = renderer.toPlainText(`<p>x${entity}y</p>`);
      }, entity);
      assert.equal(text, 'x\ufffdy', entity);
    }
  });

  test('never throws on broken entities and markup', () => {
    for (const source of ['&', '&#', '&#x;', '&#;', '&amp', '<', '<p', '</p>', '<<>>', '<!--', ']]>', '\u0000']) {
      assert.equal(typeof renderer.toPlainText(source), 'string', JSON.stringify(source));
    }
  });

  test('separates words split by <br>, table cells and divs', () => {
    assert.equal(renderer.toPlainText('line one<br>line two'), 'line one line two');
    assert.equal(renderer.toPlainText('<table><tr><td>a</td><td>b</td></tr></table>'), 'a b');
    assert.equal(renderer.toPlainText('<div>a</div><div>b</div>'), 'a b');
  });
});

describe('MarkdownBodyRenderer.toSafeHtml: empty paragraphs', () => {
  const renderer = new MarkdownBodyRenderer();
  test('a paragraph holding only a linked image keeps it (WordPress\'s "link to media file"); truly empty ones go', () => {
    assert.equal(
      renderer.toSafeHtml('<p><a href="https://old.example/big.jpg"><img src="https://old.example/small.jpg" alt="Harbour"></a></p><p><a href="https://x.example/"></a></p><p> </p><p><span><strong></strong></span></p>', 'html'),
      '<p><a href="https://old.example/big.jpg" rel="noopener nofollow ugc"><img src="https://old.example/small.jpg" alt="Harbour" loading="lazy" /></a></p>',
    );
  });
});
