import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread running `moduleUrl`. When running from source the module is TypeScript,
 * and the thread registers tsx itself: the parent may have registered it in-process
 * (bin/dateline), and loader hooks do not reach threads. tsx is named by its resolved address, so
 * the thread finds it whatever the working directory.
 */
export function startWorker(moduleUrl: URL, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData, ...(resourceLimits ? { resourceLimits } : {}) };
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(moduleUrl.href)}); });`, { eval: true, ...options });
}

/**
 * For the threads of a site import, which turn a stream of messages into garbage: a young
 * generation of 8 MB instead of V8's default, sized for a whole application, costs more, shorter
 * scavenges and no measurable time, and keeps some 40 MB out of the import's peak memory
 * (20,000 posts with a reading and a text thread: 361 → 321 MB).
 */
export const STREAMING_THREAD_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

/** The worker module next to `base` named `name`, with the extension the running code has (`.ts` from source, `.js` built). */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}.${base.endsWith('.ts') ? 'ts' : 'js'}`, base);
}
