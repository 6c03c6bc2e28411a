// domain/ may not import node:* (eslint layer rule); the test runner and assert are test-only tooling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from './errors.js';
import { MAX_PAGE, paginate, parsePageNumber } from './pagination.js';

function assertInvalidPage(raw: unknown): void {
  assert.throws(
    () => parsePageNumber(raw),
    (error: unknown) => {
      assert.ok(error instanceof AppError, `expected an AppError for ${JSON.stringify(raw)}`);
      assert.equal(error.code, 'INVALID_PAGE_NUMBER');
      assert.equal(error.kind, 'invalid');
      return true;
    },
    `page ${JSON.stringify(raw)}`,
  );
}

describe('parsePageNumber', () => {
  test('an absent or empty page is page 1', () => {
    assert.equal(parsePageNumber(undefined), 1);
    assert.equal(parsePageNumber(''), 1);
  });

  test('parses positive whole numbers', () => {
    assert.equal(parsePageNumber('1'), 1);
    assert.equal(parsePageNumber('2'), 2);
    assert.equal(parsePageNumber('42'), 42);
    assert.equal(parsePageNumber(String(MAX_PAGE)), MAX_PAGE);
  });

  test('rejects zero and negative numbers', () => {
    for (const raw of ['0', '00', '-1', '-0', '+1']) assertInvalidPage(raw);
  });

  test('rejects text, fractions, exponents, hex and padded numbers', () => {
    for (const raw of ['abc', '1.5', '1.0', '1e3', '0x10', ' 2', '2 ', '2abc', 'Infinity', 'NaN', '١٢', '２']) assertInvalidPage(raw);
  });

  test('rejects numbers past the maximum', () => {
    assertInvalidPage(String(MAX_PAGE + 1));
    assertInvalidPage('999999');
    assertInvalidPage('9999999');
    assertInvalidPage('9'.repeat(400));
  });

  test('rejects repeated query values (arrays) and other non-strings', () => {
    for (const raw of [['2'], ['1', '2'], [], 2, null, {}, true]) assertInvalidPage(raw);
  });

  test('keeps the offending value, truncated, in the error details', () => {
    try {
      parsePageNumber('x'.repeat(500));
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof AppError);
      assert.equal(error.details?.page, 'x'.repeat(40));
    }
  });
});

describe('paginate', () => {
  test('first page of a longer listing', () => {
    assert.deepEqual(paginate(1, 20, 45), { page: 1, pageSize: 20, total: 45, pageCount: 3, offset: 0 });
  });

  test('offset grows by the page size', () => {
    assert.equal(paginate(2, 20, 45).offset, 20);
    assert.equal(paginate(3, 20, 45).offset, 40);
    assert.equal(paginate(5, 10, 1000).offset, 40);
  });

  test('page count rounds up and is exact on multiples', () => {
    assert.equal(paginate(1, 20, 40).pageCount, 2);
    assert.equal(paginate(1, 20, 41).pageCount, 3);
    assert.equal(paginate(1, 20, 1).pageCount, 1);
    assert.equal(paginate(1, 1, 7).pageCount, 7);
  });

  test('an empty listing still has one page', () => {
    assert.deepEqual(paginate(1, 20, 0), { page: 1, pageSize: 20, total: 0, pageCount: 1, offset: 0 });
  });

  test('a page past the end is reported as asked (clamping is the caller’s job)', () => {
    assert.deepEqual(paginate(9, 10, 25), { page: 9, pageSize: 10, total: 25, pageCount: 3, offset: 80 });
  });
});
