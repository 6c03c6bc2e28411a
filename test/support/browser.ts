// Launches the system's Chromium through playwright-core (no browser downloads) for end-to-end tests.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './server.js';

/** Where a browser is looked for when CHROMIUM_PATH is not set, in order. */
export const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'];

/** The Chromium executable to use: CHROMIUM_PATH, else the first candidate that exists. */
export function chromiumExecutable(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = chromiumCandidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `No Chromium found for the browser tests (looked at ${chromiumCandidates.join(', ')}). `
      + 'Install Debian\'s chromium (apt-get install chromium; .ci/run does this) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

/** A headless Chromium; close it in an after() hook. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: 30_000,
  });
}

/** test-results/screenshots/NAME (the folder is created; test-results/ is git-ignored). */
export function screenshotPath(name: string): string {
  const dir = path.join(repoRoot, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** Tears down what a browser test started: its contexts, the browser, the server and its data folder. */
export async function closeBrowserRun(run: { contexts: readonly BrowserContext[]; browser: Browser | undefined; server: { stop(): Promise<void> } | undefined; dataDir: string | undefined }): Promise<void> {
  for (const context of run.contexts) await context.close().catch(() => undefined);
  await run.browser?.close();
  await run.server?.stop();
  if (run.dataDir) rmSync(run.dataDir, { recursive: true, force: true });
}

/** Signs in through the back office's sign-in form and waits for the dashboard. */
export async function signInToBackOffice(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/admin/`);
}
