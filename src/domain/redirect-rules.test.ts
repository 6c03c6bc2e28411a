// domain/ may not import node:* (eslint layer rule); the test runner and assert are test-only tooling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppError } from './errors.js';
import { checkRedirectStatus, localPathOf, parseRedirectDestination, parseRedirectSource, refuseLoop } from './redirect-rules.js';

const invalid = (e: unknown) => isAppError(e, 'INVALID_INPUT');

describe('redirect sources', () => {
  test('are paths on this site, with only identifying query parameters kept', () => {
    assert.equal(parseRedirectSource(' /old/story/ '), '/old/story/');
    assert.equal(parseRedirectSource('/?p=12&utm_source=x'), '/?p=12');
  });
  test('refuse other hosts, the home page and the back office', () => {
    for (const bad of ['old/story', '//evil.example/', '/\\evil.example', 'https://news.example/x', '/', '/admin/', '/admin', '/with space']) {
      assert.throws(() => parseRedirectSource(bad), invalid, bad);
    }
  });
});

describe('redirect destinations', () => {
  test('are site paths or explicit http(s) addresses', () => {
    assert.equal(parseRedirectDestination('/region/europe/'), '/region/europe/');
    assert.equal(parseRedirectDestination('https://partner.example/a'), 'https://partner.example/a');
  });
  test('refuse protocol-relative, backslash and script addresses', () => {
    for (const bad of ['//evil.example/', '/\\evil.example', 'javascript:alert(1)', 'evil.example', 'https:\\\\evil.example', 'ftp://x.example/']) {
      assert.throws(() => parseRedirectDestination(bad), invalid, bad);
    }
  });
  test('a full address of the site itself is a local path', () => {
    assert.equal(localPathOf('https://news.example/a/?p=3', 'https://news.example'), '/a/?p=3');
    assert.equal(localPathOf('https://other.example/a/', 'https://news.example'), null);
    assert.equal(localPathOf('/b/', 'https://news.example'), '/b/');
  });
  test('410 takes no destination; 301 and 302 need one', () => {
    assert.throws(() => checkRedirectStatus(410, '/x/'), invalid);
    assert.throws(() => checkRedirectStatus(301, null), invalid);
    checkRedirectStatus(302, '/x/');
    checkRedirectStatus(410, null);
  });
});

describe('redirect loops', () => {
  const stored = new Map([['/b/', '/c/'], ['/c/', '/a/'], ['/d/', '/e/']]);
  const next = async (path: string) => stored.get(path) ?? null;
  test('are refused when the chain comes back', async () => {
    await assert.rejects(refuseLoop('/a/', '/b/', next), invalid);
    await assert.rejects(refuseLoop('/a/', '/a/', next), invalid);
  });
  test('a chain that ends is fine', async () => {
    await refuseLoop('/x/', '/d/', next);
    await refuseLoop('/x/', null, next);
  });
});
