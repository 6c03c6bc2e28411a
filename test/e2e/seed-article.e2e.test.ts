// End to end: `dateline import` a flattened article page, serve it, and check in Chromium that
// every part of the attribution block is on the page, visible, and says what the original said.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser.js';
import { repoRoot, runCli, startServer, type RunningServer } from '../support/server.js';

const seedFile = fileURLToPath(new URL('../../../shared/seed/000_771a16f9f97acd7e.txt', import.meta.url));
const title = 'Kremlin upbeat over Bush-Putin talks';
const viewportWidth = 1280;

describe('an imported seed article, served and rendered in Chromium', { timeout: 120_000 }, () => {
  let dataDir: string | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let articlePath: string;
  let responseHeaders: Record<string, string>;

  before(async () => {
    assert.equal(seedFile, path.resolve(repoRoot, '..', 'shared', 'seed', '000_771a16f9f97acd7e.txt'), 'the seed path should sit in ../shared/seed next to the checkout');
    assert.ok(existsSync(seedFile), `the seed article ${seedFile} is missing (it comes from ../shared/seed)`);
    dataDir = mkdtempSync(path.join(tmpdir(), 'dateline-e2e-seed-'));
    const env = { DATA_DIR: dataDir, DEMO_CONTENT: '0' };

    const imported = await runCli(['import', seedFile], env);
    assert.equal(imported.code, 0, `dateline import failed:\n${imported.stderr}`);
    const printed = imported.stdout.trim().split('\n');
    assert.equal(printed.length, 1, `import should print exactly one path, printed:\n${imported.stdout}`);
    articlePath = printed[0] ?? '';
    assert.match(articlePath, /^\/2008\/04\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/, 'the public path is /YYYY/MM/slug/ with the article\'s date');

    // Importing the same page again keeps one copy and points at it.
    const again = await runCli(['import', seedFile], env);
    assert.equal(again.code, 0, `second import failed:\n${again.stderr}`);
    assert.equal(again.stdout.trim(), articlePath);
    assert.match(again.stderr, /already imported/);

    server = await startServer({ dataDir, demo: false });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: viewportWidth, height: 900 } });
    const response = await page.goto(server.url + articlePath, { waitUntil: 'load' });
    assert.ok(response, 'no response for the article page');
    assert.equal(response.status(), 200, `GET ${articlePath}`);
    responseHeaders = response.headers();
    await page.screenshot({ path: screenshotPath('article-page.png'), fullPage: true });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The one element with data-part=NAME, asserted to be visible, laid out and inside the page's width. */
  async function visiblePart(name: string): Promise<Locator> {
    const part = page.locator(`[data-part="${name}"]`);
    assert.equal(await part.count(), 1, `exactly one [data-part="${name}"] element`);
    assert.ok(await part.isVisible(), `[data-part="${name}"] is not visible`);
    const box = await part.boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, `[data-part="${name}"] has no size: ${JSON.stringify(box)}`);
    assert.ok(box.x >= 0 && box.x + box.width <= viewportWidth + 1, `[data-part="${name}"] lies outside the page: ${JSON.stringify(box)}`);
    const style = await part.evaluate((el) => {
      const computed = el.ownerDocument.defaultView?.getComputedStyle(el);
      return { opacity: computed?.opacity ?? '1', fontSize: computed?.fontSize ?? '16px' };
    });
    assert.notEqual(style.opacity, '0', `[data-part="${name}"] is transparent`);
    assert.ok(parseFloat(style.fontSize) >= 8, `[data-part="${name}"] has an unreadable font size ${style.fontSize}`);
    return part;
  }

  const visibleText = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
  const tagOf = (locator: Locator) => locator.evaluate((el) => el.tagName.toLowerCase());

  /** The one visible link inside PART whose text is TEXT; returns its href attribute. */
  async function linkIn(part: Locator, text: string): Promise<string> {
    const link = part.locator('a', { hasText: text });
    assert.equal(await link.count(), 1, `one link "${text}"`);
    assert.ok(await link.isVisible(), `link "${text}" is not visible`);
    assert.equal(await visibleText(link), text);
    return (await link.getAttribute('href')) ?? '';
  }

  it('shows the title in the h1', async () => {
    const part = await visiblePart('title');
    assert.equal(await tagOf(part), 'h1');
    assert.equal(await visibleText(part), title);
    assert.equal(await page.locator('h1').count(), 1, 'one h1 on the page');
    assert.match(await page.title(), new RegExp(`^${title}\\b`));
  });

  it('shows the byline linking to the author', async () => {
    const part = await visiblePart('byline');
    assert.equal(await visibleText(part), 'By Global Research');
    assert.equal(await linkIn(part, 'Global Research'), '/author/global-research/');
  });

  it('shows the date', async () => {
    const part = await visiblePart('date');
    assert.match(await visibleText(part), /\b2008\b/);
    assert.match((await part.locator('time').first().getAttribute('datetime')) ?? '', /^2008-04-06/);
  });

  it('shows the original-source line', async () => {
    const part = await visiblePart('original-line');
    assert.match(await visibleText(part), /RIA Novosti/);
  });

  it('links the Region term', async () => {
    const part = await visiblePart('taxonomy-region');
    assert.match(await visibleText(part), /^Region:/);
    assert.equal(await linkIn(part, 'Russia and FSU'), '/region/russia-and-fsu/');
  });

  it('links the Theme term, and the link leads to its archive', async () => {
    const part = await visiblePart('taxonomy-theme');
    assert.match(await visibleText(part), /^Theme:/);
    const href = await linkIn(part, 'Militarization and WMD');
    assert.match(href, /^\/theme\/[a-z0-9-]+\/$/);
    const archive = await fetch(server!.url + href);
    assert.equal(archive.status, 200, `GET ${href}`);
    const archiveHtml = await archive.text();
    assert.match(archiveHtml, /<h1\b[^>]*>[^<]*Militarization and WMD/);
    assert.ok(archiveHtml.includes(`href="${articlePath}"`), `the theme archive ${href} should list the article`);
  });

  it('shows the body, from its dateline to its last paragraph, without the page furniture', async () => {
    const part = await visiblePart('body');
    const text = await visibleText(part);
    assert.match(text, /^MOSCOW\b/);
    assert.ok(text.includes('START-1'), 'body mentions START-1');
    assert.match(text, /reducing their strategic arms to a minimum\.$/);
    assert.equal(await part.locator('p').count(), 13, 'the seed has 13 body paragraphs');
    for (const furniture of [
      'Become a Member of Global Research',
      'Centre for Research on Globalization',
      'Centre of Research on Globalization',
      'The original source of this article',
      'Copyright ©',
      'Comment on Global Research Articles',
      'Articles by:',
      'Disclaimer:',
      'fair use',
      'For media inquiries',
      'publications@globalresearch.ca',
      'www.globalresearch.ca',
      'Region:',
      'Theme:',
    ]) {
      assert.ok(!text.includes(furniture), `body should not contain the seed's furniture "${furniture}"`);
    }
  });

  it('shows the original-source notice', async () => {
    const part = await visiblePart('original-source');
    assert.match(await visibleText(part), /The original source of this article is RIA Novosti\b/);
  });

  it('shows the copyright line', async () => {
    const part = await visiblePart('copyright');
    const text = await visibleText(part);
    assert.match(text, /^Copyright ©/);
    assert.match(text, /RIA Novosti/);
    assert.match(text, /\b2008\b/);
  });

  it('offers a comment link and a membership call', async () => {
    for (const name of ['comment', 'membership']) {
      const part = await visiblePart(name);
      assert.equal(await tagOf(part), 'a', `${name} is a link`);
      assert.ok(((await part.getAttribute('href')) ?? '').length > 0, `${name} link has an href`);
      assert.ok((await visibleText(part)).length > 3, `${name} link has text`);
    }
  });

  it('lists "Articles by:" with the author link', async () => {
    const part = await visiblePart('articles-by');
    assert.match(await visibleText(part), /^Articles by: Global Research$/);
    assert.equal(await linkIn(part, 'Global Research'), '/author/global-research/');
  });

  it('shows the disclaimer, cross-posting permission and fair-use notice', async () => {
    const expectations: Array<[string, RegExp]> = [
      ['disclaimer', /\bdisclaimer\b/i],
      ['cross-posting', /\b(re|cross-)post/i],
      ['fair-use', /\bfair use\b/i],
    ];
    for (const [name, pattern] of expectations) {
      const text = await visibleText(await visiblePart(name));
      assert.match(text, pattern, `${name} notice`);
      assert.ok(text.length > 40, `${name} notice is a sentence, not "${text}"`);
      assert.doesNotMatch(text, /\{[a-z]+\}/, `${name} notice has an unfilled placeholder`);
    }
  });

  it('gives a media-inquiries contact with a mailto link', async () => {
    const part = await visiblePart('media-inquiries');
    assert.match(await visibleText(part), /media inquiries/i);
    const mail = part.locator('a[href^="mailto:"]');
    assert.equal(await mail.count(), 1, 'one mailto link');
    assert.ok(await mail.isVisible(), 'the mailto link is visible');
    const address = await visibleText(mail);
    assert.match(address, /^[^@\s]+@[^@\s]+\.[a-z]+$/i);
    assert.equal(await mail.getAttribute('href'), `mailto:${address}`);
  });

  it('tells search engines what the copy is: canonical or noindex, and NewsArticle JSON-LD based on the original', async () => {
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute('href').catch(() => null);
    const robots = (await page.locator('head meta[name="robots"]').getAttribute('content').catch(() => null)) ?? '';
    assert.ok(canonical || /noindex/.test(robots), `expected <link rel=canonical> or meta robots noindex; got canonical=${canonical}, robots="${robots}"`);
    if (canonical) assert.doesNotThrow(() => new URL(canonical), 'canonical is an absolute URL');
    if (/noindex/.test(robots)) assert.match(responseHeaders['x-robots-tag'] ?? '', /noindex/, 'X-Robots-Tag agrees with meta robots');

    const scripts = page.locator('script[type="application/ld+json"]');
    assert.equal(await scripts.count(), 1, 'one JSON-LD block');
    const data = JSON.parse((await scripts.textContent()) ?? '') as {
      '@type'?: string; headline?: string; author?: Array<{ name?: string }>;
      isBasedOn?: { '@type'?: string; publisher?: { name?: string } };
    };
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, title);
    assert.deepEqual(data.author?.map((a) => a.name), ['Global Research']);
    assert.equal(data.isBasedOn?.publisher?.name, 'RIA Novosti');
  });
});
