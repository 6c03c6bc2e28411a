// domain/ may not import node:* (eslint layer rule); the test runner and assert are test-only tooling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articlePath, articleStatuses, assertStatusChange, excerptFromText, isVisible, type ArticleStatus } from './article.js';
import { AppError } from './errors.js';
import type { Instant, Slug } from './ids.js';

const at = (iso: string) => iso as Instant;

/** True when the string holds a UTF-16 surrogate that is not part of a pair. */
function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

describe('assertStatusChange', () => {
  const forbidden = new Set(['published→scheduled', 'archived→scheduled']);

  test('allows every change except into scheduled from published or archived', () => {
    for (const from of articleStatuses) {
      for (const to of articleStatuses) {
        const key = `${from}→${to}`;
        if (forbidden.has(key)) continue;
        assert.doesNotThrow(() => assertStatusChange(from, to), key);
      }
    }
  });

  test('staying in the same status is always allowed', () => {
    for (const status of articleStatuses) assert.doesNotThrow(() => assertStatusChange(status, status), status);
  });

  test('the typical lifecycle is allowed', () => {
    const steps: [ArticleStatus, ArticleStatus][] = [['draft', 'scheduled'], ['scheduled', 'published'], ['published', 'archived'], ['archived', 'published'], ['published', 'draft']];
    for (const [from, to] of steps) assert.doesNotThrow(() => assertStatusChange(from, to), `${from}→${to}`);
  });

  test('forbidden changes throw INVALID_STATUS_CHANGE with both statuses in the details', () => {
    for (const key of forbidden) {
      const [from, to] = key.split('→') as [ArticleStatus, ArticleStatus];
      assert.throws(
        () => assertStatusChange(from, to),
        (error: unknown) => {
          assert.ok(error instanceof AppError);
          assert.equal(error.code, 'INVALID_STATUS_CHANGE');
          assert.equal(error.kind, 'invalid');
          assert.deepEqual(error.details, { from, to });
          return true;
        },
        key,
      );
    }
  });
});

describe('isVisible', () => {
  const now = at('2026-11-27T08:00:00.000Z');

  test('a published article dated in the past or exactly now is visible', () => {
    assert.equal(isVisible({ status: 'published', publishedAt: at('2026-11-26T08:00:00.000Z') }, now), true);
    assert.equal(isVisible({ status: 'published', publishedAt: now }, now), true);
  });

  test('a published article dated in the future is not visible yet', () => {
    assert.equal(isVisible({ status: 'published', publishedAt: at('2026-11-27T08:00:00.001Z') }, now), false);
  });

  test('a published article without a date is not visible', () => {
    assert.equal(isVisible({ status: 'published', publishedAt: null }, now), false);
  });

  test('drafts, scheduled and archived articles are not visible even when dated in the past', () => {
    for (const status of ['draft', 'scheduled', 'archived'] as const) {
      assert.equal(isVisible({ status, publishedAt: at('2020-01-01T00:00:00.000Z') }, now), false, status);
    }
  });
});

describe('articlePath', () => {
  const slug = 'budget-vote' as Slug;

  test('uses year and month of the publication date', () => {
    assert.equal(articlePath({ slug, publishedAt: at('2026-03-09T12:00:00.000Z'), createdAt: at('2025-12-31T00:00:00.000Z') }), '/2026/03/budget-vote/');
  });

  test('falls back to the creation date when unpublished', () => {
    assert.equal(articlePath({ slug, publishedAt: null, createdAt: at('2025-12-31T23:59:59.999Z') }), '/2025/12/budget-vote/');
  });

  test('keeps a non-ASCII slug as it is', () => {
    assert.equal(articlePath({ slug: 'привет-мир' as Slug, publishedAt: at('2026-11-01T00:00:00.000Z'), createdAt: at('2026-11-01T00:00:00.000Z') }), '/2026/11/привет-мир/');
  });
});

describe('excerptFromText', () => {
  test('short text is returned whole, with whitespace collapsed and trimmed', () => {
    assert.equal(excerptFromText('  Hello\n\n  world\t! '), 'Hello world !');
    assert.equal(excerptFromText('exactly ten', 11), 'exactly ten');
    assert.equal(excerptFromText(''), '');
  });

  test('long text is cut at a word boundary and ends with an ellipsis', () => {
    assert.equal(excerptFromText('The quick brown fox jumps over the lazy dog', 20), 'The quick brown fox…');
    assert.equal(excerptFromText('one two three four five six seven', 16), 'one two three…');
  });

  test('punctuation before the cut is removed before the ellipsis', () => {
    assert.equal(excerptFromText('Hello world, this is a test', 14), 'Hello world…');
    assert.equal(excerptFromText('Alpha beta; gamma delta epsilon', 13), 'Alpha beta…');
  });

  test('a single long word is cut hard', () => {
    assert.equal(excerptFromText('abcdefghijklmnopqrstuvwxyz', 10), 'abcdefghi…');
  });

  test('cuts hard when the last space is too early to give a useful excerpt', () => {
    // The only space is at index 2, well before 60 % of 20.
    assert.equal(excerptFromText('ab cdefghijklmnopqrstuvwxyz', 20), 'ab cdefghijklmnopqr…');
  });

  test('the default limit is 240 characters', () => {
    const text = 'word '.repeat(100);
    const excerpt = excerptFromText(text);
    assert.ok(excerpt.length <= 240, `length ${excerpt.length}`);
    assert.ok(excerpt.length > 200, `length ${excerpt.length}`);
    assert.ok(excerpt.endsWith('word…'));
  });

  test('never exceeds the limit and is always a prefix of the text plus an ellipsis', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';
    for (let max = 2; max < text.length; max++) {
      const excerpt = excerptFromText(text, max);
      assert.ok(excerpt.length <= max, `max ${max}: ${excerpt}`);
      assert.ok(excerpt.endsWith('…'), `max ${max}: ${excerpt}`);
      assert.ok(text.startsWith(excerpt.slice(0, -1)), `max ${max}: ${excerpt}`);
    }
  });

  test('does not split a character outside the Basic Multilingual Plane', () => {
    const excerpt = excerptFromText('😀'.repeat(300));
    assert.equal(hasLoneSurrogate(excerpt), false);
  });
});
