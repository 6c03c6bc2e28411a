// End to end through `dateline serve` and Chromium: an editor renames and merges terms in the
// taxonomy screen and the old public addresses lead to the new ones; the owner edits a standing
// notice and sees it on an article page; the redirects and audit log screens show what happened.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signInToBackOffice } from '../support/browser.js';
import { checkScreen, screenPath } from '../support/screens.js';
import { runCli, startServer, type RunningServer } from '../support/server.js';

const password = 'correct horse battery staple';

describe('taxonomy, redirect, settings and audit screens in Chromium', { timeout: 300_000 }, () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  async function signedIn(email: string, address: string): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { 'x-forwarded-for': address } });
    contexts.push(context);
    const page = await context.newPage();
    await signInToBackOffice(page, server!.url, email, password);
    return page;
  }

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dateline-e2e-taxonomy-'));
    for (const role of ['owner', 'editor']) {
      const created = await runCli(['user', 'create', '--email', `${role}@news.example`, '--name', `${role} Person`, '--role', role], { DATA_DIR: dataDir, DEMO_CONTENT: '1', DATELINE_PASSWORD: password });
      assert.equal(created.code, 0, created.stderr);
    }
    server = await startServer({ dataDir, demo: true });
    browser = await launchBrowser();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('an editor renames and merges terms; the old public addresses redirect to the new', async () => {
    const page = await signedIn('editor@news.example', '198.51.100.21');
    await page.getByRole('link', { name: 'Taxonomies' }).click();
    await page.waitForURL(/\/admin\/taxonomies\/region\/$/);
    await checkScreen(page, 'taxonomies');

    await page.getByRole('link', { name: 'Edit Europe' }).click();
    await checkScreen(page, 'term-edit');
    await page.getByLabel('Name', { exact: true }).fill('Europe and the EU');
    await page.getByLabel('Slug', { exact: true }).fill('europe-and-eu');
    await page.getByRole('button', { name: 'Save name and slug' }).click();
    await page.getByText('Term saved.').waitFor();

    await page.goto(`${server!.url}/admin/taxonomies/region/`);
    await page.getByRole('link', { name: 'Edit Canada' }).click();
    await page.getByLabel('Merge “Canada” into').selectOption({ label: 'USA' });
    await page.getByRole('button', { name: 'Merge and delete “Canada”' }).click();
    await page.waitForURL(/notice=term-merged/);
    assert.equal(await page.getByRole('link', { name: 'Edit Canada' }).count(), 0);

    const visitor = await (await browser!.newContext()).newPage();
    const renamed = await visitor.goto(`${server!.url}/region/europe/`);
    assert.equal(renamed?.status(), 200);
    assert.equal(new URL(visitor.url()).pathname, '/region/europe-and-eu/');
    assert.match(await visitor.locator('h1').innerText(), /Europe and the EU/);
    await visitor.goto(`${server!.url}/region/canada/`);
    assert.equal(new URL(visitor.url()).pathname, '/region/usa/');
    await visitor.context().close();

    await page.getByRole('link', { name: 'Redirects' }).click();
    await page.getByLabel('Address contains').fill('/region/');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('/region/canada/rss.xml').waitFor();
    await checkScreen(page, 'redirects');
  });

  it('the owner edits a standing notice and sees it on an article page; the audit log shows who did what', async () => {
    const page = await signedIn('owner@news.example', '198.51.100.22');
    await page.getByRole('link', { name: 'Settings' }).click();
    await checkScreen(page, 'settings');
    await page.getByLabel('Disclaimer').fill('Views in this piece belong to its writers, not to {site}.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForURL(/\/admin\/settings\/\?notice=settings-saved$/).catch(async (error: unknown) => {
      throw new Error(`saving failed: ${await page.locator('main').innerText()}`, { cause: error });
    });

    await page.goto(`${server!.url}/`);
    await page.locator('main article a, main h2 a').first().click();
    await page.waitForURL(/\/\d{4}\/\d{2}\/[^/]+\/$/);
    const disclaimer = await page.locator('[data-part="disclaimer"]').innerText();
    assert.match(disclaimer, /^Views in this piece belong to its writers, not to .+\.$/);
    await page.screenshot({ path: screenPath('article-with-notice'), fullPage: true });

    await page.goto(`${server!.url}/admin/`);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('settings.change').first().waitFor();
    await page.getByText('term.merge').first().waitFor();
    await checkScreen(page, 'audit-log');
  });
});
