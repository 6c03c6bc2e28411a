// domain/ may not import node:* (eslint layer rule); the test runner and assert are test-only tooling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Slug } from './ids.js';
import { isSlug, slugify, uniqueSlug } from './slug.js';

const MAX = 80;

/** True when the string holds a UTF-16 surrogate that is not part of a pair. */
function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

describe('slugify', () => {
  test('lower-cases and joins words with single hyphens', () => {
    assert.equal(slugify('Hello World'), 'hello-world');
    assert.equal(slugify('  Hello,   World!  '), 'hello-world');
    assert.equal(slugify('Q3 2026: results -- and more'), 'q3-2026-results-and-more');
  });

  test('strips accents through Unicode decomposition', () => {
    assert.equal(slugify('Crème Brûlée à Paris'), 'creme-brulee-a-paris');
    assert.equal(slugify('ÉCOLE Señor Ångström'), 'ecole-senor-angstrom');
    assert.equal(slugify('Ligature ﬁne'), 'ligature-fine');
  });

  test('drops apostrophes instead of splitting words on them', () => {
    assert.equal(slugify("Don't Stop"), 'dont-stop');
    assert.equal(slugify('Don’t Stop'), 'dont-stop');
    assert.equal(slugify('Don`t Stop'), 'dont-stop');
    assert.equal(slugify("People's Republic"), 'peoples-republic');
  });

  test('spells & as "and"', () => {
    assert.equal(slugify('Tom & Jerry'), 'tom-and-jerry');
    assert.equal(slugify('R&D'), 'r-and-d');
    assert.equal(slugify('& more'), 'and-more');
  });

  test('keeps Cyrillic and other non-Latin letters, lower-cased', () => {
    assert.equal(slugify('Привет мир'), 'привет-мир');
    assert.equal(slugify('Новости: Москва'), 'новости-москва');
    assert.equal(slugify('東京 News'), '東京-news');
    assert.equal(slugify('عربي'), 'عربي');
  });

  test('keeps the Cyrillic short i (й) and yo (ё) as written', () => {
    assert.equal(slugify('Йошкар-Ола'), 'йошкар-ола');
    assert.equal(slugify('Ёлка'), 'ёлка');
  });

  test('keeps combining marks of scripts such as Devanagari inside the word', () => {
    assert.equal(slugify('हिन्दी समाचार'), 'हिन्दी-समाचार');
  });

  test('falls back to "untitled" when nothing is left', () => {
    for (const input of ['', '   ', '---', '!!!', '’', '\u0301']) {
      assert.equal(slugify(input), 'untitled', `input ${JSON.stringify(input)}`);
    }
  });

  test('caps the length at 80 characters', () => {
    const slug = slugify('a'.repeat(200));
    assert.equal(slug.length, MAX);
    assert.equal(slug, 'a'.repeat(MAX));
  });

  test('does not end in a hyphen when the cap falls on a word break', () => {
    const slug = slugify(`${'a'.repeat(79)} bcd`);
    assert.equal(slug, 'a'.repeat(79));
    const alternating = slugify('x-'.repeat(60));
    assert.ok(alternating.length <= MAX);
    assert.ok(!alternating.endsWith('-'));
    assert.equal(alternating, 'x-'.repeat(39) + 'x');
  });

  test('a long title of words becomes a slug no longer than the cap', () => {
    const title = 'The long and winding road that leads to your door will never disappear, I have seen that road before';
    const slug = slugify(title);
    assert.ok(slug.length <= MAX);
    assert.ok(title.toLowerCase().replace(/[^a-z]+/g, '-').startsWith(slug));
    assert.ok(isSlug(slug));
  });

  test('does not cut a character outside the Basic Multilingual Plane in half at the cap', () => {
    const slug = slugify('a' + '𠀀'.repeat(50));
    assert.equal(hasLoneSurrogate(slug), false);
    assert.ok(isSlug(slug));
    assert.doesNotThrow(() => encodeURIComponent(slug));
  });

  test('is idempotent', () => {
    for (const title of ['Crème Brûlée à Paris', "Don't Stop", 'Tom & Jerry', 'Привет мир', 'a'.repeat(100), '']) {
      const once = slugify(title);
      assert.equal(slugify(once), once, `title ${JSON.stringify(title)}`);
    }
  });
});

describe('isSlug', () => {
  test('accepts what slugify produces', () => {
    for (const title of ['Hello World', 'Crème Brûlée', 'Привет мир', '東京 News', 'Q3 2026', 'a'.repeat(100), '']) {
      const slug = slugify(title);
      assert.equal(isSlug(slug), true, `slug ${JSON.stringify(slug)}`);
    }
  });

  test('accepts what slugify produces from titles with modifier letters (Japanese ー, 々)', () => {
    for (const title of ['コーヒー', '人々']) {
      const slug = slugify(title);
      assert.equal(isSlug(slug), true, `slug ${JSON.stringify(slug)}`);
    }
  });

  test('accepts lower-case words joined by single hyphens, up to 80 characters', () => {
    assert.equal(isSlug('abc'), true);
    assert.equal(isSlug('a-b-c'), true);
    assert.equal(isSlug('2026-budget'), true);
    assert.equal(isSlug('привет-мир'), true);
    assert.equal(isSlug('a'.repeat(MAX)), true);
  });

  test('rejects empty, too long, upper case, edge or double hyphens, and other characters', () => {
    const rejected = ['', 'a'.repeat(MAX + 1), 'Abc', 'ПРИВЕТ', '-abc', 'abc-', 'a--b', 'a_b', 'a b', 'a/b', 'a.b', 'a%20b', 'é'.normalize('NFD')];
    for (const value of rejected) {
      assert.equal(isSlug(value), false, `value ${JSON.stringify(value)}`);
    }
  });
});

describe('uniqueSlug', () => {
  const base = 'budget-2026' as Slug;

  test('returns the base when it is free', () => {
    assert.equal(uniqueSlug(base, () => false), base);
  });

  test('appends -2, -3… until a candidate is free', () => {
    const taken = new Set(['budget-2026', 'budget-2026-2', 'budget-2026-3']);
    assert.equal(uniqueSlug(base, (s) => taken.has(s)), 'budget-2026-4');
  });

  test('starts counting at 2 and asks about candidates in order', () => {
    const asked: string[] = [];
    const taken = new Set(['budget-2026', 'budget-2026-2']);
    uniqueSlug(base, (s) => {
      asked.push(s);
      return taken.has(s);
    });
    assert.deepEqual(asked, ['budget-2026', 'budget-2026-2', 'budget-2026-3']);
  });

  test('a gap in the taken numbers is reused', () => {
    const taken = new Set(['budget-2026', 'budget-2026-3']);
    assert.equal(uniqueSlug(base, (s) => taken.has(s)), 'budget-2026-2');
  });

  test('keeps a suffixed slug within the 80-character cap', () => {
    const long = slugify('a'.repeat(200));
    const slug = uniqueSlug(long, (s) => s === long);
    assert.notEqual(slug, long);
    assert.ok(slug.length <= MAX, `length ${slug.length}`);
    assert.ok(isSlug(slug));
  });
});
