import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './server.js';

const axeSource = readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Where a browser test's screenshot of a screen goes: test-results/screens/NAME.png. */
export function screenPath(name: string): string {
  const dir = path.join(repoRoot, 'test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate('axe.run()') as { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Screenshot plus accessibility check of the screen on show. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenPath(name), fullPage: true });
  assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
}
