import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureContext } from 'node:tls';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { FetchError } from './fetch-error.js';
import type { FetchErrorCode } from './fetch-error.js';
import { failOnForeignConnections } from '../../../test/support/loopback-tripwire.js';
import { createSafeFetcher } from './safe-fetcher.js';
import type { FetcherOptions, FetchResult, Resolver, SafeFetcher } from './safe-fetcher.js';

failOnForeignConnections();

const PAGE = '<!doctype html><title>Hello</title><p>Dateline</p>';
const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>';

let server: Server;
let port = 0;
let connections = 0;
let base = '';

/** Routes of the test site; `base` is http://public.test:<port>. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://public.test');
  const path = url.pathname;
  const redirect = (location: string, status = 302, extra: Record<string, string> = {}) => {
    res.writeHead(status, { location, ...extra });
    res.end();
  };
  if (path === '/page') {
    res.writeHead(200, { 'content-type': 'text/html; charset="UTF-8"', etag: '"p1"', 'last-modified': 'Tue, 01 Apr 2025 10:00:00 GMT' });
    res.end(PAGE);
  } else if (path === '/feed') {
    if (req.headers['if-none-match'] === '"f1"' || req.headers['if-modified-since'] === 'Tue, 01 Apr 2025 10:00:00 GMT') {
      res.writeHead(304, { etag: '"f1"' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"f1"' });
    res.end(FEED);
  } else if (path === '/echo') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.headers));
  } else if (path === '/gzip' || path === '/br' || path === '/deflate') {
    const body = path === '/gzip' ? zlib.gzipSync(PAGE) : path === '/br' ? zlib.brotliCompressSync(PAGE) : zlib.deflateSync(PAGE);
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': path.slice(1) });
    res.end(body);
  } else if (path === '/bomb') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, ' ')));
  } else if (path === '/big-announced') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50_000) });
    res.end(Buffer.alloc(50_000, 'a'));
  } else if (path === '/big-chunked') {
    res.writeHead(200, { 'content-type': 'text/html' });
    for (let i = 0; i < 50; i += 1) res.write(Buffer.alloc(1000, 'a'));
    res.end();
  } else if (path === '/slow-headers') {
    // Never answers; the fetcher must give up.
  } else if (path === '/slow-body') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<p>first part');
  } else if (path === '/trickle') {
    // Never silent for long, never done: only the total time cap stops it.
    res.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => res.write('.'), 20);
    res.on('close', () => clearInterval(timer));
  } else if (path === '/json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  } else if (path === '/octet') {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(FEED);
  } else if (path === '/untyped') {
    res.writeHead(200);
    res.end(FEED);
  } else if (path === '/missing') {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<p>not here</p>');
  } else if (path === '/close') {
    res.writeHead(200, { 'content-type': 'text/html', connection: 'close' });
    res.end(PAGE);
  } else if (path.startsWith('/chain/')) {
    const left = Number(path.slice('/chain/'.length));
    if (left === 0) redirect('/page', 301);
    else redirect(`${base}/chain/${left - 1}`, [301, 302, 303, 307, 308][left % 5]);
  } else if (path === '/relative') {
    redirect('page');
  } else if (path === '/loop') {
    redirect('/loop');
  } else if (path === '/no-location') {
    res.writeHead(302);
    res.end();
  } else if (path === '/to') {
    redirect(url.searchParams.get('target') ?? '/', 302, url.searchParams.has('close') ? { connection: 'close' } : {});
  } else {
    res.writeHead(500);
    res.end();
  }
}

/** Host names of the test world: only public.test-like names reach the loopback server. */
const table: Record<string, string[]> = {
  'public.test': ['127.0.0.1'],
  'other.test': ['127.0.0.1'],
  'mixed.test': ['10.0.0.1', '169.254.169.254', '127.0.0.1'],
  'internal.test': ['10.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'loopback6.test': ['::1'],
};

/** A resolver over `table`; `rebind` lists answers handed out one per call, like a rebinding DNS server. */
function resolverWith(rebind: string[][] = []): Resolver {
  return async (hostname) => {
    const answer = hostname === 'rebind.test' ? rebind.shift() : table[hostname];
    if (answer === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

const fetchers: SafeFetcher[] = [];

/** A fetcher that may reach exactly 127.0.0.1 (through names in `table`) on the test port. */
function fetcher(options: FetcherOptions = {}): SafeFetcher {
  const created = createSafeFetcher({ allowedPorts: [port], resolver: resolverWith(), allowAddressesForTests: ['127.0.0.1'], timeoutMs: 5000, ...options });
  fetchers.push(created);
  return created;
}

async function expectFetchError(promise: Promise<FetchResult>, code: FetchErrorCode, urlPart?: string): Promise<FetchError> {
  const error = await promise.then(
    (result) => assert.fail(`expected FetchError ${code}, got ${result.status}`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  if (urlPart !== undefined) assert.ok(error.message.includes(urlPart), `message should name ${urlPart}: ${error.message}`);
  assert.ok(!/\n\s+at /.test(error.message), 'no stack trace in the message');
  return error;
}

function ok(result: FetchResult) {
  assert.equal(result.status, 'ok');
  if (result.status !== 'ok') throw new Error('unreachable');
  return result;
}

before(async () => {
  server = createServer(handle);
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://public.test:${port}`;
});

after(async () => {
  await Promise.all(fetchers.map((created) => created.close().catch(() => undefined)));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('safe fetcher: fetching', () => {
  test('fetches a page with its type, charset and validators', async () => {
    const result = ok(await fetcher().fetch(`${base}/page#section`, { accept: 'html' }));
    assert.equal(result.url, `${base}/page`);
    assert.deepEqual(result.redirects, []);
    assert.equal(result.contentType, 'text/html');
    assert.equal(result.charset, 'utf-8');
    assert.deepEqual(result.headers, { etag: '"p1"', lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT' });
    assert.equal(result.body.toString('utf8'), PAGE);
  });

  test('names Dateline in the User-Agent and sends Accept per kind and Accept-Encoding', async () => {
    const f = fetcher();
    const echo = async (accept: 'html' | 'feed' | 'any') => JSON.parse(ok(await f.fetch(`${base}/echo`, { accept, allowedTypes: ['application/json'] })).body.toString()) as Record<string, string>;
    const html = await echo('html');
    assert.match(html['user-agent'] ?? '', /^Dateline\/\d+\.\d+\.\d+ \(\+https:\/\/[^)]+\)$/);
    assert.match(html.accept ?? '', /^text\/html/);
    assert.equal(html['accept-encoding'], 'gzip, deflate, br');
    assert.equal(html['if-none-match'], undefined);
    assert.match((await echo('feed')).accept ?? '', /^application\/rss\+xml, application\/atom\+xml/);
    assert.equal((await echo('any')).accept, '*/*');
    const custom = createSafeFetcher({ allowedPorts: [port], resolver: resolverWith(), allowAddressesForTests: ['127.0.0.1'], userAgent: 'Dateline/9.9.9 (+https://news.example/about)' });
    fetchers.push(custom);
    const echoed = JSON.parse(ok(await custom.fetch(`${base}/echo`, { accept: 'any' })).body.toString()) as Record<string, string>;
    assert.equal(echoed['user-agent'], 'Dateline/9.9.9 (+https://news.example/about)');
  });

  test('decodes gzip, deflate and br bodies', async () => {
    const f = fetcher();
    for (const path of ['/gzip', '/deflate', '/br']) assert.equal(ok(await f.fetch(`${base}${path}`, { accept: 'html' })).body.toString(), PAGE, path);
  });

  test('a host name with public and forbidden addresses connects only to the allowed one', async () => {
    assert.equal(ok(await fetcher().fetch(`http://mixed.test:${port}/page`, { accept: 'html' })).body.toString(), PAGE);
  });

  test('allowPrivateAddressesForTests lets tests reach loopback literals', async () => {
    const f = fetcher({ allowAddressesForTests: [], allowPrivateAddressesForTests: true });
    assert.equal(ok(await f.fetch(`http://127.0.0.1:${port}/page`, { accept: 'html' })).body.toString(), PAGE);
  });
});

describe('safe fetcher: forbidden destinations', () => {
  test('with the test switches off, loopback is refused without a connection', async () => {
    const f = createSafeFetcher({ allowedPorts: [port], resolver: resolverWith() });
    fetchers.push(f);
    const before = connections;
    await expectFetchError(f.fetch(`http://127.0.0.1:${port}/page`, { accept: 'html' }), 'forbidden-address', `http://127.0.0.1:${port}/page`);
    await expectFetchError(f.fetch(`http://[::1]:${port}/page`, { accept: 'html' }), 'forbidden-address');
    await expectFetchError(f.fetch(`http://[::ffff:127.0.0.1]:${port}/page`, { accept: 'html' }), 'forbidden-address');
    await expectFetchError(f.fetch(`http://public.test:${port}/page`, { accept: 'html' }), 'forbidden-address', 'public.test');
    assert.equal(connections, before);
  });

  test('odd spellings of loopback are refused', async () => {
    const f = fetcher({ allowAddressesForTests: [] });
    for (const host of ['2130706433', '0x7f.1', '017700000001', '127.1']) {
      await expectFetchError(f.fetch(`http://${host}:${port}/page`, { accept: 'html' }), 'forbidden-address', '127.0.0.1');
    }
  });

  test('names resolving to private, metadata or loopback addresses are refused before any connection', async () => {
    const f = fetcher();
    const before = connections;
    await expectFetchError(f.fetch(`http://internal.test:${port}/page`, { accept: 'html' }), 'forbidden-address', '10.0.0.1');
    await expectFetchError(f.fetch(`http://metadata.test:${port}/page`, { accept: 'html' }), 'forbidden-address', '169.254.169.254');
    await expectFetchError(f.fetch(`http://loopback6.test:${port}/page`, { accept: 'html' }), 'forbidden-address', '::1');
    assert.equal(connections, before);
  });

  test('a redirect to a forbidden address is refused, even from an allowed server', async () => {
    const f = fetcher();
    const to = (target: string) => `${base}/to?target=${encodeURIComponent(target)}`;
    await expectFetchError(f.fetch(to('http://169.254.169.254/latest/meta-data/'), { accept: 'html' }), 'forbidden-address', '169.254.169.254');
    await expectFetchError(f.fetch(to('http://[fd00:ec2::254]/latest/meta-data/'), { accept: 'html' }), 'forbidden-address');
    await expectFetchError(f.fetch(to(`http://127.0.0.2:${port}/page`), { accept: 'html' }), 'forbidden-address', '127.0.0.2');
    await expectFetchError(f.fetch(to(`http://internal.test:${port}/page`), { accept: 'html' }), 'forbidden-address', '10.0.0.1');
    await expectFetchError(f.fetch(to('http://10.0.0.1/'), { accept: 'html' }), 'forbidden-address');
  });

  test('a redirect to another scheme, to credentials or to a port not allowed is a bad URL', async () => {
    const f = fetcher();
    const to = (target: string) => `${base}/to?target=${encodeURIComponent(target)}`;
    await expectFetchError(f.fetch(to('file:///etc/passwd'), { accept: 'html' }), 'bad-url', 'file:///etc/passwd');
    await expectFetchError(f.fetch(to(`http://user:pw@public.test:${port}/page`), { accept: 'html' }), 'bad-url');
    await expectFetchError(f.fetch(to('http://public.test:6379/'), { accept: 'html' }), 'bad-url', '6379');
  });

  test('DNS rebinding: every new connection is checked again', async () => {
    const f = fetcher({ resolver: resolverWith([['127.0.0.1'], ['10.0.0.1'], ['127.0.0.1'], ['169.254.169.254']]) });
    // The server closes each connection, so each fetch (or hop) needs a new one and a new lookup.
    assert.equal(ok(await f.fetch(`http://rebind.test:${port}/close`, { accept: 'html' })).body.toString(), PAGE);
    await expectFetchError(f.fetch(`http://rebind.test:${port}/close`, { accept: 'html' }), 'forbidden-address', '10.0.0.1');
    const hop = `http://rebind.test:${port}/to?close=1&target=${encodeURIComponent('/page')}`;
    await expectFetchError(f.fetch(hop, { accept: 'html' }), 'forbidden-address', '169.254.169.254');
  });
});

describe('safe fetcher: redirects', () => {
  test('follows redirects of every kind and reports them', async () => {
    const result = ok(await fetcher().fetch(`${base}/chain/3`, { accept: 'html' }));
    assert.equal(result.url, `${base}/page`);
    assert.deepEqual(result.redirects, [`${base}/chain/3`, `${base}/chain/2`, `${base}/chain/1`, `${base}/chain/0`]);
    assert.equal(result.body.toString(), PAGE);
  });

  test('resolves a relative Location and follows across hosts', async () => {
    assert.equal(ok(await fetcher().fetch(`${base}/relative`, { accept: 'html' })).url, `${base}/page`);
    const across = ok(await fetcher().fetch(`${base}/to?target=${encodeURIComponent(`http://other.test:${port}/page`)}`, { accept: 'html' }));
    assert.equal(across.url, `http://other.test:${port}/page`);
  });

  test('five redirects are followed, a sixth is too many', async () => {
    assert.equal(ok(await fetcher().fetch(`${base}/chain/4`, { accept: 'html' })).redirects.length, 5);
    await expectFetchError(fetcher().fetch(`${base}/chain/5`, { accept: 'html' }), 'too-many-redirects', `${base}/chain/5`);
    await expectFetchError(fetcher().fetch(`${base}/loop`, { accept: 'html' }), 'too-many-redirects');
    await expectFetchError(fetcher({ maxRedirects: 0 }).fetch(`${base}/relative`, { accept: 'html' }), 'too-many-redirects');
  });

  test('a redirect without Location is an HTTP status error', async () => {
    const error = await expectFetchError(fetcher().fetch(`${base}/no-location`, { accept: 'html' }), 'http-status');
    assert.equal(error.status, 302);
  });
});

describe('safe fetcher: limits', () => {
  test('a body announced larger than the cap is refused', async () => {
    await expectFetchError(fetcher({ maxBytes: 10_000 }).fetch(`${base}/big-announced`, { accept: 'html' }), 'too-large', '/big-announced');
  });

  test('a body without Content-Length is cut off at the cap', async () => {
    await expectFetchError(fetcher({ maxBytes: 10_000 }).fetch(`${base}/big-chunked`, { accept: 'html' }), 'too-large', '/big-chunked');
    assert.equal(ok(await fetcher({ maxBytes: 50_000 }).fetch(`${base}/big-chunked`, { accept: 'html' })).body.length, 50_000);
  });

  test('a gzip bomb is cut off at the cap on decompressed bytes', async () => {
    await expectFetchError(fetcher({ maxBytes: 1024 * 1024 }).fetch(`${base}/bomb`, { accept: 'html' }), 'too-large', '/bomb');
  });

  test('a server that never answers times out', async () => {
    await expectFetchError(fetcher({ timeoutMs: 300 }).fetch(`${base}/slow-headers`, { accept: 'html' }), 'timeout', '/slow-headers');
    await expectFetchError(fetcher({ idleTimeoutMs: 300 }).fetch(`${base}/slow-headers`, { accept: 'html' }), 'timeout');
  });

  test('a body that trickles forever hits the total time cap', async () => {
    await expectFetchError(fetcher({ timeoutMs: 400 }).fetch(`${base}/trickle`, { accept: 'html' }), 'timeout', '/trickle');
  });

  test('a body that stalls times out', async () => {
    await expectFetchError(fetcher({ timeoutMs: 300 }).fetch(`${base}/slow-body`, { accept: 'html' }), 'timeout', '/slow-body');
    await expectFetchError(fetcher({ idleTimeoutMs: 300 }).fetch(`${base}/slow-body`, { accept: 'html' }), 'timeout');
  });
});

describe('safe fetcher: content types', () => {
  test('a type outside the accepted ones is refused', async () => {
    const error = await expectFetchError(fetcher().fetch(`${base}/json`, { accept: 'html' }), 'unsupported-content-type', '/json');
    assert.match(error.message, /application\/json/);
    await expectFetchError(fetcher().fetch(`${base}/page`, { accept: 'feed' }), 'unsupported-content-type');
    await expectFetchError(fetcher().fetch(`${base}/feed`, { accept: 'feed', allowedTypes: ['application/atom+xml'] }), 'unsupported-content-type');
  });

  test('feed types, caller-chosen types and `any`', async () => {
    assert.equal(ok(await fetcher().fetch(`${base}/feed`, { accept: 'feed' })).contentType, 'application/rss+xml');
    assert.equal(ok(await fetcher().fetch(`${base}/json`, { accept: 'feed' })).contentType, 'application/json');
    assert.equal(ok(await fetcher().fetch(`${base}/json`, { accept: 'html', allowedTypes: ['application/*'] })).contentType, 'application/json');
    assert.equal(ok(await fetcher().fetch(`${base}/json`, { accept: 'any' })).contentType, 'application/json');
  });

  test('untyped or octet-stream responses are refused unless the caller will sniff them', async () => {
    await expectFetchError(fetcher().fetch(`${base}/octet`, { accept: 'feed' }), 'unsupported-content-type');
    await expectFetchError(fetcher().fetch(`${base}/untyped`, { accept: 'feed' }), 'unsupported-content-type');
    const octet = ok(await fetcher().fetch(`${base}/octet`, { accept: 'feed', allowUntyped: true }));
    assert.equal(octet.contentType, 'application/octet-stream');
    assert.equal(octet.body.toString(), FEED);
    const untyped = ok(await fetcher().fetch(`${base}/untyped`, { accept: 'feed', allowUntyped: true }));
    assert.equal(untyped.contentType, null);
    await expectFetchError(fetcher().fetch(`${base}/json`, { accept: 'html', allowUntyped: true }), 'unsupported-content-type');
  });
});

describe('safe fetcher: conditional GET and statuses', () => {
  test('sends the validators and reports 304 as not-modified', async () => {
    const f = fetcher();
    const first = ok(await f.fetch(`${base}/feed`, { accept: 'feed' }));
    const byEtag = await f.fetch(`${base}/feed`, { accept: 'feed', etag: first.headers.etag });
    assert.deepEqual(byEtag, { status: 'not-modified', url: `${base}/feed`, redirects: [], headers: { etag: '"f1"', lastModified: null } });
    const byDate = await f.fetch(`${base}/feed`, { accept: 'feed', lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT' });
    assert.equal(byDate.status, 'not-modified');
    assert.equal(byDate.headers.lastModified, 'Tue, 01 Apr 2025 10:00:00 GMT');
    const stale = await f.fetch(`${base}/feed`, { accept: 'feed', etag: '"old"' });
    assert.equal(stale.status, 'ok');
  });

  test('validators that could break the request are not sent', async () => {
    const echoed = ok(await fetcher().fetch(`${base}/echo`, { accept: 'any', etag: '"a"\r\nx-evil: 1', lastModified: null }));
    const headers = JSON.parse(echoed.body.toString()) as Record<string, string>;
    assert.equal(headers['if-none-match'], undefined);
    assert.equal(headers['x-evil'], undefined);
  });

  test('404 is an HTTP status error carrying the status', async () => {
    const error = await expectFetchError(fetcher().fetch(`${base}/missing`, { accept: 'html' }), 'http-status', '/missing');
    assert.equal(error.status, 404);
  });
});

// A self-signed certificate for public.test, made for these tests only; no client trusts it.
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzkTw5Hc2BMA7DgOu
GpZ1SsrycFsmt2aMwBcWS095kU6hRANCAASy/NF3SQcpHxnjZr/X+u+1jaYaVuHc
qgHeLSQNgDJwG3UV8ibFyjWNiZ9f8LoSjLNY/IamA397yxsaVcVtjf6s
-----END PRIVATE KEY-----`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBmzCCAUGgAwIBAgIUXmz4v8BqAZleq/ucF1ZqbM4v5UAwCgYIKoZIzj0EAwIw
FjEUMBIGA1UEAwwLcHVibGljLnRlc3QwIBcNMjYxMTI3MDgyOTI1WhgPMjEyNjEx
MDMwODI5MjVaMBYxFDASBgNVBAMMC3B1YmxpYy50ZXN0MFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAEsvzRd0kHKR8Z42a/1/rvtY2mGlbh3KoB3i0kDYAycBt1FfIm
xco1jYmfX/C6EoyzWPyGpgN/e8sbGlXFbY3+rKNrMGkwHQYDVR0OBBYEFLN4kLTI
QdaO4wnGPCX0vV55wNzlMB8GA1UdIwQYMBaAFLN4kLTIQdaO4wnGPCX0vV55wNzl
MA8GA1UdEwEB/wQFMAMBAf8wFgYDVR0RBA8wDYILcHVibGljLnRlc3QwCgYIKoZI
zj0EAwIDSAAwRQIhAIic0Zkc/J6Xjf/bwazn1AMGgrIdTeweqNmXfjYtVHelAiA4
34kCGeFR9YIjZtc7ruqGE+eyvYgvrWRoFsJwmRmMMg==
-----END CERTIFICATE-----`;

describe('safe fetcher: https', () => {
  let tlsServer: Server;
  let tlsPort = 0;
  let tlsConnections = 0;
  const serverNames: string[] = [];

  before(async () => {
    const context = createSecureContext({ key: TEST_KEY, cert: TEST_CERT });
    tlsServer = createHttpsServer(
      {
        key: TEST_KEY,
        cert: TEST_CERT,
        SNICallback: (name, callback) => {
          serverNames.push(name);
          callback(null, context);
        },
      },
      handle,
    );
    tlsServer.on('connection', () => {
      tlsConnections += 1;
    });
    tlsServer.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    tlsPort = (tlsServer.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => tlsServer.close(() => resolve())));

  test('verifies certificates (an untrusted one is a network error) and sends the host name as SNI', async () => {
    const error = await expectFetchError(fetcher({ allowedPorts: [tlsPort] }).fetch(`https://public.test:${tlsPort}/page`, { accept: 'html' }), 'network', 'public.test');
    assert.match(error.message, /TLS certificate/);
    assert.deepEqual(serverNames, ['public.test']);
  });

  test('forbidden https destinations are refused before any connection', async () => {
    const f = createSafeFetcher({ allowedPorts: [tlsPort], resolver: resolverWith() });
    fetchers.push(f);
    const before = tlsConnections;
    await expectFetchError(f.fetch(`https://127.0.0.1:${tlsPort}/page`, { accept: 'html' }), 'forbidden-address');
    await expectFetchError(f.fetch(`https://public.test:${tlsPort}/page`, { accept: 'html' }), 'forbidden-address');
    await expectFetchError(f.fetch(`https://metadata.test:${tlsPort}/page`, { accept: 'html' }), 'forbidden-address', '169.254.169.254');
    assert.equal(tlsConnections, before);
  });
});

describe('safe fetcher: bad URLs and network failures', () => {
  test('bad URLs are refused before any connection', async () => {
    const f = fetcher();
    const before = connections;
    await expectFetchError(f.fetch('not a url', { accept: 'html' }), 'bad-url', 'not a url');
    await expectFetchError(f.fetch('ftp://public.test/', { accept: 'html' }), 'bad-url');
    await expectFetchError(f.fetch(`http://user:pw@public.test:${port}/page`, { accept: 'html' }), 'bad-url');
    await expectFetchError(f.fetch('http://public.test:8081/page', { accept: 'html' }), 'bad-url', '8081');
    assert.equal(connections, before);
  });

  test('an unknown host and a refused connection are network errors that keep the cause', async () => {
    const unknown = await expectFetchError(fetcher().fetch(`http://nowhere.test:${port}/`, { accept: 'html' }), 'network', 'nowhere.test');
    assert.ok(unknown.cause !== undefined);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await expectFetchError(fetcher({ allowedPorts: [closedPort] }).fetch(`http://public.test:${closedPort}/`, { accept: 'html' }), 'network');
    assert.match(refused.message, /refused/);
  });

  test('invalid options are rejected at creation', () => {
    assert.throws(() => createSafeFetcher({ timeoutMs: 0 }), RangeError);
    assert.throws(() => createSafeFetcher({ maxBytes: -1 }), RangeError);
    assert.throws(() => createSafeFetcher({ maxRedirects: 1.5 }), RangeError);
  });
});
