/*
 * End to end: every payload of the shared XSS corpora (/work/shared/corpus/xss/) goes through each
 * import path — a flattened text page, an HTML page, an RSS 2.0 feed, a JSON Feed 1.1 and an IPTC
 * ninjs 2.x document, all built here — into article titles, bylines and bodies; each document is
 * read with readDocument, imported with importDraft and published; then the real server renders
 * the sites in headless Chromium and the test shows that no script ran.
 *
 * Batching keeps the run bounded. Every payload gets an article of its own (title
 * "X<path><n> <payload>", byline "<payload>", the payload in the body, so in the listing excerpt
 * too), shown 100 to a listing page. Every 200 payloads also get a "batch" article whose title and
 * byline hold all of them (so <title>, <meta>, JSON-LD and the author archive heading meet every
 * payload) and whose body holds each as a paragraph; payloads that take their neighbours with them
 * are placed at a batch's edge or alone (see importBatches). Each import path gets its own sites of
 * 1,500 payloads. The test loads every listing page, every batch article page, every author
 * directory and some author archives — while the next site imports, so that Chromium and the
 * importer share the two cores.
 *
 * In the browser, before any page script, window.alert/confirm/prompt/print/open, fetch,
 * XMLHttpRequest open/send, sendBeacon, WebSocket, EventSource, Worker, SharedWorker, Function,
 * postMessage, setTimeout/setInterval, document.write, document.cookie and the Image src setter are replaced
 * by recorders (window.__xss). Dialogs, popups, page errors, navigations away from the loaded URL
 * and any script the Chromium debugger sees compiled while the page loads (the site serves no
 * JavaScript, so there must be none) fail the page. Requests to other origins go to a refusing
 * proxy (a sanitized <img src="http://…"> may ask for one: not script, and not let out). After load
 * and a short settle the DOM is scanned for script-capable elements, on* attributes and URLs of
 * schemes other than http(s) and mailto. A control page served by the test itself first shows
 * that these detectors do fire.
 *
 * DATELINE_XSS_E2E_LIMIT=N limits the run to the first N payloads (for working on the test).
 */
import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ImportDraft } from '../../src/app/import-service.js';
import type { Article } from '../../src/domain/article.js';
import { articlePath } from '../../src/domain/article.js';
import { isAppError } from '../../src/domain/errors.js';
import { readDocument, type DocumentKind } from '../../src/ingest/read-document.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { loadXssPayloads, xssCorpusDir, type XssPayload } from '../support/xss-payloads.js';

/** Per-payload articles built at a time (one feed or ninjs document, or that many pages). */
const itemsPerDocument = 100;
/** Payloads in one batch article (its title, byline and body). */
const payloadsPerBatch = 200;
/** Payloads per site (database): see `sites`. */
const payloadsPerSite = 1500;
/** Author archives loaded per site: those of the batch articles' authors with the longest names. */
const authorArchivesPerSite = 4;
const pageSize = 100;
const browserPages = 3;
const settleMs = 50;
const limit = Number(process.env.DATELINE_XSS_E2E_LIMIT ?? '') || Infinity;
const taxonomyLabels = ['Region', 'Theme'];

// ---------------------------------------------------------------------------------------------
// Building the documents

interface Entry {
  /** "XT0042": path code and the payload's number, unique across the run. */
  marker: string;
  payload: XssPayload;
}

interface Batch {
  /** "XTB003". */
  marker: string;
  entries: Entry[];
}

interface BuiltDocument {
  name: string;
  bytes: Buffer;
}

