// End to end: start the real server with its demo content, follow every internal link from the
// home page with plain HTTP, and check that nothing is broken; then check the small-screen layout.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const maxUrls = 2_000;
const maxRedirects = 10;
const mobileWidth = 375;
const articlePattern = /^\/\d{4}\/\d{2}\/[^/?#]+\/$/;

interface Visit {
  url: string;
  status: number;
  contentType: string;
  body: string;
  /** The pages (or redirects) the URL was found on. */
  foundOn: Set<string>;
  redirectTo?: string;
}

interface Crawl {
  visits: Map<string, Visit>;
  /** True when the bound stopped the crawl before it ran out of links. */
  truncated: boolean;
}

const decodeEntities = (text: string) => text
  .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
  .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
  .replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, '\'').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&amp;/g, '&');

/** The attributes of one start tag, names lower-cased, values entity-decoded. */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  // Only the closing '>' goes: in <a href=/x/> the slash belongs to the unquoted value.
  const inner = tag.replace(/^<[a-z0-9]+/i, '').replace(/>$/, '');
  for (const match of inner.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/** The link targets of an HTML page: <a href>, <link rel=stylesheet|canonical|next|prev|…>, <img src>, <script src>. */
function linksInHtml(html: string): string[] {
  const found: string[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const [tag, name] of withoutComments.matchAll(/<(a|link|img|script|source)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const attributes = attributesOf(tag);
    const element = (name ?? '').toLowerCase();
    if (element === 'a' || element === 'link') {
      const href = attributes.get('href');
      if (href === undefined) continue;
      if (element === 'link') {
        const rels = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
        if (!rels.some((rel) => ['stylesheet', 'canonical', 'next', 'prev', 'icon', 'alternate', 'preload', 'manifest'].includes(rel))) continue;
      }
      found.push(href);
    } else {
      const src = attributes.get('src');
      if (src) found.push(src);
    }
  }
  return found;
}

/** url(...) references in a stylesheet. */
function linksInCss(css: string): string[] {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? '')
    .filter((href) => href && !href.startsWith('data:'));
}

/** Follows every same-origin link from `start`; redirects are followed by hand so their targets are checked too. */
async function crawl(origin: string, start: string): Promise<Crawl> {
  const visits = new Map<string, Visit>();
  const queue: Array<{ url: string; from: string }> = [{ url: new URL(start, origin).href, from: '(start)' }];
  const enqueue = (href: string, base: string) => {
    const trimmed = href.trim();
    if (!trimmed || trimmed.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(trimmed)) return;
    let target: URL;
    try {
      target = new URL(trimmed, base);
    } catch {
      // An href that is not a URL at all is broken: record it as a failed visit.
      const key = `invalid:${trimmed}`;
      const visit = visits.get(key) ?? { url: key, status: 0, contentType: '', body: '', foundOn: new Set<string>() };
      visit.foundOn.add(base);
      visits.set(key, visit);
      return;
    }
    if (target.origin !== origin) return;
    target.hash = '';
    const existing = visits.get(target.href);
    if (existing) existing.foundOn.add(base);
    else queue.push({ url: target.href, from: base });
  };

  let truncated = false;
  while (queue.length > 0) {
    const batch = queue.splice(0, 8);
    const fresh = batch.filter(({ url, from }) => {
      const existing = visits.get(url);
      if (existing) {
        existing.foundOn.add(from);
        return false;
      }
      if (visits.size >= maxUrls) {
        truncated = true;
        return false;
      }
      visits.set(url, { url, status: -1, contentType: '', body: '', foundOn: new Set([from]) });
      return true;
    });
    await Promise.all(fresh.map(async ({ url }) => {
      const visit = visits.get(url)!;
      try {
        const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
        visit.status = response.status;
        visit.contentType = response.headers.get('content-type') ?? '';
        visit.body = await response.text();
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400) {
          if (!location) {
            visit.status = 599;
            visit.body = `redirect ${response.status} without a Location header`;
            return;
          }
          visit.redirectTo = new URL(location, url).href;
          if (new URL(visit.redirectTo).origin !== origin) {
            visit.status = 598;
            visit.body = `redirects off the site, to ${visit.redirectTo}`;
            return;
          }
          enqueue(location, url);
          return;
        }
        if (response.status >= 400) return;
        if (visit.contentType.startsWith('text/html')) for (const href of linksInHtml(visit.body)) enqueue(href, url);
        else if (visit.contentType.startsWith('text/css')) for (const href of linksInCss(visit.body)) enqueue(href, url);
      } catch (error) {
        visit.status = 0;
        visit.body = `request failed: ${(error as Error).message}`;
      }
    }));
  }
  return { visits, truncated };
}

