import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** A partner site on loopback: a feed whose items carry only summaries, and the full pages they link to. */
class PartnerSite {
  server!: Server;
  port = 0;
  requests: { url: string; ifNoneMatch: string | undefined }[] = [];
  feedVersion = 1;
  failFeed = false;

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private feed(): string {
    const item = (n: number) => `<item><title>Harbour talks day ${n}</title><link>${this.origin}/story/${n}</link><guid>urn:partner:${n}</guid>
      <pubDate>Mon, 0${n} Jun 2026 08:00:00 GMT</pubDate><description>Short summary ${n}.</description></item>`;
    const items = this.feedVersion === 1 ? [item(1), item(2)] : [item(1), item(2), item(3)];
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Partner Wire</title><link>${this.origin}/</link>
      <copyright>Copyright Partner Wire</copyright>${items.join('')}</channel></rss>`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests.push({ url: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
    if (req.url === '/feed.xml') {
      if (this.failFeed) {
        res.writeHead(503).end('down');
        return;
      }
      const etag = `"v${this.feedVersion}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(this.feed());
      return;
    }
    const story = /^\/story\/(\d+)$/.exec(req.url ?? '');
    if (story) {
      const n = story[1];
      const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the harbour talks report number ${n}: negotiators met again on the quay and discussed tariffs, berths and the timetable for the ferry services in considerable detail.</p>`).join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><title>Harbour talks day ${n}</title>
        <meta property="og:site_name" content="Partner Wire"></head><body><nav><a href="/">Home</a></nav><article><h1>Harbour talks day ${n}</h1>
        <p class="byline">By Ana Quay</p>${paragraphs}<script>alert(1)</script></article><footer>Share this</footer></body></html>`);
      return;
    }
    res.writeHead(404).end();
  }
}

for (const { dialect } of testDatabases) {
  describe(`polling a partner feed into the inbox on ${dialect}`, () => {
    const partner = new PartnerSite();
    let t: TestApp;

    before(async () => {
      await partner.start();
      t = await createTestApp(dialect, {
        demo: false,
        env: { DATELINE_TEST_ALLOW_FETCH_ADDRESSES: '127.0.0.1', DATELINE_TEST_ALLOW_FETCH_PORTS: String(partner.port) },
      });
    });
    after(async () => {
      await t?.dispose();
      await partner.stop();
    });

    it('stores new items unpublished in the inbox, with full pages fetched and the source licence attached', async () => {
      const source = await t.dateline.services.sources.findOrCreate('Partner Wire', { defaultLicence: 'Republish with credit under the partner agreement' });
      const feed = await t.dateline.services.feeds.add({ url: `${partner.origin}/feed.xml`, sourceName: source.name });
      const report = await t.dateline.services.feeds.poll(feed.id);
      assert.equal(report.status, 'polled', report.error ?? '');
      assert.equal(report.stored, 2, report.problems.join('\n'));
      const inbox = await t.dateline.store.articles.listInbox('pending', { offset: 0, limit: 10 });
      assert.equal(inbox.length, 2);
      for (const article of inbox) {
        assert.equal(article.status, 'draft');
        assert.equal(article.origin, 'feed');
        assert.equal(article.syndication?.licence, 'Republish with credit under the partner agreement');
        assert.match(article.syndication?.originalUrl ?? '', /\/story\/\d$/);
        assert.match(article.bodyHtml, /Paragraph 6 of the harbour talks/, 'the full page replaced the summary');
        assert.doesNotMatch(article.bodyHtml, /<script|alert/);
      }
      assert.equal((await t.server.inject('/')).body.includes('Harbour talks'), false, 'inbox items are not public');
    });

    it('asks with the ETag next time and stores nothing when the feed has not changed', async () => {
      const [feed] = await t.dateline.services.feeds.list();
      const report = await t.dateline.services.feeds.poll(feed!.id);
      assert.equal(report.status, 'not-modified');
      assert.equal(partner.requests.filter((r) => r.url === '/feed.xml').at(-1)?.ifNoneMatch, '"v1"');
    });

    it('takes only the new item when the feed grows, and never brings back a rejected one', async () => {
      const [first] = await t.dateline.store.articles.listInbox('pending', { offset: 0, limit: 10 });
      await t.dateline.services.articles.rejectFromInbox(first!.id);
      partner.feedVersion = 2;
      const [feed] = await t.dateline.services.feeds.list();
      const report = await t.dateline.services.feeds.poll(feed!.id);
      assert.equal(report.stored, 1);
      assert.equal(report.skipped, 2);
      assert.equal(await t.dateline.store.articles.countInbox('pending'), 2);
      assert.equal(await t.dateline.store.articles.countInbox('rejected'), 1);
    });

    it('publishes an inbox item on request', async () => {
      const [item] = await t.dateline.store.articles.listInbox('pending', { offset: 0, limit: 1 });
      const published = await t.dateline.services.articles.publishFromInbox(item!.id);
      assert.equal(published.status, 'published');
      assert.match((await t.server.inject('/')).body, new RegExp(published.title));
    });

    it('backs off after a failure and keeps what was stored', async () => {
      partner.failFeed = true;
      const [feed] = await t.dateline.services.feeds.list();
      const before = await t.dateline.store.articles.countInbox('pending');
      const report = await t.dateline.services.feeds.poll(feed!.id);
      assert.equal(report.status, 'failed');
      assert.match(report.error ?? '', /503/);
      assert.equal(report.feed.errorCount, 1);
      assert.ok(report.feed.nextPollAt > t.clock.now());
      const again = await t.dateline.services.feeds.poll(feed!.id);
      assert.equal(again.feed.errorCount, 2);
      assert.ok(Date.parse(again.feed.nextPollAt) - Date.parse(t.clock.now()) > Date.parse(report.feed.nextPollAt) - Date.parse(t.clock.now()), 'the wait grows');
      assert.equal(await t.dateline.store.articles.countInbox('pending'), before);
      partner.failFeed = false;
    });

    it('never polls the same feed twice at once', async () => {
      const [feed] = await t.dateline.services.feeds.list();
      const reports = await Promise.all([t.dateline.services.feeds.poll(feed!.id), t.dateline.services.feeds.poll(feed!.id)]);
      assert.ok(reports.some((r) => r.status === 'busy'), reports.map((r) => r.status).join(','));
    });

    it('refuses a feed on a private address without the test switch', async () => {
      const feed = await t.dateline.services.feeds.add({ url: 'http://10.0.0.1/feed.xml' });
      const report = await t.dateline.services.feeds.poll(feed.id);
      assert.equal(report.status, 'failed');
      assert.match(report.error ?? '', /10\.0\.0\.1/);
    });
  });
}