interface ImportPath {
  code: string;
  name: string;
  kind: DocumentKind;
  /**
   * The share of payloads expected to survive in their article's title: text titles keep them;
   * an HTML page's extractor may pick another title; an RSS title is HTML by convention, so the
   * payload's markup goes and often nothing but the marker is left.
   */
  titlesKept: number;
  /** Documents that give every entry an article of its own: payload in title, byline and body. */
  singles(entries: Entry[]): BuiltDocument[];
  /** One document with one article: every payload of the batch in its title and byline, and each as a body paragraph. */
  batch(batch: Batch): BuiltDocument;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** Characters XML 1.0 cannot carry at all, even as references. */
const notXmlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xmlText = (text: string) => escapeHtml(text.replace(notXmlCharacter, '\ufffd'));
/** A CDATA section holding `text` verbatim (a "]]>" inside is split over two sections). */
const cdata = (text: string) => `<![CDATA[${text.replace(notXmlCharacter, '\ufffd').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

const filler = (marker: string) =>
  `Reporting for ${marker}: the council met on Tuesday evening to discuss the budget, the new library, road repairs and the bus timetable for the coming winter months.`;
const entryTitle = (entry: Entry) => `${entry.marker} ${entry.payload.source}`;
const batchTitle = (batch: Batch) => `${batch.marker} ${batch.entries.map((e) => e.payload.source).join(' ')}`;
const batchByline = (batch: Batch) => batch.entries.map((e) => e.payload.source).join(' ');
/** A body paragraph: the marker (to count what survives), then the payload. */
const paragraph = (entry: Entry) => `${entry.marker}: ${entry.payload.source}`;
const singleBodyHtml = (entry: Entry) => `<p>${filler(entry.marker)}</p>\n<p>${paragraph(entry)}</p>\n<p>${filler(`${entry.marker} (end)`)}</p>`;
const batchBodyHtml = (batch: Batch) => `<p>${filler(batch.marker)}</p>\n${batch.entries.map((e) => `<p>${paragraph(e)}</p>`).join('\n')}\n<p>${filler(`${batch.marker} (end)`)}</p>`;
const partnerUrl = (marker: string) => `https://partner.example/story/${marker.toLowerCase()}`;

/** Flattened page: title line, "By" line, body paragraphs. Title and byline must stay on one line. */
function flattenedPage(title: string, byline: string, paragraphs: string[]): Buffer {
  return Buffer.from(`${oneLine(title)}\n\nBy ${oneLine(byline)}\n\n${paragraphs.join('\n\n')}\n`);
}

const flattenedText: ImportPath = {
  code: 'T',
  name: 'flattened text/Markdown page',
  kind: 'flattened-text',
  titlesKept: 0.9,
  singles: (entries) => entries.map((e) => ({
    name: `${e.marker}.md`,
    bytes: flattenedPage(entryTitle(e), e.payload.source, [filler(e.marker), paragraph(e), filler(`${e.marker} (end)`)]),
  })),
  batch: (batch) => ({
    name: `${batch.marker}.md`,
    bytes: flattenedPage(batchTitle(batch), batchByline(batch), [filler(batch.marker), ...batch.entries.map(paragraph), filler(`${batch.marker} (end)`)]),
  }),
};

/** HTML page: title in <title> and <h1>, byline in <meta name=author> and .byline, the body as paragraphs. */
function htmlDocument(title: { text: string; markup: string }, byline: { text: string; markup: string }, body: string): Buffer {
  return Buffer.from(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title.text)}</title><meta name="author" content="${escapeHtml(byline.text)}"></head>
<body><article><h1>${title.markup}</h1><p class="byline">By ${byline.markup}</p>
${body}
</article></body></html>
`);
}

const htmlPage: ImportPath = {
  code: 'H',
  name: 'HTML page',
  kind: 'html-page',
  titlesKept: 0.5,
  // A page of its own per payload puts it raw in the <h1> and the .byline too.
  singles: (entries) => entries.map((e) => ({
    name: `${e.marker}.html`,
    bytes: htmlDocument({ text: entryTitle(e), markup: entryTitle(e) }, { text: e.payload.source, markup: e.payload.source }, singleBodyHtml(e)),
  })),
  // A batch page keeps its heading as text: one payload opening a comment there would swallow the page.
  batch: (batch) => ({
    name: `${batch.marker}.html`,
    bytes: htmlDocument({ text: batchTitle(batch), markup: escapeHtml(batchTitle(batch)) }, { text: batchByline(batch), markup: escapeHtml(batchByline(batch)) }, batchBodyHtml(batch)),
  }),
};

interface FeedItem {
  marker: string;
  title: string;
  author: string;
  contentHtml: string;
}

const singleItems = (entries: Entry[]): FeedItem[] => entries.map((e) => ({ marker: e.marker, title: entryTitle(e), author: e.payload.source, contentHtml: singleBodyHtml(e) }));
const batchItem = (batch: Batch): FeedItem => ({ marker: batch.marker, title: batchTitle(batch), author: batchByline(batch), contentHtml: batchBodyHtml(batch) });

/** RSS 2.0: title and author as (escaped) text, the body raw in CDATA. */
function rssDocument(name: string, items: FeedItem[]): BuiltDocument {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Partner wire ${name}</title>
<link>https://partner.example/</link>
<description>Hostile markup for the import tests.</description>
${items.map((item) => `<item>
<title>${xmlText(item.title)}</title>
<link>${partnerUrl(item.marker)}</link>
<guid isPermaLink="false">urn:dateline-xss:${item.marker}</guid>
<pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate>
<author>${xmlText(item.author)}</author>
<dc:creator>${xmlText(item.author)}</dc:creator>
<content:encoded>${cdata(item.contentHtml)}</content:encoded>
</item>`).join('\n')}
</channel>
</rss>
`;
  return { name: `${name}.rss`, bytes: Buffer.from(xml) };
}

const rssFeed: ImportPath = {
  code: 'R',
  name: 'RSS 2.0 feed',
  kind: 'feed',
  titlesKept: 0,
  singles: (entries) => [rssDocument(`${entries[0]!.marker}-items`, singleItems(entries))],
  batch: (batch) => rssDocument(batch.marker, [batchItem(batch)]),
};

function jsonFeedDocument(name: string, items: FeedItem[]): BuiltDocument {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: `Partner wire ${name}`,
    home_page_url: 'https://partner.example/',
    items: items.map((item) => ({
      id: `urn:dateline-xss:${item.marker}`, url: partnerUrl(item.marker), title: item.title, content_html: item.contentHtml,
      authors: [{ name: item.author }], date_published: '2026-11-20T09:00:00Z',
    })),
  };
  return { name: `${name}.json`, bytes: Buffer.from(JSON.stringify(feed, null, 1)) };
}

const jsonFeed: ImportPath = {
  code: 'J',
  name: 'JSON Feed 1.1',
  kind: 'feed',
  titlesKept: 0.9,
  singles: (entries) => [jsonFeedDocument(`${entries[0]!.marker}-items`, singleItems(entries))],
  batch: (batch) => jsonFeedDocument(batch.marker, [batchItem(batch)]),
};

