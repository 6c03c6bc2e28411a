import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ACCEPT_HEADERS, DEFAULT_ALLOWED_TYPES, isAllowedType, isUnlabelled, parseContentType } from './content-type.js';

describe('parseContentType', () => {
  test('reads the media type and charset, lower-cased and unquoted', () => {
    assert.deepEqual(parseContentType('text/html; charset=UTF-8'), { mediaType: 'text/html', charset: 'utf-8' });
    assert.deepEqual(parseContentType('Application/RSS+XML;Charset="ISO-8859-1"'), { mediaType: 'application/rss+xml', charset: 'iso-8859-1' });
    assert.deepEqual(parseContentType('text/xml; foo=bar; charset = windows-1252 '), { mediaType: 'text/xml', charset: 'windows-1252' });
  });

  test('missing, empty or malformed values give nulls', () => {
    assert.deepEqual(parseContentType(null), { mediaType: null, charset: null });
    assert.deepEqual(parseContentType(undefined), { mediaType: null, charset: null });
    assert.deepEqual(parseContentType(''), { mediaType: null, charset: null });
    assert.deepEqual(parseContentType('html'), { mediaType: null, charset: null });
    assert.deepEqual(parseContentType('text/html; charset='), { mediaType: 'text/html', charset: null });
  });
});

describe('isAllowedType', () => {
  test('matches exactly or by type/*', () => {
    assert.equal(isAllowedType('text/html', ['text/html']), true);
    assert.equal(isAllowedType('text/plain', ['text/*']), true);
    assert.equal(isAllowedType('application/json', ['text/*', 'application/xml']), false);
    assert.equal(isAllowedType('application/xhtml+xml', DEFAULT_ALLOWED_TYPES.html ?? []), true);
    assert.equal(isAllowedType('application/atom+xml', DEFAULT_ALLOWED_TYPES.feed ?? []), true);
    assert.equal(isAllowedType('image/png', DEFAULT_ALLOWED_TYPES.feed ?? []), false);
  });
});

describe('isUnlabelled', () => {
  test('absent and octet-stream types are unlabelled, real types are not', () => {
    assert.equal(isUnlabelled(null), true);
    assert.equal(isUnlabelled('application/octet-stream'), true);
    assert.equal(isUnlabelled('text/html'), false);
  });
});

describe('ACCEPT_HEADERS', () => {
  test('each kind asks for its own types first', () => {
    assert.match(ACCEPT_HEADERS.html, /^text\/html/);
    assert.match(ACCEPT_HEADERS.feed, /^application\/rss\+xml/);
    assert.equal(ACCEPT_HEADERS.any, '*/*');
    assert.equal(DEFAULT_ALLOWED_TYPES.any, null);
  });
});
