import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAddressPolicy } from './address-policy.js';
import { FetchError } from './fetch-error.js';
import { checkTargetUrl } from './target-url.js';
import type { TargetRules } from './target-url.js';

const rules: TargetRules = { policy: createAddressPolicy(), extraPorts: new Set([8080]) };

function rejects(raw: string, code: string, base?: string): FetchError {
  let caught: unknown;
  try {
    checkTargetUrl(raw, rules, base === undefined ? undefined : new URL(base));
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof FetchError, `${raw} should be refused with ${code}`);
  assert.equal(caught.code, code, `${raw}: ${caught.message}`);
  return caught;
}

describe('checkTargetUrl', () => {
  test('accepts public http and https URLs and drops the fragment', () => {
    assert.equal(checkTargetUrl('https://example.com/a?b=1#top', rules).href, 'https://example.com/a?b=1');
    assert.equal(checkTargetUrl('http://8.8.8.8/', rules).href, 'http://8.8.8.8/');
    assert.equal(checkTargetUrl('http://[2606:4700:4700::1111]/', rules).href, 'http://[2606:4700:4700::1111]/');
  });

  test('odd IPv4 spellings are normalised by the URL parser and then refused', () => {
    for (const raw of ['http://2130706433/', 'http://0x7f.1/', 'http://017700000001/', 'http://127.1/', 'http://0177.0.0.1/', 'http://0x7f000001/']) {
      assert.equal(new URL(raw).hostname, '127.0.0.1', raw);
      const error = rejects(raw, 'forbidden-address');
      assert.match(error.message, /127\.0\.0\.1/);
    }
    assert.equal(new URL('http://0xa9.0xfe.0xa9.0xfe/').hostname, '169.254.169.254');
    rejects('http://0xa9.0xfe.0xa9.0xfe/', 'forbidden-address');
  });

  test('IPv6 literals, including IPv4-mapped ones, are refused when forbidden', () => {
    assert.equal(new URL('http://[::ffff:127.0.0.1]/').hostname, '[::ffff:7f00:1]');
    rejects('http://[::ffff:127.0.0.1]/', 'forbidden-address');
    rejects('http://[::1]/', 'forbidden-address');
    rejects('http://[fd00:ec2::254]/latest/meta-data/', 'forbidden-address');
    rejects('http://[fe80::1]/', 'forbidden-address');
    rejects('http://[::]/', 'forbidden-address');
    rejects('http://0.0.0.0/', 'forbidden-address');
    rejects('http://169.254.169.254/latest/meta-data/', 'forbidden-address');
  });

  test('only http and https', () => {
    for (const raw of ['file:///etc/passwd', 'ftp://example.com/', 'gopher://example.com/', 'data:text/html,hi', 'javascript:alert(1)']) rejects(raw, 'bad-url');
  });

  test('no credentials in the URL', () => {
    rejects('https://user:secret@example.com/', 'bad-url');
    rejects('https://user@example.com/', 'bad-url');
  });

  test('ports: 80 and 443 always, others only when allowed', () => {
    assert.equal(checkTargetUrl('http://example.com:443/', rules).port, '443');
    assert.equal(checkTargetUrl('https://example.com:80/', rules).port, '80');
    assert.equal(checkTargetUrl('http://example.com:8080/', rules).port, '8080');
    rejects('http://example.com:22/', 'bad-url');
    rejects('http://example.com:6379/', 'bad-url');
  });

  test('garbage is a bad URL', () => {
    for (const raw of ['', 'not a url', 'http://', 'http://exa mple.com/', '/relative/without/base']) rejects(raw, 'bad-url');
  });

  test('a relative Location resolves against the current URL and is checked again', () => {
    assert.equal(checkTargetUrl('/feed.xml', rules, new URL('https://example.com/blog/')).href, 'https://example.com/feed.xml');
    assert.equal(checkTargetUrl('next', rules, new URL('https://example.com/blog/')).href, 'https://example.com/blog/next');
    assert.equal(checkTargetUrl('//other.example/x', rules, new URL('https://example.com/')).href, 'https://other.example/x');
    rejects('//127.0.0.1/x', 'forbidden-address', 'https://example.com/');
    rejects('file:///etc/passwd', 'bad-url', 'https://example.com/');
  });
});
