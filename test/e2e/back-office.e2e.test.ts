// End to end through `dateline serve` and Chromium: setup from the printed link, an editor writes,
// previews and publishes an article a visitor then reads, a contributor cannot publish, sign-in
// throttling, a scheduled article going out after a restart, keyboard use and axe checks.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeBrowserRun, launchBrowser, signInToBackOffice } from '../support/browser.js';
import { checkScreen, screenPath } from '../support/screens.js';
import { runCli, startServer, type RunningServer } from '../support/server.js';

const seedFile = fileURLToPath(new URL('../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url));
const password = 'correct horse battery staple';

describe('the back office in Chromium', { timeout: 300_000 }, () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let env: Record<string, string>;
  const contexts: BrowserContext[] = [];

  /** A fresh browser profile appearing to come from its own address, so throttling per address stays per test. */
  async function newPage(address: string): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { 'x-forwarded-for': address } });
    contexts.push(context);
    return context.newPage();
  }

  const signIn = (page: Page, email: string) => signInToBackOffice(page, server!.url, email, password);

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dateline-e2e-admin-'));
    env = { DATA_DIR: dataDir, DEMO_CONTENT: '1', SCHEDULER_INTERVAL_MS: '1000' };
    const imported = await runCli(['import', '--inbox', seedFile], { ...env, DEMO_CONTENT: '0' });
    assert.equal(imported.code, 0, imported.stderr);
    server = await startServer({ dataDir, env: { SCHEDULER_INTERVAL_MS: '1000' }, demo: true });
    browser = await launchBrowser();
  });

  after(async () => closeBrowserRun({ contexts, browser, server, dataDir }));

  it('lets the owner set up the site from the link printed at first start', async () => {
    const link = /(http:\/\/\S+\/admin\/setup\?token=\S+)/.exec(server!.output().stdout)?.[1];
    assert.ok(link, `no setup link in:\n${server!.output().stdout}`);
    const page = await newPage('198.51.100.1');
    await page.goto(link);
    await checkScreen(page, 'setup');
    await page.getByLabel('Your name').fill('Olga Owner');
    await page.getByLabel('E-mail address').fill('owner@news.example');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create the owner account' }).click();
    await page.waitForURL(/\/admin\/\?notice=welcome$/);
    await checkScreen(page, 'dashboard');
    for (const [role, email] of [['editor', 'editor@news.example'], ['contributor', 'contributor@news.example']] as const) {
      const created = await runCli(['user', 'create', '--email', email, '--name', `${role} Person`, '--role', role], { ...env, DATELINE_PASSWORD: password });
      assert.equal(created.code, 0, created.stderr);
    }
    const again = await (await newPage('198.51.100.2')).goto(link);
    assert.equal(again?.status(), 410, 'the setup link works once');
  });

  it('lets an editor write, preview and publish an article that a visitor then reads', async () => {
    const page = await newPage('198.51.100.3');
    await signIn(page, 'editor@news.example');
    await page.goto(`${server!.url}/admin/articles/`);
    await checkScreen(page, 'articles');
    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByLabel('Title').fill('Harbour of Ostend reopens after the storm');
    await page.locator('#body-editor').click();
    await page.keyboard.type('The harbour reopened on Tuesday after three days of repairs.');
    await page.getByRole('button', { name: 'Image', exact: true }).click();
    // The library picker opens first; an image from elsewhere is inserted by its address.
    await page.getByRole('dialog', { name: 'Insert an image' }).getByRole('button', { name: 'Give an address instead' }).click();
    const dialog = page.getByRole('dialog', { name: 'Image' });
    await dialog.getByLabel('Image URL').fill('https://images.example/ostend-harbour.jpg');
    await dialog.getByLabel('Alternative text (what the image shows)').fill('Boats in the harbour of Ostend');
    await dialog.getByLabel('Caption').fill('The quay on Tuesday');
    await dialog.getByLabel('Credit').fill('Photo: Ana Lopes');
    await dialog.getByRole('button', { name: 'Insert' }).click();
    await page.getByRole('group', { name: 'Authors' }).getByRole('checkbox').first().check();
    await page.getByRole('checkbox', { name: 'Europe', exact: true }).check();
    const theme = page.getByRole('group', { name: 'Themes' }).getByRole('checkbox').first();
    await theme.check();
    const source = page.getByLabel('Source');
    const sourceName = (await source.locator('option').nth(1).textContent())!.trim();
    await source.selectOption({ label: sourceName });
    assert.notEqual(await page.getByLabel('Original publisher').inputValue(), '', 'the source fills in its defaults');
    await page.getByLabel('Original URL').fill('https://partner.example/2026/ostend-harbour');
    await page.getByLabel('Original author').fill('Pieter Claes');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/articles\/[^/]+\/edit\?notice=created$/);
    await checkScreen(page, 'editor');

    const previewHref = await page.locator('#preview-link').getAttribute('href');
    const preview = await newPageWithCookies(page, `${server!.url}${previewHref}`);
    assert.match(await preview.locator('h1').first().textContent() ?? '', /Harbour of Ostend/);
    assert.equal(await preview.locator('figure img[src="https://images.example/ostend-harbour.jpg"]').count(), 1);
    assert.match(await preview.locator('figcaption').first().textContent() ?? '', /Photo: Ana Lopes/);
    await preview.screenshot({ path: screenPath('preview'), fullPage: true });

    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.waitForURL(/notice=moved$/);
    const publicPath = await page.getByRole('link', { name: 'View on the site' }).getAttribute('href');
    const visitor = await newPage('198.51.100.4');
    const response = await visitor.goto(`${server!.url}${publicPath}`);
    assert.equal(response?.status(), 200);
    assert.match(await visitor.locator('h1').first().textContent() ?? '', /Harbour of Ostend/);
    assert.equal(await visitor.locator('figure img[alt="Boats in the harbour of Ostend"]').count(), 1);
    for (const part of ['byline', 'taxonomy-region', 'taxonomy-theme', 'original-source', 'copyright']) {
      assert.equal(await visitor.locator(`[data-part="${part}"]`).count() > 0, true, part);
    }
    assert.equal(await visitor.locator('[data-part="original-source"] a').getAttribute('href'), 'https://partner.example/2026/ostend-harbour');

    await page.getByRole('link', { name: 'Revisions' }).click();
    await checkScreen(page, 'revisions');
  });

  /** Opens a URL in a new tab of the same browser profile (same session). */
  async function newPageWithCookies(page: Page, url: string): Promise<Page> {
    const tab = await page.context().newPage();
    await tab.goto(url);
    return tab;
  }

  it('suggests regions, themes, places and people for a new article while it is typed', async () => {
    const page = await newPage('198.51.100.9');
    await signIn(page, 'editor@news.example');
    await page.goto(`${server!.url}/admin/articles/new`);
    await page.getByLabel('Title').fill('Kremlin upbeat over Putin talks on missile defence');
    await page.locator('#body-editor').click();
    await page.keyboard.type('MOSCOW - President Vladimir Putin said in Moscow on Sunday that Russia would answer the missile shield in Poland and the Czech Republic. "We will respond," Putin told reporters in the Kremlin.');
    const panel = page.locator('#live-suggestions .suggestions');
    await panel.getByText('Russia and FSU').waitFor();
    assert.match(await panel.textContent() ?? '', /Militarization and WMD/);
    assert.match(await panel.locator('.people').textContent() ?? '', /Putin/);
    assert.match(await panel.locator('.places').textContent() ?? '', /Russia/);
    assert.ok(await panel.locator('mark').count() > 0, 'the evidence is marked');
    await panel.getByRole('button', { name: 'Add Region “Russia and FSU”' }).click();
    assert.ok(await page.getByRole('checkbox', { name: 'Russia and FSU', exact: true }).isChecked(), 'Add ticks the term');
    await page.getByText('Add Region “Russia and FSU”').waitFor({ state: 'detached' });
  });

  it('keeps a contributor from publishing, in the UI and by a direct API call', async () => {
    const page = await newPage('198.51.100.5');
    await signIn(page, 'contributor@news.example');
    await page.goto(`${server!.url}/admin/articles/new`);
    await page.getByLabel('Title').fill('A contributor draft');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/notice=created$/);
    assert.equal(await page.getByRole('button', { name: 'Publish now' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Submit for review' }).count(), 0);
    // Contributors may not use the media library: no chooser, and the Image button asks for an address.
    assert.equal(await page.getByRole('button', { name: /from the library/ }).count(), 0);
    const id = /articles\/([^/]+)\/edit/.exec(page.url())![1];
    // The same session calling the API directly, as a script in the page could.
    const csrf = (await page.locator('meta[name="csrf-token"]').getAttribute('content'))!;
    const answer = await page.request.post(`${server!.url}/admin/api/articles/${id}/status`, { headers: { 'x-csrf-token': csrf }, data: { to: 'published' } });
    assert.equal(answer.status(), 403);
    assert.equal((await answer.json()).error.code, 'NOT_ALLOWED');
    const noToken = await page.request.put(`${server!.url}/admin/api/articles/${id}`, { data: { title: 'x', version: 1 } });
    assert.equal(noToken.status(), 403, 'a request without the CSRF token is refused');
  });

  it('works by keyboard alone: skip link, sign-in, the editor toolbar and body', async () => {
    const page = await newPage('198.51.100.6');
    await page.goto(`${server!.url}/admin/forgot-password`);
    await checkScreen(page, 'forgot-password');
    await page.goto(`${server!.url}/admin/reset-password?token=not-a-real-token`);
    await checkScreen(page, 'reset-password');
    await page.goto(`${server!.url}/admin/sign-in`);
    await checkScreen(page, 'sign-in');
    await page.keyboard.press('Tab');
    assert.equal(await page.locator(':focus').textContent(), 'Skip to main content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.locator(':focus').getAttribute('id'), 'f-email');
    await page.keyboard.type('editor@news.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server!.url}/admin/`);
    await page.goto(`${server!.url}/admin/articles/new`);
    await page.getByLabel('Title').focus();
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Tab');
    assert.equal(await page.locator(':focus').textContent(), 'Heading', 'the toolbar is the next tab stop');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator(':focus').textContent(), 'Subheading');
    await page.keyboard.press('Tab');
    assert.equal(await page.locator(':focus').getAttribute('id'), 'body-editor');
    await page.keyboard.type('Plain and ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('bold');
    assert.match(await page.locator('#f-body').inputValue(), /<strong>bold<\/strong>/);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    assert.match(await page.locator('#f-body').inputValue(), /<h3>/, 'Enter on a toolbar button formats the text');
  });

  it('shows the inbox with source, date and licence, and remembers a rejection', async () => {
    const page = await newPage('198.51.100.7');
    await signIn(page, 'editor@news.example');
    await page.goto(`${server!.url}/admin/inbox/`);
    await checkScreen(page, 'inbox');
    const row = page.locator('table.inbox tbody tr').first();
    assert.match(await row.textContent() ?? '', /Kremlin/);
    await row.getByRole('button', { name: /^Reject/ }).click();
    await page.waitForURL(/notice=inbox-rejected$/);
    await page.goto(`${server!.url}/admin/inbox/?rejected=1`);
    assert.match(await page.locator('table.inbox').textContent() ?? '', /Kremlin/);
  });

  it('throttles sign-in after five wrong passwords in a row', async () => {
    const page = await newPage('198.51.100.8');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.goto(`${server!.url}/admin/sign-in`);
      await page.getByLabel('E-mail address').fill('contributor@news.example');
      await page.getByLabel('Password').fill(`wrong password ${attempt}`);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/admin/sign-in') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
      assert.equal(response.status(), 401, `attempt ${attempt}`);
    }
    await page.getByLabel('Password').fill(password);
    const [throttled] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/admin/sign-in') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
    assert.equal(throttled.status(), 429, 'even the right password waits');
    assert.match(await page.getByRole('alert').textContent() ?? '', /Too many failed sign-ins/);
  });

  it('publishes a scheduled article at its time, also after a restart', async () => {
    const page = await newPage('198.51.100.9');
    await signIn(page, 'editor@news.example');
    const at = new Date(Date.now() + 15_000).toISOString();
    const headers = { 'x-csrf-token': (await page.locator('meta[name="csrf-token"]').getAttribute('content'))! };
    const made = await (await page.request.post(`${server!.url}/admin/api/articles`, { headers, data: { title: 'Scheduled for later', body: '<p>Later.</p>' } })).json() as { article: { id: string } };
    const moved = await page.request.post(`${server!.url}/admin/api/articles/${made.article.id}/status`, { headers, data: { to: 'scheduled', publishAt: at } });
    assert.equal(moved.status(), 200, await moved.text());
    const created = await moved.json() as { article: { path: string; status: string } };
    assert.equal(created.article.status, 'scheduled');
    await server!.stop();
    server = await startServer({ dataDir, env: { SCHEDULER_INTERVAL_MS: '1000' }, demo: true });
    const visitor = await newPage('198.51.100.10');
    let status = 0;
    for (let i = 0; i < 120 && status !== 200; i++) {
      status = (await visitor.goto(`${server.url}${created.article.path}`))?.status() ?? 0;
      if (status !== 200) await visitor.waitForTimeout(500);
    }
    assert.equal(status, 200, 'the scheduled article is public once its time has come');
    assert.ok(Date.now() >= Date.parse(at), 'not before its time');
  });
});
