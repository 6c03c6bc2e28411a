import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageOfTiers, type MatchPlan, type SearchTier } from './kysely-search-index.js';

/**
 * A plan over an in-memory list of matches, each with the tiers it is in and a publication
 * order; the reference answer ranks every match by best tier, then newest.
 */
function planOver(matches: { id: string; tiers: SearchTier[]; at: number }[]): { plan: MatchPlan; asked: number[] } {
  const asked: number[] = [];
  const plan: MatchPlan = {
    count: async (limit) => Math.min(limit, matches.length),
    newest: async (tier, limit) => {
      asked.push(limit);
      return matches.filter((m) => m.tiers.includes(tier)).sort((a, b) => b.at - a.at).slice(0, limit).map((m) => ({ id: m.id, card: `card of ${m.id}` }));
    },
  };
  return { plan, asked };
}

const rank = { title: 3, head: 2, anywhere: 1 } as const;
function reference(matches: { id: string; tiers: SearchTier[]; at: number }[]): string[] {
  const best = (m: { tiers: SearchTier[] }) => Math.max(...m.tiers.map((t) => rank[t]));
  return [...matches].sort((a, b) => best(b) - best(a) || b.at - a.at).map((m) => m.id);
}

describe('a page from tiers', () => {
  it('is the same as ranking every match, for every page of random match sets', async () => {
    let seed = 5;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const matches = Array.from({ length: Math.floor(random() * 40) }, (_, i) => {
        const roll = random();
        // A title match is a head match is a match anywhere, as the engines' tiers are.
        const tiers: SearchTier[] = roll < 0.2 ? ['title', 'head', 'anywhere'] : roll < 0.45 ? ['head', 'anywhere'] : ['anywhere'];
        return { id: `m${i}`, tiers, at: Math.floor(random() * 1000) * 100 + i };
      });
      const expected = reference(matches);
      for (const limit of [1, 3, 7]) {
        for (let offset = 0; offset <= matches.length; offset += limit) {
          const page = await pageOfTiers(planOver(matches).plan, offset, limit);
          assert.deepEqual(page.map((r) => r.id), expected.slice(offset, offset + limit), `round ${round}, offset ${offset}, limit ${limit}`);
        }
      }
    }
  });

  it('stops asking once a tier fills the page, and asks each tier for no more than the page needs', async () => {
    const matches = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, tiers: ['title', 'head', 'anywhere'] as SearchTier[], at: i }));
    const { plan, asked } = planOver(matches);
    const page = await pageOfTiers(plan, 10, 10);
    assert.deepEqual(page.map((r) => r.id), Array.from({ length: 10 }, (_, i) => `t${19 - i}`));
    assert.deepEqual(asked, [20]);
  });

  it('scores title above head above body-only hits', async () => {
    const page = await pageOfTiers(planOver([
      { id: 'body', tiers: ['anywhere'], at: 3 }, { id: 'head', tiers: ['head', 'anywhere'], at: 2 }, { id: 'title', tiers: ['title', 'head', 'anywhere'], at: 1 },
    ]).plan, 0, 10);
    assert.deepEqual(page, [
      { id: 'title', card: 'card of title', tier: 'title', score: 3 },
      { id: 'head', card: 'card of head', tier: 'head', score: 2 },
      { id: 'body', card: 'card of body', tier: 'anywhere', score: 1 },
    ]);
  });
});
