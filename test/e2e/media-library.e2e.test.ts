// End to end through `dateline serve` and Chromium: an editor uploads an image in the media
// library, inserts it into an article through the editor's picker (body and feature image) and
// publishes; the public page shows it as a responsive <picture>. The owner's management screens
// (staff, authors with a portrait from the library, sources) are shown, screenshotted and axe-checked.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeBrowserRun, launchBrowser, signInToBackOffice } from '../support/browser.js';
import { png } from '../support/images.js';
import { checkScreen, screenPath } from '../support/screens.js';
import { runCli, startServer, type RunningServer } from '../support/server.js';

const password = 'correct horse battery staple';

describe('the media library and the management screens in Chromium', { timeout: 300_000 }, () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  async function signedIn(email: string): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await signInToBackOffice(page, server!.url, email, password);
    return page;
  }

  /** Picks the library image with this file name in the open picker dialog and confirms. */
  async function pick(page: Page, dialogName: string, filename: string, confirm: string): Promise<void> {
    const dialog = page.getByRole('dialog', { name: dialogName });
    await dialog.getByRole('button', { name: filename }).click();
    await dialog.getByRole('button', { name: confirm }).click();
    // A closed dialog leaves the accessibility tree a moment before it leaves the page.
    await page.locator('dialog.media-picker').waitFor({ state: 'detached' });
  }

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dateline-e2e-media-'));
    for (const [role, email] of [['owner', 'owner@news.example'], ['editor', 'editor@news.example']] as const) {
      const created = await runCli(['user', 'create', '--email', email, '--name', `${role[0]!.toUpperCase()}${role.slice(1)} Person`, '--role', role], { DATA_DIR: dataDir, DEMO_CONTENT: '0', DATELINE_PASSWORD: password });
      assert.equal(created.code, 0, created.stderr);
    }
    server = await startServer({ dataDir, demo: true });
    browser = await launchBrowser();
  });

  after(async () => closeBrowserRun({ contexts, browser, server, dataDir }));

  it('lets an editor upload an image, insert it with the picker, publish, and readers get a <picture>', async () => {
    const page = await signedIn('editor@news.example');
    await page.getByRole('link', { name: 'Media', exact: true }).click();
    await page.waitForURL(/\/admin\/media\/$/);
    await page.getByLabel('Image file').setInputFiles({ name: 'lighthouse.png', mimeType: 'image/png', buffer: await png(1400, 900, false) });
    await page.getByLabel('Alternative text (what the image shows)').fill('The lighthouse at dusk');
    await page.getByLabel('Caption').fill('Nieuwpoort lighthouse');
    await page.getByLabel('Credit').fill('Photo: Mira Stone');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/\/admin\/media\/[^/]+\/edit\?notice=media-uploaded$/);
    await checkScreen(page, 'media-item');
    await page.goto(`${server!.url}/admin/media/`);
    assert.equal(await page.locator('.media-grid img[alt="The lighthouse at dusk"]').count(), 1);
    await checkScreen(page, 'media-library');

    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByLabel('Title').fill('The lighthouse keeps its light');
    await page.locator('#body-editor').click();
    await page.keyboard.type('The town voted to keep the lighthouse lit.');
    await page.getByRole('button', { name: 'Image', exact: true }).click();
    const picker = page.getByRole('dialog', { name: 'Insert an image' });
    await picker.getByRole('button', { name: 'lighthouse.png' }).waitFor();
    await picker.getByRole('button', { name: 'lighthouse.png' }).click();
    assert.equal(await picker.getByLabel('Alternative text (what the image shows)').inputValue(), 'The lighthouse at dusk', 'the library description comes along');
    assert.equal(await picker.getByLabel('Credit').inputValue(), 'Photo: Mira Stone');
    await checkScreen(page, 'media-picker');
    await picker.getByRole('button', { name: 'Insert' }).click();
    await page.locator('dialog.media-picker').waitFor({ state: 'detached' });
    assert.match(await page.locator('#f-body').inputValue(), /<figure><img src="\/media\/[0-9a-f]{64}\/1400\.jpg" alt="The lighthouse at dusk"><figcaption>Nieuwpoort lighthouse <small>Photo: Mira Stone<\/small><\/figcaption><\/figure>/);

    await page.getByRole('button', { name: 'Choose the feature image from the library' }).click();
    await pick(page, 'Feature image', 'lighthouse.png', 'Use this image');
    assert.match(await page.getByLabel('Image URL').inputValue(), /^http:\/\/127\.0\.0\.1:\d+\/media\/[0-9a-f]{64}\/1400\.jpg$/);
    assert.equal(await page.locator('#f-featureImageCaption').inputValue(), 'Nieuwpoort lighthouse');
    await page.getByRole('group', { name: 'Authors' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/articles\/[^/]+\/edit\?notice=created$/);
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.waitForURL(/notice=moved$/);
    const publicPath = await page.getByRole('link', { name: 'View on the site' }).getAttribute('href');

    const reader = await (await browser!.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    contexts.push(reader.context());
    assert.equal((await reader.goto(`${server!.url}${publicPath}`))?.status(), 200);
    const pictures = reader.locator('picture:has(img[alt="The lighthouse at dusk"])');
    assert.equal(await pictures.count(), 2, 'the feature image and the body image');
    for (const type of ['image/avif', 'image/webp']) {
      assert.match(await pictures.first().locator(`source[type="${type}"]`).getAttribute('srcset') ?? '', /\/media\/[0-9a-f]{64}\/640\.\w+ 640w/, type);
    }
    assert.match(await reader.locator('article figure figcaption').last().textContent() ?? '', /Nieuwpoort lighthouse\s+Photo: Mira Stone/);
    const shown = await reader.locator('picture img[alt="The lighthouse at dusk"]').first().evaluate((img) => { const image = img as unknown as { complete: boolean; naturalWidth: number }; return image.complete && image.naturalWidth > 0; });
    assert.ok(shown, 'the browser loaded one of the renditions');
    await reader.screenshot({ path: screenPath('media-public-article'), fullPage: true });

    await page.goto(`${server!.url}/admin/media/`);
    await page.locator('.media-grid a').first().click();
    assert.match(await page.getByRole('region', { name: 'Where it is used' }).textContent() ?? '', /The lighthouse keeps its light/);
    assert.equal(await page.getByRole('button', { name: 'Delete this image' }).count(), 0, 'an image in use is not offered for deletion');
  });

  it('gives the owner the staff, author and source screens; a portrait comes from the library', async () => {
    const page = await signedIn('owner@news.example');
    await page.getByRole('link', { name: 'Staff', exact: true }).click();
    await checkScreen(page, 'staff');
    await page.getByLabel('Name').fill('Ines Invited');
    await page.getByLabel('E-mail address').fill('ines@news.example');
    await page.getByLabel('Role').selectOption('author');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    // No SMTP_URL here: the account exists and the link is shown to pass on.
    assert.match(await page.getByLabel('Set-password link').inputValue(), /\/admin\/reset-password\?token=/);
    await checkScreen(page, 'staff-invited');
    await page.getByRole('link', { name: 'Back to staff' }).click();
    await page.getByRole('link', { name: 'Ines Invited' }).click();
    await checkScreen(page, 'staff-edit');
    await page.getByRole('button', { name: 'Deactivate Ines Invited' }).click();
    await page.waitForURL(/notice=staff-deactivated$/);

    await page.getByRole('link', { name: 'Authors', exact: true }).click();
    await checkScreen(page, 'authors');
    await page.locator('table.authors tbody a[href$="/edit"]').first().click();
    await page.getByRole('button', { name: 'Choose the portrait from the library' }).click();
    await pick(page, 'Portrait', 'lighthouse.png', 'Use this image');
    assert.match(await page.getByLabel('Portrait').inputValue(), /^\/media\/[0-9a-f]{64}\/320\.jpg$/);
    await page.getByLabel('Links').fill('Mastodon https://social.example/@writer');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/notice=author-saved$/);
    await checkScreen(page, 'author-edit');
    await page.getByRole('link', { name: 'Public page' }).click();
    assert.equal(await page.locator('img.listing-portrait').count(), 1);
    assert.equal(await page.getByRole('link', { name: 'Mastodon' }).getAttribute('href'), 'https://social.example/@writer');

    await page.goto(`${server!.url}/admin/sources/`);
    await checkScreen(page, 'sources');
    await page.getByRole('link', { name: 'Add a source' }).click();
    await page.getByLabel('Name').fill('Coastal Wire');
    await page.getByLabel('Licence terms').fill('Republished with permission');
    await page.getByLabel('Search engines').selectOption('canonical-original');
    await page.getByRole('button', { name: 'Add the source' }).click();
    await page.waitForURL(/notice=source-created$/);
    await checkScreen(page, 'source-edit');
  });
});
