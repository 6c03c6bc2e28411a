/**
 * Driving the load and checking what came back.
 *
 * Process layout (2 cores): the server under test (Dateline, built in-process as the issue asks)
 * and the bare baseline server each run on the main thread of this process, one at a time; the
 * load generator (autocannon) runs in a forked child process. autocannon's programmatic API would
 * otherwise share the server's event loop, so every request's client-side work (request writing,
 * response parsing, histograms) would be billed to the server and both figures would be roughly
 * halved, hiding the difference we want to see. A child process gives each side its own core,
 * heap and GC. (autocannon's own `workers` option would move the load to worker threads but
 * keeps them in the server's process, sharing its heap limits and libuv pool; and it is slower
 * to start.)
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export interface LoadRequest {
  url: string;
  /** Paths requested in turn on the same origin (a query mix); the URL alone when absent. */
  paths?: string[];
  connections: number;
  pipelining: number;
  durationSeconds: number;
}

export interface LoadSummary {
  /** Mean of autocannon's per-second request counts. */
  rps: number;
  requests: number;
  durationSeconds: number;
  /** Percentiles over every 2xx response's latency (float ms). */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** autocannon's own percentiles (integer ms), kept as a cross-check. */
  autocannonP50Ms: number;
  autocannonP99Ms: number;
  /** Bytes received in 2xx responses (headers and body). */
  bytes: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  resets: number;
  statusCodes: Record<string, number>;
  /** CPU time the load generator used, in cores (1 = one core busy all the time). */
  generatorCpu: number;
  /** CPU time this process (the server side) used during the run, in cores; NaN when the server ran elsewhere. */
  serverCpu: number;
  /** With several paths: each one's 2xx latencies (float ms), in the order given. */
  byPath?: { path: string; requests: number; p50Ms: number; p95Ms: number }[];
}

export type LoadResponse = { ok: true; summary: LoadSummary } | { ok: false; error: string };

/** The forked load-generator process; one for the whole benchmark, runs one load at a time. */
export class LoadGenerator {
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<LoadGenerator> {
    const script = fileURLToPath(new URL('./load-generator.ts', import.meta.url));
    // Inherit the TypeScript loader flags tsx gave this process, but not profiling flags: only the server is profiled.
    const execArgv = process.execArgv.filter((a) => !a.startsWith('--cpu-prof') && !a.startsWith('--inspect'));
    const child = fork(script, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`The load generator exited during start-up (code ${code}).`));
      child.once('error', reject);
      child.once('exit', onExit);
      child.once('message', () => {
        child.off('exit', onExit);
        resolve();
      });
    });
    return new LoadGenerator(child);
  }

  /** Runs one load; `serverInThisProcess` adds this process's CPU use to the summary. */
  async run(request: LoadRequest, serverInThisProcess: boolean, signal?: AbortSignal): Promise<LoadSummary> {
    signal?.throwIfAborted();
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    // Aborting ends the child, which rejects the pending run.
    const onAbort = () => this.child.kill();
    signal?.addEventListener('abort', onAbort, { once: true });
    let summary: LoadSummary;
    try {
      summary = await this.send(request);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    const cpu = process.cpuUsage(cpuBefore);
    return { ...summary, serverCpu: serverInThisProcess ? (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore) : Number.NaN };
  }

  private send(request: LoadRequest): Promise<LoadSummary> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`The load generator exited during a run (code ${code}).`));
      this.child.once('exit', onExit);
      this.child.once('message', (message: LoadResponse) => {
        this.child.off('exit', onExit);
        if (message.ok) resolve(message.summary);
        else reject(new Error(`autocannon failed: ${message.error}`));
      });
      this.child.send(request);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}

/** One plain GET over a fresh connection. */
export interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export function httpGet(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url} timed out`)));
  });
}

/**
 * Fails loudly unless every response was a 200 carrying the full page: no errors, no timeouts,
 * no other status (a 304 would show up here), and about as many bytes per response as the page
 * has (a 304 or an empty body would make the average far smaller).
 */
export function assertCleanRun(label: string, summary: LoadSummary, bodyBytes: number): void {
  const problems: string[] = [];
  if (summary.requests === 0) problems.push('no responses at all');
  const others = Object.entries(summary.statusCodes).filter(([code]) => code !== '200');
  if (others.length > 0) problems.push(`non-200 responses: ${others.map(([code, n]) => `${n}× ${code}`).join(', ')}`);
  if (summary.non2xx > 0) problems.push(`${summary.non2xx} non-2xx responses`);
  if (summary.errors > 0) problems.push(`${summary.errors} connection errors (${summary.timeouts} timeouts)`);
  if (summary.resets > 0) problems.push(`${summary.resets} pipeline resets`);
  const perResponse = summary.requests > 0 ? summary.bytes / summary.requests : 0;
  if (summary.requests > 0 && perResponse < bodyBytes) {
    problems.push(`only ${perResponse.toFixed(0)} bytes per response on average, but the page body alone is ${bodyBytes} bytes`);
  }
  if (problems.length > 0) throw new Error(`${label}: the load run was not clean: ${problems.join('; ')}.`);
}
