/**
 * The baseline: a bare `node:http` server that answers one path with bytes and headers captured
 * from Dateline's own response, from memory. It is the ceiling for "serve a cached page" on this
 * machine with this load; the benchmark reports Dateline's throughput as a fraction of it.
 *
 * By default it runs in the benchmark's main process, on the same thread that served Dateline a
 * moment before (Dateline's server is idle meanwhile), so both are measured under the same
 * conditions: same process, same heap (with the seeded application in it), same core, and the
 * load generator in its own process. `--baseline child` runs it in a fresh process instead (an
 * empty heap: the ratio then also includes the cost of the application's heap on GC).
 *
 * Run as a forked child, it receives the page over IPC and answers with its port.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A response to replay: status 200, these headers (without Date and connection headers), this body. */
export interface CapturedPage {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Match the server under test's keep-alive timeout, so the Keep-Alive header is the same too. */
  keepAliveTimeoutMs: number;
}

export interface RunningBaseline {
  url: string;
  close(): Promise<void>;
}

/** Headers node:http adds itself (or that belong to one connection) and so are not replayed. */
const perConnection = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The headers of a response to replay, as captured from the server under test. */
export function replayableHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || perConnection.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function createBaseline(page: CapturedPage): http.Server {
  const headers = { ...page.headers, 'content-length': String(page.body.length) };
  const server = http.createServer((req, res) => {
    if (req.url !== page.path) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, headers);
    res.end(page.body);
  });
  server.keepAliveTimeout = page.keepAliveTimeoutMs;
  return server;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the baseline in this process. */
export async function startBaselineInline(page: CapturedPage): Promise<RunningBaseline> {
  const server = createBaseline(page);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}${page.path}`, close: () => closeServer(server) };
}

/** Starts the baseline in a forked process of its own. */
export async function startBaselineChild(page: CapturedPage): Promise<RunningBaseline> {
  const script = fileURLToPath(import.meta.url);
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--cpu-prof') && !a.startsWith('--inspect'));
  const child = fork(script, ['--serve'], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The baseline server exited during start-up (code ${code}).`)));
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.send(page);
  });
  return {
    url: `http://127.0.0.1:${port}${page.path}`,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}

if (process.argv.includes('--serve') && process.send) {
  process.once('message', (raw: CapturedPage) => {
    // Structured clone turns the Buffer into a Uint8Array; wrap it without copying.
    const page = { ...raw, body: Buffer.from(raw.body.buffer, raw.body.byteOffset, raw.body.byteLength) };
    const server = createBaseline(page);
    listen(server).then((port) => process.send?.({ port }), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
    process.on('disconnect', () => {
      void closeServer(server).then(() => process.exit(0));
    });
  });
}
