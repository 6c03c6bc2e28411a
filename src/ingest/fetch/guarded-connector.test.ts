import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { createServer } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo, Server, Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createAddressPolicy } from './address-policy.js';
import type { AddressPolicy } from './address-policy.js';
import { failOnForeignConnections } from '../../../test/support/loopback-tripwire.js';
import { createGuardedConnector, createGuardedLookup, RefusedAddressError } from './guarded-connector.js';
import type { Resolver } from './guarded-connector.js';

failOnForeignConnections();

const table: Record<string, { address: string; family: 4 | 6 }[]> = {
  'public.test': [{ address: '127.0.0.1', family: 4 }],
  'mixed.test': [
    { address: '10.0.0.1', family: 4 },
    { address: '127.0.0.1', family: 4 },
    { address: '::1', family: 6 },
  ],
  'internal.test': [{ address: '10.0.0.1', family: 4 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'loopback6.test': [{ address: '::1', family: 6 }],
};
const resolver: Resolver = async (hostname) => {
  const found = table[hostname];
  if (found === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return found;
};
const policy = createAddressPolicy({ allowAddressesForTests: ['127.0.0.1'] });

function lookup(hostname: string, options: { all?: boolean; family?: number }): Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }> {
  return new Promise((resolve) => {
    createGuardedLookup(policy, resolver)(hostname, options, (error, address, family) => resolve({ error, address, family }));
  });
}

describe('createGuardedLookup', () => {
  test('hands Node only the allowed addresses', async () => {
    const result = await lookup('mixed.test', { all: true });
    assert.equal(result.error, null);
    assert.deepEqual(result.address, [{ address: '127.0.0.1', family: 4 }]);
  });

  test('answers in the single-address form when Node asks for it', async () => {
    const result = await lookup('mixed.test', {});
    assert.equal(result.address, '127.0.0.1');
    assert.equal(result.family, 4);
  });

  test('refuses a name whose addresses are all forbidden, naming them', async () => {
    for (const [hostname, pattern] of [
      ['internal.test', /10\.0\.0\.1 is a private/],
      ['metadata.test', /169\.254\.169\.254 is a cloud metadata/],
      ['loopback6.test', /::1 is a loopback/],
    ] as const) {
      const { error } = await lookup(hostname, { all: true });
      assert.ok(error instanceof RefusedAddressError, hostname);
      assert.match(error.reason, pattern);
      assert.match(error.reason, new RegExp(hostname.replace('.', '\\.')));
    }
  });

  test('honours a requested family', async () => {
    const { error } = await lookup('mixed.test', { all: true, family: 6 });
    assert.ok(error instanceof RefusedAddressError);
  });

  test('passes resolver failures through', async () => {
    const { error } = await lookup('nowhere.test', { all: true });
    assert.equal(error?.code, 'ENOTFOUND');
  });
});

describe('createGuardedConnector', () => {
  let server: Server;
  let port = 0;
  let accepted = 0;
  let bytesReceived = 0;

  before(async () => {
    server = createServer((socket) => {
      accepted += 1;
      socket.on('data', (data) => {
        bytesReceived += data.length;
      });
      socket.on('error', () => undefined);
      setTimeout(() => socket.destroy(), 200);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function connect(hostname: string, withPolicy: AddressPolicy = policy, protocol = 'http:'): Promise<{ error: Error | null; socket: Socket | null }> {
    const connector = createGuardedConnector({ policy: withPolicy, resolver, timeoutMs: 2000 });
    return new Promise((resolve) => {
      connector({ hostname, host: `${hostname}:${port}`, protocol, port: String(port) }, (error, socket) => resolve({ error, socket }));
    });
  }

  test('connects to an allowed name and hands over the socket', async () => {
    const { error, socket } = await connect('public.test');
    assert.equal(error, null);
    assert.equal(socket?.remoteAddress, '127.0.0.1');
    socket?.destroy();
  });

  test('refuses forbidden IP literals itself (Node skips lookup for them) without opening a socket', async () => {
    const before = accepted;
    for (const hostname of ['127.0.0.2', '169.254.169.254', '10.0.0.1', '::1', '[::1]', '::ffff:127.0.0.2', '0.0.0.0']) {
      const { error, socket } = await connect(hostname);
      assert.ok(error instanceof RefusedAddressError, hostname);
      assert.equal(socket, null);
    }
    assert.equal(accepted, before);
  });

  test('refuses a name that resolves only to forbidden addresses, before connecting', async () => {
    const before = accepted;
    for (const hostname of ['internal.test', 'metadata.test', 'loopback6.test']) {
      const { error } = await connect(hostname);
      assert.ok(error instanceof RefusedAddressError, hostname);
    }
    assert.equal(accepted, before);
  });

  test('checks the connected socket again and destroys it when it is not allowed', async () => {
    let calls = 0;
    // Allows the address when the lookup asks, refuses it when the connected socket is checked.
    const flaky: AddressPolicy = {
      check: (address) => (++calls === 1 ? { allowed: true, address } : { allowed: false, address, reason: `${address} is suddenly forbidden` }),
    };
    const { error, socket } = await connect('public.test', flaky);
    assert.ok(error instanceof RefusedAddressError);
    assert.match(error.reason, /reached a forbidden address \(127\.0\.0\.1 is suddenly forbidden\)/);
    assert.equal(socket, null);
    assert.equal(calls, 2);
  });

  test('for https, refuses a forbidden connected address before sending a single TLS byte', async () => {
    const before = bytesReceived;
    let calls = 0;
    const secondRefuses: AddressPolicy = {
      check: (address) => (++calls === 1 ? { allowed: true, address } : { allowed: false, address, reason: `${address} is suddenly forbidden` }),
    };
    const { error } = await connect('public.test', secondRefuses, 'https:');
    assert.ok(error instanceof RefusedAddressError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(bytesReceived, before);
  });
});

// A self-signed certificate for public.test, made for these tests only.
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

describe('createGuardedConnector over TLS', () => {
  let server: Server;
  let port = 0;

  before(async () => {
    server = createTlsServer({ key: TEST_KEY, cert: TEST_CERT }, (socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('checks the TCP connection, then runs TLS over it with the host name for SNI and verification', async () => {
    const connector = createGuardedConnector({ policy, resolver, timeoutMs: 2000, trustedCaForTests: TEST_CERT });
    const socket = await new Promise<Socket>((resolve, reject) => {
      connector({ hostname: 'public.test', host: `public.test:${port}`, protocol: 'https:', port: String(port) }, (error, connected) => (error ? reject(error) : resolve(connected as Socket)));
    });
    const secure = socket as TLSSocket;
    assert.equal(secure.authorized, true);
    assert.equal(secure.remoteAddress, '127.0.0.1');
    assert.equal(secure.servername, 'public.test');
    secure.destroy();
  });

  test('an untrusted certificate fails the connection', async () => {
    const connector = createGuardedConnector({ policy, resolver, timeoutMs: 2000 });
    const error = await new Promise<Error | null>((resolve) => {
      connector({ hostname: 'public.test', host: `public.test:${port}`, protocol: 'https:', port: String(port) }, (...args) => resolve(args[0]));
    });
    assert.equal((error as NodeJS.ErrnoException | null)?.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
