/*
 * Runs every payload of the shared XSS corpora (/work/shared/corpus/xss/, see its README) through
 * MarkdownBodyRenderer.toSafeHtml as HTML and as Markdown, and checks the output with a small
 * HTML start-tag tokenizer (linkedom is not installed): no script-capable or navigation-capable
 * elements, no on* attributes, no style attributes, and no javascript:, vbscript: or data: URL in
 * any URL-carrying attribute, after entity decoding and removal of whitespace and control characters.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import type { BodyFormat } from '../domain/article.js';
import { payloadsOf, type XssPayload } from '../../test/support/xss-payloads.js';
import { MarkdownBodyRenderer } from './markdown-body-renderer.js';

const corpusUrl = new URL('../../../shared/corpus/xss/', import.meta.url);
const corpusPath = fileURLToPath(corpusUrl);

/** Elements that must never leave the sanitizer (the brief's list, then further script or form carriers). */
const forbiddenElements = new Set([
  'script', 'iframe', 'object', 'embed', 'form', 'style', 'svg', 'math', 'base', 'meta', 'link',
  'applet', 'frame', 'frameset', 'noscript', 'noembed', 'noframes', 'template', 'xmp', 'plaintext',
  'textarea', 'title', 'input', 'button', 'select', 'isindex', 'portal',
]);

/** Attributes whose value is a URL (or, for srcset, a list of URLs). */
const urlAttributes = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'cite', 'poster', 'background', 'data', 'imagesrcset']);

const forbiddenSchemes = /^(?:javascript|vbscript|data):/;

interface Attribute {
  name: string;
  value: string;
}

interface StartTag {
  name: string;
  attributes: Attribute[];
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
const isAsciiLetter = (c: string | undefined) => c !== undefined && /[a-zA-Z]/.test(c);

/**
 * The start tags of `markup` as an HTML tokenizer in the data state would see them: comments,
 * end tags and bogus comments are skipped, names are lower-cased, attribute values are raw
 * (entities not decoded). Raw-text elements are not special-cased, which can only add tags.
 */
function startTags(markup: string): StartTag[] {
  const tags: StartTag[] = [];
  let i = 0;
  const n = markup.length;
  const skipTo = (needle: string, from: number) => {
    const at = markup.indexOf(needle, from);
    return at === -1 ? n : at + needle.length;
  };
  while (i < n) {
    const lt = markup.indexOf('<', i);
    if (lt === -1) break;
    const next = markup[lt + 1];
    if (markup.startsWith('<!--', lt)) {
      i = skipTo('-->', lt + 4);
      continue;
    }
    if (next === '!' || next === '?' || (next === '/' && !isAsciiLetter(markup[lt + 2]))) {
      i = skipTo('>', lt + 1);
      continue;
    }
    if (next === '/') {
      i = skipTo('>', lt + 2);
      continue;
    }
    if (!isAsciiLetter(next)) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && !isSpace(markup[j]) && markup[j] !== '/' && markup[j] !== '>') j++;
    const tag: StartTag = { name: markup.slice(lt + 1, j).toLowerCase(), attributes: [] };
    for (;;) {
      while (j < n && (isSpace(markup[j]) || markup[j] === '/')) j++;
      if (j >= n || markup[j] === '>') break;
      const nameStart = j;
      j++; // the first character may be '='
      while (j < n && !isSpace(markup[j]) && markup[j] !== '/' && markup[j] !== '>' && markup[j] !== '=') j++;
      const name = markup.slice(nameStart, j).toLowerCase();
      while (j < n && isSpace(markup[j])) j++;
      let value = '';
      if (markup[j] === '=') {
        j++;
        while (j < n && isSpace(markup[j])) j++;
        const quote = markup[j];
        if (quote === '"' || quote === "'") {
          const end = markup.indexOf(quote, j + 1);
          value = markup.slice(j + 1, end === -1 ? n : end);
          j = end === -1 ? n : end + 1;
        } else {
          const start = j;
          while (j < n && !isSpace(markup[j]) && markup[j] !== '>') j++;
          value = markup.slice(start, j);
        }
      }
      tag.attributes.push({ name, value });
    }
    tags.push(tag);
    i = j + 1;
  }
  return tags;
}

/** Named references that can spell out a scheme or hide its separators; browsers decode these in attributes. */
const namedReferences: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', Tab: '\t', NewLine: '\n', nbsp: '\u00a0',
  sol: '/', bsol: '\\', lpar: '(', rpar: ')', semi: ';', comma: ',', period: '.', excl: '!', num: '#',
  percnt: '%', equals: '=', plus: '+', quest: '?', commat: '@', grave: '`', DiacriticalGrave: '`',
  lsqb: '[', rsqb: ']', lcub: '{', rcub: '}', verbar: '|', Hat: '^', lowbar: '_', dollar: '$', ast: '*',
};