/** Where a redirect chain ends (or the URL itself). */
function finalVisit(visits: Map<string, Visit>, url: string): Visit | undefined {
  let visit = visits.get(url);
  for (let hops = 0; visit?.redirectTo && hops < maxRedirects; hops++) visit = visits.get(visit.redirectTo);
  return visit;
}

describe('the demo site, crawled link by link', { timeout: 180_000 }, () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let result: Crawl;
  let origin: string;
  const pathOf = (url: string) => {
    const u = new URL(url);
    return u.pathname + u.search;
  };
  const okHtmlPages = () => [...result.visits.values()].filter((v) => v.status === 200 && v.contentType.startsWith('text/html'));
  const visitedPaths = () => new Set(okHtmlPages().map((v) => pathOf(v.url)));
  /** Same-origin hrefs on the page at PATH matching PATTERN. */
  const linksOn = (path: string, pattern: RegExp) => {
    const page = result.visits.get(origin + path);
    assert.ok(page && page.status === 200, `${path} was not crawled successfully`);
    return [...new Set(linksInHtml(page.body).map((href) => pathOf(new URL(href, origin + path).href)).filter((p) => pattern.test(p)))];
  };

  before(async () => {
    server = await startServer();
    origin = server.url;
    result = await crawl(origin, '/');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('announces where it serves and that it loaded the demo content', () => {
    const { stdout } = server!.output();
    assert.ok(stdout.includes(`at ${origin}/`), `startup line should name ${origin}/; stdout:\n${stdout}`);
    assert.match(stdout, /Loaded 24 demo articles\./);
  });

  it('finishes within the URL bound', () => {
    assert.equal(result.truncated, false, `more than ${maxUrls} URLs: a link generator may be running away`);
  });

  it('finds no broken links', (t) => {
    const statuses = new Map<number, number>();
    for (const v of result.visits.values()) statuses.set(v.status, (statuses.get(v.status) ?? 0) + 1);
    t.diagnostic(`${result.visits.size} URLs checked; by status: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
    const broken = [...result.visits.values()]
      .filter((v) => v.status >= 400 || v.status < 200)
      .map((v) => `${v.status} ${v.url.startsWith(origin) ? pathOf(v.url) : v.url}${v.status === 0 || v.status > 597 ? ` (${v.body})` : ''}\n    linked from: ${[...v.foundOn].map((f) => (f.startsWith(origin) ? pathOf(f) : f)).slice(0, 5).join(', ')}${v.foundOn.size > 5 ? `, … (${v.foundOn.size} pages)` : ''}`);
    assert.deepEqual(broken, [], `broken links:\n${broken.join('\n')}`);
  });

  it('follows redirects to pages that work', () => {
    const redirects = [...result.visits.values()].filter((v) => v.redirectTo);
    for (const redirect of redirects) {
      const end = finalVisit(result.visits, redirect.url);
      assert.ok(end && end.status === 200, `${pathOf(redirect.url)} redirects to ${redirect.redirectTo}, which ends in ${end?.status ?? 'a loop'}`);
    }
  });

  it('reaches the home page, every demo article and the author and source directories', () => {
    const paths = visitedPaths();
    for (const required of ['/', '/author/', '/source/']) assert.ok(paths.has(required), `did not reach ${required}`);
    const articles = [...paths].filter((p) => articlePattern.test(p));
    assert.ok(articles.length >= 24, `expected at least 24 article pages, reached ${articles.length}:\n${articles.join('\n')}`);
  });

  it('reaches every author archive, and every author linked anywhere is in the directory', () => {
    const paths = visitedPaths();
    const listed = linksOn('/author/', /^\/author\/[^/?]+\/$/);
    assert.ok(listed.length >= 2, `the author directory should list the demo authors, lists ${listed.length}`);
    for (const archive of listed) assert.ok(paths.has(archive), `author archive ${archive} was not reached`);
    const linkedAnywhere = [...paths].filter((p) => /^\/author\/[^/?]+\/$/.test(p));
    const missing = linkedAnywhere.filter((p) => !listed.includes(p));
    assert.deepEqual(missing, [], 'authors linked from articles but missing from /author/');
  });

  it('reaches every source archive listed in the source directory', () => {
    const paths = visitedPaths();
    const listed = linksOn('/source/', /^\/source\/[^/?]+\/$/);
    assert.ok(listed.length >= 1, 'the source directory should list the demo sources');
    for (const archive of listed) assert.ok(paths.has(archive), `source archive ${archive} was not reached`);
  });

  it('reaches every term archive linked from the navigation and the taxonomy indexes', () => {
    const paths = visitedPaths();
    const taxonomyIndexes = linksOn('/', /^\/[a-z0-9-]+\/$/).filter((p) => !['/author/', '/source/'].includes(p) && !articlePattern.test(p));
    assert.ok(taxonomyIndexes.length >= 2, `expected the Region and Theme indexes in the navigation, found ${taxonomyIndexes.join(', ')}`);
    for (const index of taxonomyIndexes) {
      assert.ok(paths.has(index), `taxonomy index ${index} was not reached`);
      const linked = linksOn(index, new RegExp(`^${index}[^?]+/$`));
      assert.ok(linked.length > 0, `${index} lists no terms`);
      for (const term of linked) assert.ok(paths.has(term), `term archive ${term} (linked from ${index}) was not reached`);
    }
    const termArchives = [...paths].filter((p) => taxonomyIndexes.some((index) => p.startsWith(index) && p !== index && !p.includes('?')));
    assert.ok(termArchives.length >= 10, `expected the demo's term archives, reached ${termArchives.length}`);
  });

  it('serves well-formed pages: one h1, <html lang>, a main landmark, a title', () => {
    const problems: string[] = [];
    const pages = okHtmlPages();
    assert.ok(pages.length >= 30, `expected a few dozen HTML pages, got ${pages.length}`);
    for (const page of pages) {
      const html = page.body.replace(/<!--[\s\S]*?-->/g, '');
      const where = pathOf(page.url);
      const h1s = html.match(/<h1\b/gi)?.length ?? 0;
      if (h1s !== 1) problems.push(`${where}: ${h1s} <h1> elements`);
      if (!/^\s*<!doctype html>/i.test(html)) problems.push(`${where}: no <!doctype html>`);
      if (!/<html\b[^>]*\slang="[a-z]{2,3}(?:-[A-Za-z0-9]+)*"/i.test(html)) problems.push(`${where}: <html> has no lang`);
      const mains = (html.match(/<main\b/gi)?.length ?? 0) + (html.match(/\brole="main"/gi)?.length ?? 0);
      if (mains !== 1) problems.push(`${where}: ${mains} main landmarks`);
      if (!/<title>[^<]+<\/title>/i.test(html)) problems.push(`${where}: empty or missing <title>`);
    }
    assert.deepEqual(problems, []);
  });

  it('answers an unknown address with a 404 page the crawler would have reported', async () => {
    const probe = await crawl(origin, '/no-such-page/');
    const visit = probe.visits.get(`${origin}/no-such-page/`);
    assert.equal(visit?.status, 404);
    assert.match(visit.body, /<main\b/);
  });

  it('fits a 375 px wide screen without horizontal scrolling', async () => {
    browser = await launchBrowser();
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    assert.equal((await desktop.goto(`${origin}/`))?.status(), 200);
    await desktop.screenshot({ path: screenshotPath('home.png'), fullPage: true });
    await desktop.close();

    const context = await browser.newContext({ viewport: { width: mobileWidth, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const mobile = await context.newPage();
    const paths = [...visitedPaths()];
    const articles = paths.filter((p) => articlePattern.test(p)).sort();
    const checked = ['/', ...articles, '/author/', '/source/'];
    assert.ok(articles.length > 0, 'no article to check');
    const overflowing: string[] = [];
    for (const path of checked) {
      const response = await mobile.goto(origin + path, { waitUntil: 'load' });
      assert.equal(response?.status(), 200, `GET ${path}`);
      const scrollWidth = Number(await mobile.evaluate('document.documentElement.scrollWidth'));
      assert.ok(Number.isFinite(scrollWidth) && scrollWidth > 0, `could not measure ${path}`);
      if (scrollWidth > mobileWidth + 1) overflowing.push(`${path}: scrollWidth ${scrollWidth}px`);
      if (path === '/') await mobile.screenshot({ path: screenshotPath('home-mobile.png'), fullPage: true });
      if (path === articles[0]) await mobile.screenshot({ path: screenshotPath('article-mobile.png'), fullPage: true });
    }
    await context.close();
    assert.deepEqual(overflowing, [], `pages wider than ${mobileWidth}px:\n${overflowing.join('\n')}`);
  });
});
