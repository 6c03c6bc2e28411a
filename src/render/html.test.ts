import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeHtml, html, jsonForScript, SafeHtml, trusted } from './html.js';

describe('escapeHtml', () => {
  test('escapes all five special characters', () => {
    assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
  });

  test('escapes every occurrence and leaves other text alone', () => {
    assert.equal(escapeHtml(`a<b>c<d>"e"'f'&&`), 'a&lt;b&gt;c&lt;d&gt;&quot;e&quot;&#39;f&#39;&amp;&amp;');
    assert.equal(escapeHtml('Plain text, émigré — 東京'), 'Plain text, émigré — 東京');
    assert.equal(escapeHtml(''), '');
  });

  test('escapes an ampersand that already starts an entity (no entity passthrough)', () => {
    assert.equal(escapeHtml('&amp; &lt; &#39;'), '&amp;amp; &amp;lt; &amp;#39;');
  });
});

describe('html tagged template', () => {
  test('returns SafeHtml whose string value is the markup', () => {
    const out = html`<p>hi</p>`;
    assert.ok(out instanceof SafeHtml);
    assert.equal(out.value, '<p>hi</p>');
    assert.equal(String(out), '<p>hi</p>');
  });

  test('escapes interpolated strings in content and attributes', () => {
    const title = `<script>alert("x")</script> & 'co'`;
    assert.equal(
      html`<h1 title="${title}">${title}</h1>`.value,
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</h1>',
    );
  });

  test('an attribute value cannot break out of its quotes', () => {
    const value = `" onmouseover="alert(1)`;
    const out = html`<a href="${value}">x</a>`.value;
    assert.equal(out, '<a href="&quot; onmouseover=&quot;alert(1)">x</a>');
    assert.equal(out.split('"').length - 1, 2);
  });

  test('nested templates are inserted as they are, not escaped twice', () => {
    const inner = html`<em>${'a & b'}</em>`;
    assert.equal(html`<p>${inner}</p>`.value, '<p><em>a &amp; b</em></p>');
    assert.equal(html`<div>${html`<p>${inner}</p>`}</div>`.value, '<div><p><em>a &amp; b</em></p></div>');
  });

  test('arrays are joined without separators, each item rendered by its own rule', () => {
    const items = ['<a>', 'b&c'].map((s) => html`<li>${s}</li>`);
    assert.equal(html`<ul>${items}</ul>`.value, '<ul><li>&lt;a&gt;</li><li>b&amp;c</li></ul>');
    assert.equal(html`${['<x>', trusted('<y>'), null, 3, ['<z>']]}`.value, '&lt;x&gt;<y>3&lt;z&gt;');
    assert.equal(html`<ul>${[]}</ul>`.value, '<ul></ul>');
  });

  test('null, undefined and false render as nothing', () => {
    assert.equal(html`[${null}][${undefined}][${false}]`.value, '[][][]');
  });

  test('numbers render, including zero', () => {
    assert.equal(html`${0} ${42} ${-1.5}`.value, '0 42 -1.5');
  });

  test('an empty string renders as nothing', () => {
    assert.equal(html`<p>${''}</p>`.value, '<p></p>');
  });

  test('the literal parts of the template are kept verbatim', () => {
    assert.equal(html`<p class="a">&amp;</p>${'x'}<br>`.value, '<p class="a">&amp;</p>x<br>');
  });
});

describe('trusted', () => {
  test('passes sanitized markup through unchanged', () => {
    const body = '<p>Already <strong>sanitized</strong> &amp; safe</p>';
    const safe = trusted(body);
    assert.ok(safe instanceof SafeHtml);
    assert.equal(html`<div>${safe}</div>`.value, `<div>${body}</div>`);
  });

  test('a plain string with the same content is escaped instead', () => {
    assert.equal(html`${'<b>'}`.value, '&lt;b&gt;');
    assert.equal(html`${trusted('<b>')}`.value, '<b>');
  });
});

describe('jsonForScript', () => {
  /** What an HTML parser looks for to end a script element or enter its escaped states. */
  function assertInertInScript(out: string): void {
    assert.doesNotMatch(out, /<\/script/i);
    assert.doesNotMatch(out, /<!--/);
    assert.doesNotMatch(out, /-->/);
    assert.doesNotMatch(out, /<script/i);
    assert.doesNotMatch(out, /[<>]/);
  }

  test('round-trips through JSON.parse', () => {
    const value = { '@context': 'https://schema.org', headline: 'A & B <c> "d" \'e\'', n: 1, ok: true, none: null, list: [1, 'two'] };
    const out = jsonForScript(value);
    assert.ok(out instanceof SafeHtml);
    assert.deepEqual(JSON.parse(out.value), value);
  });

  test('a </script> inside a string cannot close the script element', () => {
    const value = { headline: '</script><script>alert(1)</script>', also: '</SCRIPT >' };
    const out = jsonForScript(value).value;
    assertInertInScript(out);
    assert.deepEqual(JSON.parse(out), value);
  });

  test('<!-- and --> inside a string cannot open or close a comment', () => {
    const value = { headline: '<!--<script>', tail: '-->' };
    const out = jsonForScript(value).value;
    assertInertInScript(out);
    assert.deepEqual(JSON.parse(out), value);
  });

  test('hostile keys are made inert too', () => {
    const value = { '</script>': '<!--' };
    const out = jsonForScript(value).value;
    assertInertInScript(out);
    assert.deepEqual(JSON.parse(out), value);
  });

  test('ampersands and the line and paragraph separators are escaped', () => {
    const value = { text: 'a & b\u2028c\u2029d' };
    const out = jsonForScript(value).value;
    assert.doesNotMatch(out, /[&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(out), value);
  });

  test('inserting it into a template does not escape it again', () => {
    const out = html`<script type="application/ld+json">${jsonForScript({ a: '<b>' })}</script>`.value;
    assert.equal(out, '<script type="application/ld+json">{"a":"\\u003cb\\u003e"}</script>');
  });
});