/** Decodes character references in an attribute value once, as a browser would. */
function decodeAttributeValue(value: string): string {
  return value.replace(/&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*);)/g, (match, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return namedReferences[name] ?? match;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * How much to strip before reading a URL's scheme. 'ascii' removes ASCII whitespace and all control
 * characters anywhere (a superset of what the WHATWG URL parser strips); 'unicode' also removes every
 * Unicode space and format character (U+00A0, U+1680, U+180E, U+2000–U+200B, U+2028/9, U+3000…),
 * which DOMPurify treats as whitespace too.
 */
type Stripping = 'ascii' | 'unicode';

/** The scheme-relevant form of a URL: entities decoded, whitespace and control characters removed, lower case. */
function normalizeUrl(value: string, stripping: Stripping = 'ascii'): string {
  const pattern = stripping === 'ascii' ? /[\t\n\f\r \p{Cc}]/gu : /[\s\p{Cc}\p{Cf}\p{Zs}\u180e]/gu;
  return decodeAttributeValue(value).replace(pattern, '').toLowerCase();
}

/** Every reason `markup` is unsafe; empty when it passes all checks. */
function violationsOf(markup: string, stripping: Stripping = 'ascii'): string[] {
  const problems: string[] = [];
  const raw = /<\s*\/?\s*(script|iframe|object|embed|form|style|svg|math|base|meta|link)\b/i.exec(markup);
  if (raw) problems.push(`raw "${raw[0]}" in the output`);
  for (const tag of startTags(markup)) {
    if (forbiddenElements.has(tag.name)) problems.push(`<${tag.name}> element`);
    for (const { name, value } of tag.attributes) {
      if (name.startsWith('on')) problems.push(`${name} attribute on <${tag.name}>`);
      if (name === 'style') problems.push(`style attribute on <${tag.name}>`);
      if (!urlAttributes.has(name)) continue;
      const urls = name.endsWith('srcset') ? [value, ...value.split(',')] : [value];
      for (const url of urls) {
        const normalized = normalizeUrl(url, stripping);
        if (forbiddenSchemes.test(normalized)) problems.push(`${name}="${value.slice(0, 60)}" on <${tag.name}> (${normalized.slice(0, 20)}…)`);
      }
    }
  }
  return problems;
}

const corpusMissing = !existsSync(corpusPath);
const corpusFiles = corpusMissing ? [] : readdirSync(corpusPath).filter((name) => !/^readme/i.test(name) && !name.startsWith('.')).sort();

describe('XSS corpus checker (self-test)', () => {
  test('reports forbidden elements, case-insensitively', () => {
    assert.deepEqual(violationsOf('<p>ok</p>'), []);
    for (const markup of ['<SCRIPT>x</SCRIPT>', '<svg/onload=x>', '<iframe src=x>', '<Math>', '<base href=x>', '<link rel=x>', '<meta http-equiv=refresh>', '<form>', '<style>', '<object>', '<embed>']) {
      assert.notDeepEqual(violationsOf(markup), [], markup);
    }
  });

  test('reports event handlers and style attributes however they are quoted', () => {
    for (const markup of ['<img src=x onerror=alert(1)>', '<p ONCLICK="x">', "<a onmouseover='x'>", '<img/onerror=x>', '<p style="x">']) {
      assert.notDeepEqual(violationsOf(markup), [], markup);
    }
  });

  test('reports hostile schemes after decoding entities and removing whitespace and controls', () => {
    for (const markup of [
      '<a href="javascript:alert(1)">',
      '<a href=" JaVaScRiPt:alert(1)">',
      '<a href="jav&#x09;ascript:alert(1)">',
      '<a href="jav&#9ascript:alert(1)">',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">',
      '<a href="javascript&colon;alert(1)">',
      '<a href="java&Tab;script:alert(1)">',
      '<a href="\u0001javascript:alert(1)">',
      '<img src="vbscript:x">',
      '<img src="data:image/png;base64,AA">',
      '<img srcset="https://e.example/a.png 1x, data:image/png;base64,AA 2x">',
      '<form action="javascript:x">',
      '<button formaction="javascript:x">',
      '<a xlink:href="javascript:x">',
      "<a href='javascript:x'>",
      '<a href=javascript:x>',
    ]) {
      assert.notDeepEqual(violationsOf(markup), [], markup);
    }
  });

  test('ascii stripping keeps Unicode spaces, unicode stripping removes them too', () => {
    for (const space of ['\u00a0', '\u1680', '\u180e', '\u2000', '\u200b', '\u2028', '\u2029', '\u3000', '&#xA0;']) {
      const markup = `<a href="${space}javascript:alert(1)">x</a>`;
      assert.deepEqual(violationsOf(markup, 'ascii'), [], JSON.stringify(markup));
      assert.notDeepEqual(violationsOf(markup, 'unicode'), [], JSON.stringify(markup));
    }
  });

  test('passes safe markup and escaped text', () => {
    for (const markup of [
      '<p><a href="https://e.example/?q=javascript:x" rel="noopener nofollow ugc">javascript:alert(1)</a></p>',
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img onerror=x&gt;</p>',
      '<img src="https://e.example/a.png" alt="onerror=x" loading="lazy" />',
      '<a href="mailto:desk@example.org">mail</a><a href="/data:x">relative</a>',
    ]) {
      assert.deepEqual(violationsOf(markup), [], markup);
    }
  });
});

const renderer = new MarkdownBodyRenderer();
const formats: BodyFormat[] = ['html', 'markdown'];

interface FileResult {
  payloads: number;
  /** Outputs that fail the checks with ASCII stripping (or throw). */
  failures: string[];
  /** Outputs that pass with ASCII stripping but fail once Unicode spaces are stripped too. */
  unicodeOnlyFailures: string[];
}

const results = new Map<string, FileResult>();

/** Renders every payload of `file` in both formats once and checks the outputs. */
function resultFor(file: string): FileResult {
  const cached = results.get(file);
  if (cached) return cached;
  const payloads = payloadsOf(file, readFileSync(new URL(file, corpusUrl), 'utf8'));
  const result: FileResult = { payloads: payloads.length, failures: [], unicodeOnlyFailures: [] };
  const describeFailure = (payload: XssPayload, format: BodyFormat, problems: string[], output: string) =>
    `${payload.label} [${format}]: ${problems.join('; ')}\n    input:  ${JSON.stringify(payload.source.slice(0, 200))}\n    output: ${JSON.stringify(output.slice(0, 300))}`;
  for (const payload of payloads) {
    for (const format of formats) {
      let output: string;
      try {
        output = renderer.toSafeHtml(payload.source, format);
      } catch (error) {
        result.failures.push(`${payload.label} [${format}]: threw ${String(error)}`);
        continue;
      }
      const problems = violationsOf(output, 'ascii');
      if (problems.length > 0) {
        result.failures.push(describeFailure(payload, format, problems, output));
        continue;
      }
      const unicodeProblems = violationsOf(output, 'unicode');
      if (unicodeProblems.length > 0) result.unicodeOnlyFailures.push(`${file} ${describeFailure(payload, format, unicodeProblems, output)}`);
    }
  }
  results.set(file, result);
  return result;
}

describe('MarkdownBodyRenderer against the XSS corpora', () => {
  test('the corpus directory is present and holds payload files', () => {
    assert.ok(!corpusMissing, `XSS corpus not found at ${corpusPath}; this test needs /work/shared/corpus/xss/ (see its README.md) next to the repository`);
    assert.ok(corpusFiles.length > 0, `no payload files in ${corpusPath}`);
  });

  for (const file of corpusFiles) {
    test(`${file}: every payload is neutralised as HTML and as Markdown`, (t) => {
      const result = resultFor(file);
      assert.ok(result.payloads > 0, `${file} yielded no payloads`);
      t.diagnostic(`${file}: ${result.payloads} payloads × ${formats.length} formats checked`);
      assert.equal(result.failures.length, 0, `${result.failures.length} unsafe outputs in ${file}:\n${result.failures.slice(0, 25).join('\n')}`);
    });
  }

  test(
    'no URL hides a javascript: scheme behind Unicode spaces (U+00A0, U+1680, U+180E, U+2000–U+200B, U+2028/9, U+3000)',

    () => {
      const failures = corpusFiles.flatMap((file) => resultFor(file).unicodeOnlyFailures);
      assert.equal(failures.length, 0, `${failures.length} outputs:\n${failures.slice(0, 25).join('\n')}`);
    },
  );

  test('reports how many payloads were checked', (t) => {
    const checked = corpusFiles.reduce((sum, file) => sum + resultFor(file).payloads, 0);
    t.diagnostic(`${checked} payloads from ${corpusFiles.length} files checked, ${checked * formats.length} renderings`);
    assert.ok(checked > 0, 'no payload was checked');
  });
});