/** IPTC ninjs 2.x: a collection (JSON array) of text items with headlines, an HTML body and "by". */
function ninjsDocument(name: string, items: FeedItem[]): BuiltDocument {
  const json = items.map((item) => ({
    uri: `urn:dateline-xss:${item.marker}`,
    standard: { name: 'ninjs', version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json' },
    type: 'text',
    firstcreated: '2026-11-20T09:00:00Z',
    versioncreated: '2026-11-20T09:00:00Z',
    language: 'en',
    headlines: [{ role: 'main', value: item.title }],
    bodies: [{ role: 'main', contenttype: 'text/html', value: item.contentHtml }],
    by: item.author,
  }));
  return { name: `${name}.ninjs.json`, bytes: Buffer.from(JSON.stringify(json, null, 1)) };
}

const ninjs: ImportPath = {
  code: 'N',
  name: 'IPTC ninjs 2.x',
  kind: 'ninjs',
  titlesKept: 0.9,
  singles: (entries) => [ninjsDocument(`${entries[0]!.marker}-items`, singleItems(entries))],
  batch: (batch) => ninjsDocument(batch.marker, [batchItem(batch)]),
};

const importPaths: ImportPath[] = [flattenedText, htmlPage, rssFeed, jsonFeed, ninjs];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---------------------------------------------------------------------------------------------
// Importing

interface PathStats {
  payloads: number;
  documents: number;
  refusedDocuments: string[];
  drafts: number;
  imported: number;
  alreadyImported: number;
  /** Per-payload articles stored, how many kept their payload in the title, and how many kept a byline. */
  singles: number;
  singleTitlesKept: number;
  singlesWithAuthor: number;
  batchDocuments: number;
  batchArticles: number;
  /** Payloads that harmed their neighbours in their own article (planned at a batch's edge, or alone). */
  disruptive: number;
  /** Payloads whose body paragraph (found by its marker) is in a stored batch article. */
  bodyPayloadsKept: number;
  /** Payloads whose paragraph survives neither in their own article nor alone in a batch. */
  bodyPayloadsDropped: string[];
  ms: number;
}

/** "XT0042" (one payload) or "XTB003" (a batch). */
const markerPattern = /\bX[THRJN](?:\d{4}|B\d{3})\b/i;
const isBatchMarker = (marker: string) => /B\d{3}$/.test(marker);

/** Which built article a draft is: its item link, else its title or filler line. */
function markerOfDraft(draft: ImportDraft): string | null {
  const found = markerPattern.exec(draft.original.url ?? '') ?? markerPattern.exec(draft.title.slice(0, 8)) ?? /Reporting for (X[THRJN](?:\d{4}|B\d{3}))/.exec(draft.body);
  return found ? (found[1] ?? found[0]).toUpperCase() : null;
}

// ---------------------------------------------------------------------------------------------
// The browser side

/** Installed before any page script: records every way a payload could make itself heard. */
const hooksScript = `(() => {
  const calls = [];
  Object.defineProperty(window, '__xss', { value: calls, writable: false, configurable: false });
  const record = (what, args) => {
    let detail = '';
    try { detail = Array.from(args ?? [], (a) => String(a)).join(', ').slice(0, 200); } catch { detail = '(unprintable)'; }
    calls.push(what + '(' + detail + ')');
  };
  const replace = (owner, name, result) => {
    try {
      const original = owner[name];
      const fake = function (...args) { record(name, args); return typeof result === 'function' ? result.apply(this, [original, ...args]) : result; };
      Object.defineProperty(owner, name, { value: fake, writable: true, configurable: true });
    } catch (error) { calls.push('hook failed: ' + name + ': ' + error); }
  };
  for (const name of ['alert', 'print']) replace(window, name, undefined);
  replace(window, 'confirm', false);
  replace(window, 'prompt', null);
  replace(window, 'open', null);
  replace(window, 'fetch', () => Promise.reject(new TypeError('blocked by the XSS test')));
  replace(window, 'postMessage', undefined);
  replace(window, 'setTimeout', (original, handler, ...rest) => (typeof handler === 'string' ? 0 : original.call(window, handler, ...rest)));
  replace(window, 'setInterval', (original, handler, ...rest) => (typeof handler === 'string' ? 0 : original.call(window, handler, ...rest)));
  replace(XMLHttpRequest.prototype, 'open', undefined);
  replace(XMLHttpRequest.prototype, 'send', undefined);
  replace(Navigator.prototype, 'sendBeacon', false);
  replace(Document.prototype, 'write', undefined);
  replace(Document.prototype, 'writeln', undefined);
  for (const name of ['WebSocket', 'EventSource', 'Worker', 'SharedWorker', 'Function']) {
    try {
      const fake = function (...args) { record(name, args); throw new TypeError('blocked by the XSS test'); };
      Object.defineProperty(window, name, { value: fake, writable: true, configurable: true });
    } catch (error) { calls.push('hook failed: ' + name + ': ' + error); }
  }
  try {
    const descriptor = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
      configurable: true, enumerable: true, get: descriptor.get,
      set(value) { record('Image.src', [value]); },
    });
  } catch (error) { calls.push('hook failed: Image.src: ' + error); }
  try {
    const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true, enumerable: true,
      get() { record('document.cookie', []); return descriptor.get.call(this); },
      set(value) { record('document.cookie=', [value]); },
    });
  } catch (error) { calls.push('hook failed: document.cookie: ' + error); }
})();
//# sourceURL=dateline-xss-hooks.js
`;

interface Scan {
  xss: string[];
  problems: string[];
  cardLinks: string[];
  bylines: string[];
  bodyMarkers: string[];
}

/**
 * Runs in the page after load (as a string: a compiled function would carry the test runner's
 * helpers along): what a payload left behind in the DOM, and what the page shows.
 */
const scanScript = String.raw`(() => {
  const problems = [];
  const show = (el) => el.outerHTML.slice(0, 160);
  const main = document.querySelector('main');
  if (!main) problems.push('no <main> element');
  if (document.baseURI !== location.href) problems.push('document.baseURI is ' + document.baseURI + ', not the page URL');
  // Anywhere: what runs script or loads another document. Inside <main> (article text), also what has no place in it.
  const dangerous = 'script, iframe, frame, frameset, object, embed, applet, portal, base, meta[http-equiv]';
  const outOfPlace = 'form, input, button, textarea, select, style, link, meta, svg, math, template, noscript';
  for (const el of document.querySelectorAll(dangerous + ', ' + outOfPlace)) {
    const tag = el.tagName.toLowerCase();
    const inMain = !!main && main.contains(el);
    if (!inMain && !el.matches(dangerous)) continue;
    // What the layout itself puts in <head>.
    if (!inMain && tag === 'script' && el.parentElement === document.head && el.getAttribute('type') === 'application/ld+json') continue;
    problems.push((inMain ? 'inside <main>' : 'outside <main>') + ': <' + tag + '> ' + show(el));
  }
  for (const el of document.head.querySelectorAll('link')) {
    if (!/^(stylesheet|canonical|prev|next|alternate|icon|manifest|search)$/.test(el.getAttribute('rel') || '')) problems.push('unexpected <link> in <head>: ' + show(el));
  }
  const urlAttributes = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'cite', 'poster', 'background', 'data', 'lowsrc', 'dynsrc', 'ping', 'imagesrcset']);
  for (const el of document.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc') problems.push(name + ' attribute: ' + show(el));
      if (!urlAttributes.has(name)) continue;
      const urls = name.endsWith('srcset') ? attribute.value.split(',').map((part) => part.trim().split(/\s+/)[0] || '') : [attribute.value];
      for (const url of urls) {
        let protocol = '';
        try { protocol = new URL(url, document.baseURI).protocol; } catch { continue; }
        if (!['http:', 'https:', 'mailto:'].includes(protocol)) problems.push(name + ' with a ' + protocol + ' URL: ' + show(el));
      }
    }
  }
  const text = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();
  return {
    xss: Array.from(window.__xss || ['window.__xss is missing: the hooks did not run']),
    problems,
    cardLinks: Array.from(document.querySelectorAll('main .card h2 a'), (a) => a.getAttribute('href') || ''),
    bylines: Array.from(document.querySelectorAll('main .card .meta a[href^="/author/"], main [data-part="byline"] a, main .term-tree a[href^="/author/"]'), text),
    bodyMarkers: Array.from(new Set(Array.from(document.querySelectorAll('main [data-part="body"]'), text).join(' ').match(/X[THRJN]\d{4}:/g) || [])),
  };
})()`;

interface Visit {
  url: string;
  cardLinks: string[];
  bylines: string[];
  bodyMarkers: string[];
}

/** A site (database and server) where up to 1,500 payloads' articles of one import path are published. */
interface Site {
  path: ImportPath;
  app: TestApp;
  origin: string;
  /** Public paths of every article stored. */
  articlePaths: Set<string>;
  /** URLs of the batch articles, and of their authors' archives with the length of the author's name. */
  batchArticleUrls: string[];
  batchAuthors: Map<string, number>;
}

type PageKind = 'listing' | 'article' | 'directory' | 'author';

interface Job {
  site: Site;
  kind: PageKind;
  url: string;
}

/** A browser tab that loads URLs one after another and reports everything suspicious it saw. */
class Tab {
  private expected = '';
  private events: string[] = [];
  private watching = false;

  private constructor(readonly page: Page, private readonly cdp: CDPSession) {}

  static async open(context: BrowserContext): Promise<Tab> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const tab = new Tab(page, cdp);
    page.on('dialog', (dialog) => {
      tab.events.push(`dialog ${dialog.type()}: ${dialog.message().slice(0, 200)}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('popup', (popup) => {
      tab.events.push(`popup to ${popup.url()}`);
      void popup.close().catch(() => undefined);
    });
    page.on('pageerror', (error) => tab.events.push(`page error (a script ran): ${error.message.slice(0, 200)}`));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url() !== tab.expected) tab.events.push(`main frame navigated to ${frame.url()}`);
      else if (frame !== page.mainFrame()) tab.events.push(`a frame navigated to ${frame.url()}`);
    });
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.url() !== tab.expected) tab.events.push(`navigation request to ${request.url()}`);
      if (!/^https?:/.test(request.url())) tab.events.push(`request to ${request.url().slice(0, 200)}`);
    });
    // The site serves no JavaScript: while a page loads and settles, the only script Chromium may
    // compile is our hooks (Playwright's own come with the scan, when nobody is watching any more).
    cdp.on('Debugger.scriptParsed', (event) => {
      if (!tab.watching || event.url === 'dateline-xss-hooks.js' || event.executionContextAuxData?.type === 'isolated') return;
      tab.events.push(`script parsed in the page: ${event.url || '(inline)'} ${JSON.stringify(event.executionContextAuxData ?? {})} ${event.startLine}:${event.startColumn}`);
    });
    await cdp.send('Debugger.enable');
    return tab;
  }

  async visit(url: string, failures: string[]): Promise<Visit> {
    this.expected = url;
    this.events = [];
    this.watching = true;
    let response;
    try {
      response = await this.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await this.page.waitForTimeout(settleMs);
      // A round trip on the debugger's session: every scriptParsed of the page has arrived before its answer.
      await this.cdp.send('Runtime.getIsolateId');
    } finally {
      this.watching = false;
    }
    const path = new URL(url).pathname + new URL(url).search;
    if (response?.status() !== 200) failures.push(`${path}: status ${response?.status() ?? 'none'}`);
    const scan = await this.page.evaluate<Scan>(scanScript);
    // Let the scan's own scriptParsed events arrive before the next page is watched.
    await this.cdp.send('Runtime.getIsolateId');
    for (const problem of [...scan.xss.map((x) => `window.__xss: ${x}`), ...scan.problems, ...this.events]) failures.push(`${path}: ${problem}`);
    return { url, cardLinks: scan.cardLinks, bylines: scan.bylines, bodyMarkers: scan.bodyMarkers };
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.page.close();
  }
}

// ---------------------------------------------------------------------------------------------

describe('XSS payloads through every import path, rendered by the real server in Chromium', { timeout: 900_000 }, () => {
  /** One site per import path and 1,500 payloads: the importer's look-ups scan whole tables, so small databases keep it fast. */
  const sites: Site[] = [];
  let browser: Browser | undefined;
  let refusingProxy: Server | undefined;
  let context: BrowserContext | undefined;
  let tabs: Tab[] = [];
  let payloads: XssPayload[] = [];
  const stats = new Map<string, PathStats>();
  const unexpectedErrors: string[] = [];
  const externalRequests = new Set<string>();
  const startedAt = Date.now();
  let pagesLoaded = 0;
  let importMs = 0;

  /** Reads one built document and imports its drafts; returns the stored articles by marker. */
  async function importDocument(site: Site, document: BuiltDocument): Promise<Map<string, Article>> {
    const { path } = site;
    const { importer } = site.app.dateline.services;
    const { store } = site.app.dateline;
    const s = stats.get(path.code)!;
    const stored = new Map<string, Article>();
    s.documents++;
    let drafts: ImportDraft[];
    try {
      const read = readDocument({ bytes: document.bytes, name: document.name, taxonomyLabels });
      if (read.kind !== path.kind) unexpectedErrors.push(`${document.name}: read as ${read.kind}, not ${path.kind}`);
      drafts = read.drafts;
    } catch (error) {
      if (isAppError(error) && error.message.includes(document.name)) s.refusedDocuments.push(`${document.name}: ${error.message.slice(0, 160)}`);
      else unexpectedErrors.push(`readDocument(${document.name}) threw ${String(error)}`);
      return stored;
    }
    // A text or HTML page is one article: its file name says which.
    const documentMarker = path.kind === 'flattened-text' || path.kind === 'html-page' ? document.name.replace(/\..*$/, '') : null;
    for (const draft of drafts) {
      s.drafts++;
      const marker = documentMarker ?? markerOfDraft(draft);
      let outcome;
      try {
        outcome = await importer.importDraft(draft, { publish: true });
      } catch (error) {
        unexpectedErrors.push(`importDraft(${document.name}, ${marker ?? JSON.stringify(draft.title.slice(0, 40))}) threw ${String(error)}`);
        continue;
      }
      if (outcome.status === 'already-imported') s.alreadyImported++;
      if (outcome.status !== 'imported' || !outcome.article) continue;
      s.imported++;
      const article = (await store.articles.getBySlug(outcome.article.slug))!;
      site.articlePaths.add(articlePath(article));
      if (marker === null) unexpectedErrors.push(`${document.name}: cannot tell which built article ${JSON.stringify(article.title.slice(0, 60))} is`);
      else stored.set(marker, article);
    }
    return stored;
  }

  /** Every payload gets an article of its own; returns each stored one's body, to plan the batches by. */
  async function importSingles(site: Site, entries: Entry[]): Promise<Map<string, string>> {
    const { path } = site;
    const s = stats.get(path.code)!;
    const bodies = new Map<string, string>();
    for (let start = 0; start < entries.length; start += itemsPerDocument) {
      for (const document of path.singles(entries.slice(start, start + itemsPerDocument))) {
        for (const [marker, article] of await importDocument(site, document)) {
          if (isBatchMarker(marker)) continue;
          s.singles++;
          bodies.set(marker, article.bodyHtml);
          if (article.title.startsWith(`${marker} `) && article.title.length > marker.length + 1) s.singleTitlesKept++;
          if (article.authorIds.length > 0) s.singlesWithAuthor++;
        }
      }
    }
    return bodies;
  }

  /** Imports one batch article; returns the markers of the payloads whose paragraphs it kept. */
  async function importBatch(site: Site, entries: Entry[]): Promise<Set<string>> {
    const { path } = site;
    const s = stats.get(path.code)!;
    const batch: Batch = { marker: `X${path.code}B${pad(s.batchDocuments++, 3)}`, entries };
    const article = (await importDocument(site, path.batch(batch))).get(batch.marker) ?? null;
    if (!article) return new Set();
    s.batchArticles++;
    site.batchArticleUrls.push(`${site.origin}${articlePath(article)}`);
    for (const author of await site.app.dateline.store.authors.getMany(article.authorIds)) site.batchAuthors.set(`${site.origin}/author/${author.slug}/`, author.name.length);
    const kept = new Set(entries.filter((e) => article.bodyHtml.includes(`${e.marker}:`)).map((e) => e.marker));
    s.bodyPayloadsKept += kept.size;
    return kept;
  }

  /**
   * Batch articles: up to 200 payloads as title, byline and body paragraphs. Some payloads take
   * their neighbours with them (an unclosed comment or <plaintext> what follows, a "<body" in a
   * ninjs body what precedes); the payload's own article shows which: its body has a filler
   * paragraph before and after the payload. So a batch is [one that eats what precedes, …payloads
   * that harm nothing, one that eats what follows], and a payload whose own article lost both
   * fillers goes alone. Those without an article of their own (their page was refused) are batched
   * among themselves. Paragraphs lost all the same are retried (see placeAgain), unless they were
   * lost from the payload's own article too: then extraction drops them, whatever their neighbours.
   */
  async function importBatches(site: Site, entries: Entry[], singleBodies: Map<string, string>): Promise<void> {
    const s = stats.get(site.path.code)!;
    const harmless: Entry[] = [];
    const eatsBefore: Entry[] = [];
    const eatsAfter: Entry[] = [];
    const alone: Entry[] = [];
    const unknown: Entry[] = [];
    /** Payloads whose paragraph is gone from their own article too: lost from a batch, they are not retried. */
    const dropsItself = new Set<string>();
    for (const entry of entries) {
      const body = singleBodies.get(entry.marker);
      if (body !== undefined && !body.includes(`${entry.marker}:`)) dropsItself.add(entry.marker);
      const before = body?.includes(`Reporting for ${entry.marker}:`) ?? false;
      const after = body?.includes(`Reporting for ${entry.marker} (end)`) ?? false;
      (body === undefined ? unknown : before && after ? harmless : before ? eatsAfter : after ? eatsBefore : alone).push(entry);
    }
    s.disruptive += eatsBefore.length + eatsAfter.length + alone.length;
    const plan: Entry[][] = alone.map((e) => [e]);
    for (let start = 0; start < unknown.length; start += payloadsPerBatch) plan.push(unknown.slice(start, start + payloadsPerBatch));
    while (harmless.length + eatsBefore.length + eatsAfter.length > 0) {
      const first = eatsBefore.shift();
      const last = eatsAfter.shift();
      plan.push([...(first ? [first] : []), ...harmless.splice(0, payloadsPerBatch - 2), ...(last ? [last] : [])]);
    }
    for (const batch of plan) {
      const kept = await importBatch(site, batch);
      const lost = batch.filter((e) => !kept.has(e.marker));
      for (const entry of lost.filter((e) => dropsItself.has(e.marker))) s.bodyPayloadsDropped.push(`${entry.marker} (${entry.payload.file} ${entry.payload.label})`);
      await placeAgain(site, lost.filter((e) => !dropsItself.has(e.marker)));
    }
  }

  /**
   * Paragraphs a batch lost all the same go into another batch; a batch that keeps nothing (or is
   * refused) is split in halves, and a payload whose paragraph does not survive even alone counts
   * as dropped by extraction.
   */
  async function placeAgain(site: Site, lost: Entry[]): Promise<void> {
    if (lost.length === 0) return;
    const kept = await importBatch(site, lost);
    const stillLost = lost.filter((e) => !kept.has(e.marker));
    if (stillLost.length === 0) return;
    if (lost.length === 1) {
      const [entry] = lost;
      stats.get(site.path.code)!.bodyPayloadsDropped.push(`${entry!.marker} (${entry!.payload.file} ${entry!.payload.label})`);
    } else if (kept.size > 0) {
      await placeAgain(site, stillLost);
    } else {
      const half = Math.ceil(lost.length / 2);
      await placeAgain(site, lost.slice(0, half));
      await placeAgain(site, lost.slice(half));
    }
  }

  // Browsing runs alongside the import: a site's pages are queued as soon as its import is done,
  // so Chromium works on one core while the next site imports on the other.
  const jobs: Job[] = [];
  const waiting: (() => void)[] = [];
  let importing = true;
  const browsed = new Map<PageKind, { visits: { site: Site; visit: Visit }[]; failures: string[] }>(
    (['listing', 'article', 'directory', 'author'] as const).map((kind) => [kind, { visits: [], failures: [] }]),
  );

  function enqueue(site: Site, kind: PageKind, urls: string[]): void {
    jobs.push(...urls.map((url) => ({ site, kind, url })));
    for (const wake of waiting.splice(0)) wake();
  }

  /** Queues every page of a site whose import is done. */
  function enqueueSite(site: Site): void {
    const pageCount = Math.ceil(site.articlePaths.size / pageSize);
    enqueue(site, 'listing', Array.from({ length: pageCount }, (_, i) => (i === 0 ? `${site.origin}/` : `${site.origin}/?page=${i + 1}`)));
    enqueue(site, 'article', site.batchArticleUrls);
    enqueue(site, 'directory', [`${site.origin}/author/`]);
    enqueue(site, 'author', [...site.batchAuthors].sort((a, b) => b[1] - a[1]).slice(0, authorArchivesPerSite).map(([url]) => url));
  }

  async function nextJob(): Promise<Job | null> {
    for (;;) {
      const job = jobs.shift();
      if (job) return job;
      if (!importing) return null;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  /** Each tab loads queued pages until the import is over and the queue is empty. */
  function browse(): Promise<void> {
    return Promise.all(tabs.map(async (tab) => {
      for (let job = await nextJob(); job !== null; job = await nextJob()) {
        const { visits, failures } = browsed.get(job.kind)!;
        try {
          visits.push({ site: job.site, visit: await tab.visit(job.url, failures) });
        } catch (error) {
          failures.push(`${job.url}: ${(error as Error).message.split('\n')[0]}`);
        }
        pagesLoaded++;
      }
    })).then(() => undefined);
  }

  before(async () => {
    payloads = loadXssPayloads().slice(0, limit);
    if (payloads.length === 0) throw new Error(`no XSS payloads found in ${xssCorpusDir} (see its README.md)`);

    // Everything not on loopback goes to this "proxy", which notes what was asked for and refuses it:
    // a sanitized <img src="http://…"> may ask for a picture elsewhere; that is not script, but it
    // is not let out either. (The sites on 127.0.0.1 bypass it and load directly, without the cost
    // of intercepting every request.)
    refusingProxy = createServer((socket) => {
      socket.once('data', (chunk) => {
        externalRequests.add(chunk.toString('latin1').split('\r\n')[0]!.slice(0, 200));
        socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => refusingProxy!.listen(0, '127.0.0.1', resolve));
    const proxyPort = (refusingProxy.address() as AddressInfo).port;
    browser = await launchBrowser();
    context = await browser.newContext({ proxy: { server: `http://127.0.0.1:${proxyPort}`, bypass: '127.0.0.1' } });
    await context.addInitScript({ content: hooksScript });
    tabs = await Promise.all(Array.from({ length: browserPages }, () => Tab.open(context!)));
    const browsing = browse();

    const importStart = Date.now();
    try {
      for (const path of importPaths) {
        stats.set(path.code, {
          payloads: payloads.length, documents: 0, refusedDocuments: [], drafts: 0, imported: 0, alreadyImported: 0,
          singles: 0, singleTitlesKept: 0, singlesWithAuthor: 0, batchDocuments: 0, batchArticles: 0, disruptive: 0, bodyPayloadsKept: 0, bodyPayloadsDropped: [],
          ms: 0,
        });
        const pathStart = Date.now();
        const entries = payloads.map((payload, i) => ({ marker: `X${path.code}${pad(i, 4)}`, payload }));
        for (let start = 0; start < entries.length; start += payloadsPerSite) {
          const chunk = entries.slice(start, start + payloadsPerSite);
          const app = await createTestApp('sqlite', { demo: false });
          await app.dateline.services.settings.update({ pageSize });
          const origin = await app.server.listen({ port: 0, host: '127.0.0.1' });
          const site: Site = { path, app, origin, articlePaths: new Set(), batchArticleUrls: [], batchAuthors: new Map() };
          sites.push(site);
          await importBatches(site, chunk, await importSingles(site, chunk));
          enqueueSite(site);
        }
        stats.get(path.code)!.ms = Date.now() - pathStart;
      }
      importMs = Date.now() - importStart;
    } finally {
      importing = false;
      for (const wake of waiting.splice(0)) wake();
      await browsing;
    }
  });

  after(async () => {
    for (const tab of tabs) await tab.close().catch(() => undefined);
    await context?.close();
    await browser?.close();
    for (const site of sites) await site.app.dispose();
    await new Promise((resolve) => refusingProxy?.close(resolve));
  });

  it('notices script that does run (the detectors work: a control page of our own)', async () => {
    // Pages that do run script, served from here, and one that does not: each must be caught by the
    // hook, event or DOM check named, and the clean one by none.
    const pages: Record<string, { body: string; caught: RegExp }> = {
      '/inline': { body: '<main><script>alert(1)</script></main>', caught: /window\.__xss: alert\(1\)[\s\S]*script parsed|script parsed[\s\S]*window\.__xss: alert\(1\)/ },
      '/handler': { body: '<main><img src="/missing.png" onerror="confirm(2)"></main>', caught: /window\.__xss: confirm\(2\)/ },
      '/timer': { body: '<main><script>setTimeout(function () { prompt(3) }, 10)</script></main>', caught: /window\.__xss: prompt\(3\)/ },
      '/network': { body: '<main><script>fetch("/x"); new XMLHttpRequest().open("GET", "/y"); navigator.sendBeacon("/z")</script></main>', caught: /fetch\(\/x\)[\s\S]*open\(GET, \/y\)[\s\S]*sendBeacon\(\/z\)/ },
      '/navigate': { body: '<main><script>location.href = "/elsewhere"</script></main>', caught: /navigat\w* (request )?to http:\/\/127\.0\.0\.1:\d+\/elsewhere/ },
      '/javascript-url': { body: '<main><iframe src="javascript:parent.alert(6)"></iframe></main>', caught: /window\.__xss: alert\(6\)/ },
      '/svg': { body: '<main><svg><animate onbegin="alert(7)" attributeName="x" dur="1s"></animate></svg></main>', caught: /window\.__xss: alert\(7\)/ },
      '/dom-only': { body: '<main><a href="javascript:alert(8)">x</a><p onclick="alert(8)">y</p></main>', caught: /href with a javascript: URL[\s\S]*onclick attribute/ },
      '/clean': { body: '<main><p>Nothing runs here.</p></main>', caught: /^$/ },
    };
    const control = createHttpServer((request, response) => {
      const page = pages[request.url ?? ''];
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><title>control</title></head><body>${page?.body ?? ''}</body></html>`);
    });
    await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
    const tab = await Tab.open(context!);
    try {
      const origin = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
      for (const [path, { caught }] of Object.entries(pages)) {
        const failures: string[] = [];
        await tab.visit(`${origin}${path}`, failures);
        const report = failures.join('\n');
        if (path === '/clean') assert.deepEqual(failures, [], 'the clean control page raised alarms');
        else assert.match(report, caught, `${path} ran script and the test should have said so; it said:\n${report || '(nothing)'}`);
      }
    } finally {
      await tab.close();
      await new Promise((resolve) => control.close(resolve));
    }
  });

  it('reads and imports every document without an unexpected exception', (t) => {
    for (const path of importPaths) {
      const s = stats.get(path.code)!;
      t.diagnostic(`${path.name} (${(s.ms / 1000).toFixed(1)} s): ${s.documents} documents (${s.refusedDocuments.length} refused) → ${s.drafts} drafts → ${s.imported} articles; `
        + `${s.singles} of ${s.payloads} payloads have an article of their own (${s.singleTitlesKept} kept the payload in the title, ${s.singlesWithAuthor} a byline); `
        + `${s.batchArticles} batch articles hold ${s.bodyPayloadsKept} body payloads (${s.disruptive} payloads harmed their neighbours), ${s.bodyPayloadsDropped.length} dropped by extraction even alone; `
        + `${s.alreadyImported} already imported`);
      if (s.refusedDocuments.length) t.diagnostic(`  refused, e.g. ${s.refusedDocuments.slice(0, 3).join(' | ')}`);
      if (s.bodyPayloadsDropped.length) t.diagnostic(`  dropped body payloads, e.g. ${s.bodyPayloadsDropped.slice(0, 5).join(', ')}`);
    }
    t.diagnostic(`import took ${(importMs / 1000).toFixed(1)} s`);
    assert.deepEqual(unexpectedErrors.slice(0, 30), [], `${unexpectedErrors.length} unexpected errors`);
    for (const path of importPaths) {
      const s = stats.get(path.code)!;
      if (path.kind === 'feed' || path.kind === 'ninjs') {
        // Structured formats carry every payload as data: a document is never refused, and an item
        // is lost only when its whole body sanitizes away.
        assert.deepEqual(s.refusedDocuments, [], `${path.name}: documents refused`);
        assert.ok(s.singles >= payloads.length * 0.99, `${path.name}: only ${s.singles} of ${payloads.length} payloads have an article of their own`);
      }
      // Extraction may legitimately drop markup from a title (see titlesKept) or a body, but not most of it.
      assert.ok(s.singleTitlesKept >= payloads.length * path.titlesKept, `${path.name}: only ${s.singleTitlesKept} of ${payloads.length} payloads made it into a stored title`);
      assert.ok(s.bodyPayloadsKept >= payloads.length * 0.9, `${path.name}: only ${s.bodyPayloadsKept} of ${payloads.length} payloads made it into a stored body`);
      assert.equal(s.bodyPayloadsKept + s.bodyPayloadsDropped.length, payloads.length, `${path.name}: every payload is in a batch article's body or dropped by extraction`);
    }
  });

  it('renders every listing page (100 titles, bylines and excerpts each) without running a script', (t) => {
    const { visits, failures } = browsed.get('listing')!;
    const missing: string[] = [];
    for (const site of sites) {
      const seen = new Set(visits.filter((v) => v.site === site).flatMap((v) => v.visit.cardLinks));
      missing.push(...[...site.articlePaths].filter((p) => !seen.has(p)).map((p) => `${site.origin}${p} (${site.path.name})`));
    }
    const cards = visits.reduce((n, v) => n + v.visit.cardLinks.length, 0);
    const bylines = visits.reduce((n, v) => n + v.visit.bylines.length, 0);
    t.diagnostic(`${visits.length} listing pages loaded: ${cards} article cards, ${bylines} byline links`);
    assert.deepEqual(failures.slice(0, 30), [], `${failures.length} problems on listing pages`);
    assert.deepEqual(missing.slice(0, 20), [], `${missing.length} stored articles were on no listing page`);
  });

  it('renders every batch article page (payloads in the title, byline, head and body) without running a script', (t) => {
    const { visits, failures } = browsed.get('article')!;
    const expected = sites.reduce((n, site) => n + site.batchArticleUrls.length, 0);
    const shown = visits.reduce((n, v) => n + v.visit.bodyMarkers.length, 0);
    t.diagnostic(`${visits.length} article pages loaded, ${shown} body payload paragraphs shown`);
    assert.deepEqual(failures.slice(0, 30), [], `${failures.length} problems on article pages`);
    assert.equal(visits.length, expected, 'every batch article page was loaded');
    const kept = [...stats.values()].reduce((n, s) => n + s.bodyPayloadsKept, 0);
    assert.ok(shown >= kept, `the stored bodies hold ${kept} payload paragraphs, the pages showed ${shown}`);
  });

  it('renders the author directories (every byline) and the batch authors\' archives without running a script', async (t) => {
    const directories = browsed.get('directory')!;
    const archives = browsed.get('author')!;
    const listed = new Map<string, number>();
    for (const site of sites) {
      const directory = directories.visits.find((v) => v.site === site);
      const authors = await site.app.dateline.store.authors.list();
      assert.equal(directory?.visit.bylines.length, authors.length, `${site.origin}/author/ (${site.path.name}) should list every author`);
      listed.set(site.path.name, (listed.get(site.path.name) ?? 0) + authors.length);
    }
    t.diagnostic(`${directories.visits.length} author directories loaded, listing ${[...listed].map(([name, n]) => `${n} (${name})`).join(', ')} authors; `
      + `${archives.visits.length} author archives loaded`);
    const failures = [...directories.failures, ...archives.failures];
    assert.deepEqual(failures.slice(0, 30), [], `${failures.length} problems on author pages`);
  });

  it('reports the totals', (t) => {
    const articles = [...stats.values()].reduce((n, s) => n + s.imported, 0);
    t.diagnostic(`${payloads.length} payloads × ${importPaths.length} import paths; ${articles} articles stored on ${sites.length} sites (import ${(importMs / 1000).toFixed(0)} s); `
      + `${pagesLoaded} pages loaded in Chromium alongside; ${externalRequests.size} distinct requests to other origins refused${externalRequests.size ? ` (${[...externalRequests].slice(0, 3).join('; ')})` : ''}; `
      + `${((Date.now() - startedAt) / 1000).toFixed(1)} s in all`);
  });
});
