/**
 * The load generator, run as a child process of bench/run.ts (see measure.ts for why).
 * It receives `run` messages over IPC, drives autocannon against the given URL, and answers
 * with a summary. Latency percentiles come from every response's own timing (float ms), since
 * autocannon's histogram has 1 ms resolution, too coarse for sub-millisecond loopback pages.
 */
import autocannon from 'autocannon';
import type { LoadRequest, LoadResponse, LoadSummary } from './measure.js';

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

async function run(request: LoadRequest): Promise<LoadSummary> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  // Each connection cycles through the paths in order and waits for each answer (no pipelining),
  // so the path a response answers is its connection's current one.
  const paths = request.paths ?? [];
  const byPath: number[][] | null = paths.length > 1 && request.pipelining === 1 ? paths.map(() => []) : null;
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: request.url,
      ...(request.paths ? { requests: request.paths.map((path) => ({ method: 'GET' as const, path })) } : {}),
      connections: request.connections,
      pipelining: request.pipelining,
      duration: request.durationSeconds,
      // Deliberately no conditional headers: the benchmark measures full 200 responses, not 304s.
      headers: {},
    }, (error, res) => (error ? reject(error) : resolve(res)));
    instance.on('response', (client, statusCode: number, _bytes: number, ms: number) => {
      if (statusCode < 200 || statusCode >= 300) return;
      // Not in autocannon's types: the index of the client's current request in `requests`.
      const at = (client as unknown as { requestIterator?: { currentRequestIndex?: number } }).requestIterator?.currentRequestIndex;
      if (at !== undefined) byPath?.[at]?.push(ms);
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = ms;
    });
  });
  const cpu = process.cpuUsage(cpuBefore);
  const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);
  const sorted = latencies.subarray(0, count).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    durationSeconds: result.duration,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    autocannonP50Ms: result.latency.p50,
    autocannonP99Ms: result.latency.p99,
    bytes: result.throughput.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    resets: result.resets,
    statusCodes,
    generatorCpu: cpuShare,
    serverCpu: Number.NaN,
    ...(byPath ? {
      byPath: paths.map((path, i) => {
        const sortedPath = Float64Array.from(byPath[i]!).sort();
        return { path, requests: sortedPath.length, p50Ms: percentile(sortedPath, 50), p95Ms: percentile(sortedPath, 95) };
      }),
    } : {}),
  };
}

process.on('message', (message: LoadRequest) => {
  run(message).then(
    (summary) => process.send?.({ ok: true, summary } satisfies LoadResponse),
    (error: unknown) => process.send?.({ ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies LoadResponse),
  );
});
// The parent going away (even by crashing) disconnects the IPC channel: leave with it.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
