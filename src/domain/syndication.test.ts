// domain/ may not import node:* (eslint layer rule); the test runner and assert are test-only tooling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Instant, SourceId } from './ids.js';
import { copyrightLineOf, decideIndexing, searchPolicies, type SearchPolicy, type Syndication } from './syndication.js';

const ownUrl = 'https://dateline.example/2026/11/budget-vote/';
const originalUrl = 'https://wire.example/news/budget-vote';

function syndication(overrides: Partial<Syndication> = {}): Syndication {
  return {
    sourceId: 'src-1' as SourceId,
    originalPublisher: 'Wire Service',
    originalUrl,
    originalAuthor: 'Jane Reporter',
    originalPublishedAt: '2026-11-26T10:00:00.000Z' as Instant,
    copyrightHolder: null,
    copyrightLine: null,
    licence: 'CC BY-ND 4.0',
    searchPolicy: 'noindex',
    ...overrides,
  };
}

describe('decideIndexing', () => {
  test('an original article (no syndication) is indexed under its own URL', () => {
    assert.deepEqual(decideIndexing(ownUrl, null), { canonicalUrl: ownUrl, robots: 'index, follow' });
  });

  test('noindex asks engines not to index and names no canonical (the two would be mixed signals)', () => {
    assert.deepEqual(decideIndexing(ownUrl, syndication({ searchPolicy: 'noindex' })), { canonicalUrl: null, robots: 'noindex, follow' });
  });

  test('canonical-original points the canonical at the original and allows indexing', () => {
    assert.deepEqual(decideIndexing(ownUrl, syndication({ searchPolicy: 'canonical-original' })), { canonicalUrl: originalUrl, robots: 'index, follow' });
  });

  test('canonical-original without an original URL falls back to noindex without a canonical', () => {
    for (const missing of [null, '']) {
      assert.deepEqual(
        decideIndexing(ownUrl, syndication({ searchPolicy: 'canonical-original', originalUrl: missing })),
        { canonicalUrl: null, robots: 'noindex, follow' },
        `originalUrl ${JSON.stringify(missing)}`,
      );
    }
  });

  test('canonical-self indexes the copy under its own URL even when the original is known', () => {
    assert.deepEqual(decideIndexing(ownUrl, syndication({ searchPolicy: 'canonical-self' })), { canonicalUrl: ownUrl, robots: 'index, follow' });
  });

  test('every declared policy yields the expected decision', () => {
    const expected: Record<SearchPolicy, { canonicalUrl: string | null; robots: string }> = {
      'canonical-original': { canonicalUrl: originalUrl, robots: 'index, follow' },
      'canonical-self': { canonicalUrl: ownUrl, robots: 'index, follow' },
      noindex: { canonicalUrl: null, robots: 'noindex, follow' },
    };
    assert.deepEqual([...searchPolicies].sort(), Object.keys(expected).sort());
    for (const policy of searchPolicies) {
      assert.deepEqual(decideIndexing(ownUrl, syndication({ searchPolicy: policy })), expected[policy], policy);
    }
  });
});

describe('copyrightLineOf', () => {
  test('without syndication: the site as holder and the year', () => {
    assert.equal(copyrightLineOf(null, 'Dateline', 2026), 'Copyright © Dateline, 2026');
  });

  test('a stored copyright line wins over everything else', () => {
    const line = '© 2025 Wire Service. All rights reserved.';
    assert.equal(copyrightLineOf(syndication({ copyrightLine: line, copyrightHolder: 'Someone' }), 'Dateline', 2026), line);
  });

  test('an empty stored line is ignored and a line is composed', () => {
    assert.equal(copyrightLineOf(syndication({ copyrightLine: '', copyrightHolder: 'Wire Holdings' }), 'Dateline', 2026), 'Copyright © Dateline, Wire Holdings, 2026');
  });

  test('lists the site and the copyright holder', () => {
    assert.equal(copyrightLineOf(syndication({ copyrightHolder: 'Wire Holdings' }), 'Dateline', 2026), 'Copyright © Dateline, Wire Holdings, 2026');
  });

  test('falls back to the original publisher when no holder is recorded', () => {
    assert.equal(copyrightLineOf(syndication({ copyrightHolder: null }), 'Dateline', 2024), 'Copyright © Dateline, Wire Service, 2024');
  });

  test('with neither holder nor publisher only the site is named', () => {
    assert.equal(copyrightLineOf(syndication({ copyrightHolder: null, originalPublisher: null }), 'Dateline', 2026), 'Copyright © Dateline, 2026');
  });

  test('does not name the same holder twice', () => {
    assert.equal(copyrightLineOf(syndication({ copyrightHolder: 'Dateline' }), 'Dateline', 2026), 'Copyright © Dateline, 2026');
    assert.equal(copyrightLineOf(syndication({ copyrightHolder: null, originalPublisher: 'Dateline' }), 'Dateline', 2026), 'Copyright © Dateline, 2026');
  });
});
