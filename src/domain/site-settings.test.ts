// domain/ may not import node:* (eslint layer rule); the test runner and assert are test-only tooling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultNotices, fillPlaceholders, type PlaceholderValues } from './site-settings.js';

const values: PlaceholderValues = {
  site: 'Dateline',
  source: 'Wire Service',
  url: 'https://wire.example/a',
  author: 'Jane Reporter',
  title: 'Budget vote',
  email: 'editors@example.org',
  year: '2026',
};

describe('fillPlaceholders: known placeholders', () => {
  test('replaces every known placeholder with its value', () => {
    assert.equal(
      fillPlaceholders('{site}|{source}|{url}|{author}|{title}|{email}|{year}', values),
      'Dateline|Wire Service|https://wire.example/a|Jane Reporter|Budget vote|editors@example.org|2026',
    );
  });

  test('replaces repeated placeholders each time', () => {
    assert.equal(fillPlaceholders('{site} and {site}', values), 'Dateline and Dateline');
  });

  test('does not expand placeholders that appear inside a value', () => {
    assert.equal(fillPlaceholders('By {author}', { author: '{site} {{x}}', site: 'Dateline' }), 'By {site} {{x}}');
  });

  test('leaves text without placeholders unchanged', () => {
    assert.equal(fillPlaceholders('Comment on this article', values), 'Comment on this article');
    assert.equal(fillPlaceholders('', values), '');
  });

  test('fills the default notices without leaving placeholders behind', () => {
    for (const [name, template] of Object.entries(defaultNotices)) {
      const filled = fillPlaceholders(template, values);
      assert.doesNotMatch(filled, /\{[a-z]+\}/, name);
    }
    assert.equal(fillPlaceholders(defaultNotices.mediaInquiries, values), 'For print publication, commercial reuse or media inquiries, contact editors@example.org.');
  });
});

describe('fillPlaceholders: unknown and missing placeholders', () => {
  test('leaves unknown placeholders visible', () => {
    assert.equal(fillPlaceholders('Hello {unknown} at {site}', values), 'Hello {unknown} at Dateline');
    assert.equal(fillPlaceholders('{Site} {SITE} {site_name} {s1te}', values), '{Site} {SITE} {site_name} {s1te}');
  });

  test('leaves names of Object.prototype members visible as unknown placeholders', () => {
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      assert.equal(fillPlaceholders(`x {${name}} y`, {}), `x {${name}} y`, name);
    }
  });

  test('leaves {constructor} visible as an unknown placeholder', () => {
    assert.equal(fillPlaceholders('x {constructor} y', {}), 'x {constructor} y');
    assert.equal(fillPlaceholders('x {constructor} y', values), 'x {constructor} y');
  });

  test('a known placeholder without a value becomes empty', () => {
    assert.equal(fillPlaceholders('[{author}]', {}), '[]');
    assert.equal(fillPlaceholders('{author}', {}), '');
  });

  test('an empty value before punctuation leaves no space before the punctuation', () => {
    assert.equal(fillPlaceholders('by {author}, today', {}), 'by, today');
    assert.equal(fillPlaceholders('Contact {email}.', {}), 'Contact.');
    assert.equal(fillPlaceholders('Write to {email}; we answer', { email: '' }), 'Write to; we answer');
    assert.equal(fillPlaceholders('Source {source}: wire', {}), 'Source: wire');
  });

  test('an empty value leaves no double space and no empty parentheses', () => {
    assert.equal(fillPlaceholders('Written by {author} for {site}', { site: 'Dateline' }), 'Written by for Dateline');
    assert.equal(fillPlaceholders('Thanks ({email}) again', {}), 'Thanks again');
    assert.equal(fillPlaceholders('Thanks ( {email} ) again', {}), 'Thanks again');
  });

  test('an empty value at either end leaves no surrounding whitespace', () => {
    assert.equal(fillPlaceholders('{author} wrote this', {}), 'wrote this');
    assert.equal(fillPlaceholders('Reported by {author}', {}), 'Reported by');
  });
});

describe('fillPlaceholders: brace escapes', () => {
  test('{{ and }} produce literal braces', () => {
    assert.equal(fillPlaceholders('{{site}}', values), '{site}');
    assert.equal(fillPlaceholders('a {{ b }} c', values), 'a { b } c');
  });

  test('an escaped brace next to a placeholder still fills the placeholder', () => {
    assert.equal(fillPlaceholders('{{{site}}}', values), '{Dateline}');
  });
});

describe('fillPlaceholders: odd input never throws', () => {
  const odd = ['{', '}', '}{', '{site', 'site}', '{}', '{{', '}}', '{{{', '}}}', '{ site }', '{-}', '{1}', '{\u0000}', '(', ')', ')(', '\u2028', '{site}{'];

  test('returns text for every odd template', () => {
    for (const template of odd) {
      const filled = fillPlaceholders(template, values);
      assert.equal(typeof filled, 'string', `template ${JSON.stringify(template)}`);
    }
  });

  test('unbalanced braces are kept as written', () => {
    assert.equal(fillPlaceholders('{', values), '{');
    assert.equal(fillPlaceholders('}', values), '}');
    assert.equal(fillPlaceholders('}{', values), '}{');
    assert.equal(fillPlaceholders('{site', values), '{site');
    assert.equal(fillPlaceholders('site}', values), 'site}');
    assert.equal(fillPlaceholders('{}', values), '{}');
    assert.equal(fillPlaceholders('{site}{', values), 'Dateline{');
  });

  test('handles very long templates and values', () => {
    const braces = `${'{'.repeat(50_000)}site${'}'.repeat(50_000)}`;
    const filled = fillPlaceholders(braces, values);
    assert.equal(filled, `${'{'.repeat(25_000)}site${'}'.repeat(25_000)}`);

    const words = 'word, '.repeat(100_000);
    assert.equal(fillPlaceholders(`{title} ${words}`, { title: 'T' }), `T ${words}`.trim());

    const longValue = 'x'.repeat(1_000_000);
    assert.equal(fillPlaceholders('[{title}]', { title: longValue }), `[${longValue}]`);
  });

  test('stays fast on a long run of whitespace (no quadratic backtracking)', () => {
    const started = performance.now();
    const filled = fillPlaceholders('By {author}.', { author: `a${' '.repeat(40_000)}b` });
    const elapsed = performance.now() - started;
    assert.equal(filled, 'By a b.');
    assert.ok(elapsed < 250, `took ${Math.round(elapsed)} ms`);
  });
});
