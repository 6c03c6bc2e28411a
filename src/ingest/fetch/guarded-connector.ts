/**
 * The undici connector that makes the address policy hold for the address actually connected
 * to, on every new connection (so every redirect hop and every DNS answer is judged afresh; a
 * pooled keep-alive connection is one that already passed).
 *
 * Three layers, because undici and Node take different paths for names and for IP literals:
 * 1. IP literal hosts: Node's `net.connect` never calls `lookup` for them, so the wrapper checks
 *    the literal itself and refuses before a socket exists.
 * 2. Host names: `net.connect` calls our `lookup`, which resolves (injectable resolver), drops
 *    every forbidden address and hands Node only vetted ones; none left → refused, no socket.
 *    Resolution and connection are one step, so there is no window for DNS rebinding.
 * 3. After the TCP connection is up: `socket.remoteAddress` is checked again and the socket
 *    destroyed if it is not allowed — a backstop should any path bypass the first two. For https
 *    the TLS handshake then runs over that vetted socket (undici's `httpSocket`), so not even a
 *    ClientHello reaches an address that was not checked.
 */
import { lookup as systemLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import tls from 'node:tls';
import { buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy.js';
import { isIpLiteral, unbracket } from './address-policy.js';

/** Resolves a host name to all its addresses (the DNS step; injectable for tests). */
export type Resolver = (hostname: string) => Promise<{ address: string; family: 4 | 6 }[]>;

/** The system resolver (`dns.lookup`, all addresses, in the order the system gives them). */
export const systemResolver: Resolver = async (hostname) => {
  const found = await systemLookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

/**
 * Raised inside the connector when a host resolves only to, or connected to, a forbidden address.
 * `reason` is a sentence fragment naming the address and what it is.
 */
export class RefusedAddressError extends Error {
  readonly code = 'ERR_DATELINE_FORBIDDEN_ADDRESS';
  readonly hostname: string;
  readonly reason: string;

  constructor(hostname: string, reason: string) {
    super(reason);
    this.name = 'RefusedAddressError';
    this.hostname = hostname;
    this.reason = reason;
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function noAddress(hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
  error.code = 'ENOTFOUND';
  return error;
}

/** A `net.connect` lookup that only ever yields addresses the policy allows. */
export function createGuardedLookup(policy: AddressPolicy, resolver: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolver(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? found.filter((entry) => entry.family === options.family) : found;
        if (wanted.length === 0) return callback(noAddress(hostname), []);
        const allowed: LookupAddress[] = [];
        const refused: string[] = [];
        for (const entry of wanted) {
          const verdict = policy.check(entry.address);
          if (verdict.allowed) allowed.push({ address: entry.address, family: entry.family });
          else refused.push(verdict.reason);
        }
        const [first] = allowed;
        if (first === undefined) return callback(new RefusedAddressError(hostname, `${hostname} resolves only to forbidden addresses (${refused.join('; ')})`), []);
        if (options.all === true) return callback(null, allowed);
        return callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : noAddress(hostname), []),
    );
  };
}

/** Options of the guarded connector. */
export interface GuardedConnectorOptions {
  policy: AddressPolicy;
  resolver: Resolver;
  /** Connect timeout in milliseconds (for the TCP connection and, separately, the TLS handshake). */
  timeoutMs: number;
  /** TEST ONLY: a CA certificate (PEM) to trust besides the system ones, for TLS tests on loopback. */
  trustedCaForTests?: string;
}

/** An undici `connect` function that enforces the address policy at connect time. */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const { policy } = options;
  const connect = buildConnector({
    timeout: options.timeoutMs,
    lookup: createGuardedLookup(policy, options.resolver),
    ...(options.trustedCaForTests === undefined ? {} : { ca: [...tls.rootCertificates, options.trustedCaForTests] }),
  });
  return (connectOptions, callback) => {
    const host = unbracket(connectOptions.hostname);
    if (isIpLiteral(host)) {
      const verdict = policy.check(host);
      if (!verdict.allowed) {
        callback(new RefusedAddressError(host, verdict.reason), null);
        return;
      }
    }
    // TCP first (for https too), so the connected address is checked before a TLS byte is sent.
    const https = connectOptions.protocol === 'https:';
    const tcpOptions = { ...connectOptions, protocol: 'http:', port: connectOptions.port || (https ? '443' : '80') };
    connect(tcpOptions, (error, socket) => {
      if (error !== null) {
        callback(error, null);
        return;
      }
      const remote = socket.remoteAddress;
      const verdict = remote === undefined ? null : policy.check(remote);
      if (verdict === null || !verdict.allowed) {
        socket.destroy();
        callback(new RefusedAddressError(host, verdict === null ? `the address connected to for ${host} could not be read` : `the connection to ${host} reached a forbidden address (${verdict.reason})`), null);
        return;
      }
      if (!https) {
        callback(null, socket);
        return;
      }
      // TLS over the vetted socket; SNI and certificate checks use the host name, as usual.
      connect({ ...connectOptions, httpSocket: socket }, (tlsError, tlsSocket) => {
        if (tlsError !== null) {
          socket.destroy();
          callback(tlsError, null);
          return;
        }
        callback(null, tlsSocket);
      });
    });
  };
}
