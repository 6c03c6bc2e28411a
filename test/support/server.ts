// Runs the real `dateline` command (bin/dateline → dist/) as a child process for end-to-end tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const binPath = path.join(repoRoot, 'bin', 'dateline');
const compiledCli = path.join(repoRoot, 'dist', 'cli', 'main.js');

const startTimeoutMs = 30_000;
const stopTimeoutMs = 10_000;
const cliTimeoutMs = 60_000;
/** Output kept per stream, so a chatty child cannot exhaust the test's memory. */
const maxOutputChars = 200_000;

export interface StartServerOptions {
  /** Extra or overriding environment variables for the server. */
  env?: Record<string, string>;
  /** Serve this existing data folder (left in place on stop); default: a fresh temporary one, removed on stop. */
  dataDir?: string;
  /** true sets DEMO_CONTENT=1, false DEMO_CONTENT=0; unset leaves the server's default. */
  demo?: boolean;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  /** Everything the server wrote so far (for diagnostics). */
  output(): { stdout: string; stderr: string };
  /** SIGTERM, wait for exit, then remove the data folder if startServer created it. */
  stop(): Promise<void>;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const running = new Set<ChildProcess>();
// Last line of defence: never leave a server behind when the test process ends abruptly.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

let buildChecked = false;

/** Makes sure dist/ exists (npm test builds it in pretest); builds once if it does not. */
export function ensureBuilt(): void {
  if (buildChecked) return;
  if (!existsSync(compiledCli)) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['run', 'build'], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
    if (result.status !== 0 || !existsSync(compiledCli)) {
      throw new Error(
        `End-to-end tests need the compiled CLI at ${compiledCli}; "npm run build" failed `
        + `(status ${result.status ?? result.signal ?? result.error?.message}). Run it yourself to see why.\n`
        + `${result.stdout ?? ''}${result.stderr ?? ''}`,
      );
    }
  } else {
    const newer = newestSourceAfter(path.join(repoRoot, 'src'), statSync(compiledCli).mtimeMs);
    if (newer) process.emitWarning(`${path.relative(repoRoot, newer)} is newer than dist/: the end-to-end tests run the last build; run "npm run build" first.`);
  }
  buildChecked = true;
}

/** A .ts file under DIR changed after TIME, if any. */
function newestSourceAfter(dir: string, time: number): string | null {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newestSourceAfter(full, time);
      if (found) return found;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && statSync(full).mtimeMs > time) {
      return full;
    }
  }
  return null;
}

/** Variables a child inherits from this process: what node, npm and the OS need, nothing of Dateline's. */
const inheritedVariable = /^(PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TMP|TEMP|LANG|LANGUAGE|LC_[A-Z]+|TZ|SYSTEMROOT|SystemRoot|COMSPEC|PATHEXT|WINDIR|NODE_EXTRA_CA_CERTS)$/;

/**
 * The environment for a child: only the basics of this process's (path, home, locale, temp
 * folder), so that no Dateline setting of the shell the tests run in (DATABASE_URL,
 * TAXONOMIES_FILE, …) changes what the server does; then the test's own settings.
 */
function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && inheritedVariable.test(name)) env[name] = value;
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** A port that was free a moment ago (bind to 0, read the number, close). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      if (!address || typeof address === 'string') {
        probe.close();
        reject(new Error('could not read the probe port'));
        return;
      }
      probe.close(() => resolve(address.port));
    });
  });
}

function collect(stream: NodeJS.ReadableStream | null, into: { text: string }): void {
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    if (into.text.length < maxOutputChars) into.text += chunk;
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `dateline serve` on a free port and resolves once GET /health answers 200. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  ensureBuilt();
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'dateline-e2e-'));
  try {
    // A port picked by probing can be taken by someone else before the server binds it: retry then.
    for (let attempt = 1; ; attempt++) {
      try {
        return await startOnce(dataDir, ownsDataDir, options);
      } catch (error) {
        if (attempt >= 3 || !(error instanceof PortTakenError)) throw error;
      }
    }
  } catch (error) {
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

class PortTakenError extends Error {}

async function startOnce(dataDir: string, ownsDataDir: boolean, options: StartServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = childEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SITE_URL: url,
    LOG_LEVEL: 'warn',
    ...(options.demo === undefined ? {} : { DEMO_CONTENT: options.demo ? '1' : '0' }),
    ...options.env,
  });
  const child = spawn(process.execPath, [binPath, 'serve'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const stdout = { text: '' };
  const stderr = { text: '' };
  collect(child.stdout, stdout);
  collect(child.stderr, stderr);
  const describe = () => `--- server stdout ---\n${stdout.text || '(empty)'}\n--- server stderr ---\n${stderr.text || '(empty)'}`;

  const stop = async () => {
    try {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, stopTimeoutMs))) {
          child.kill('SIGKILL');
          await waitForExit(child, stopTimeoutMs);
          throw new Error(`The server did not exit within ${stopTimeoutMs} ms of SIGTERM and was killed.\n${describe()}`);
        }
        if (child.exitCode !== 0) {
          throw new Error(`The server exited with ${child.exitCode ?? child.signalCode} after SIGTERM (expected 0).\n${describe()}`);
        }
      }
    } finally {
      running.delete(child);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  };

  const deadline = Date.now() + startTimeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child);
      if (/EADDRINUSE/.test(stderr.text)) throw new PortTakenError(`port ${port} was taken`);
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before answering /health.\n${describe()}`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        return { url, dataDir, stop, output: () => ({ stdout: stdout.text, stderr: stderr.text }) };
      }
      lastProblem = `GET /health answered ${response.status}`;
    } catch (error) {
      lastProblem = `GET /health failed: ${(error as Error).message}`;
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  await waitForExit(child, stopTimeoutMs);
  running.delete(child);
  throw new Error(`The server did not answer GET ${url}/health with 200 within ${startTimeoutMs} ms (${lastProblem}).\n${describe()}`);
}

/** Runs `node bin/dateline ARGS…` to completion with the given environment on top of a clean one. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  ensureBuilt();
  const child = spawn(process.execPath, [binPath, ...args], { cwd: repoRoot, env: childEnv({ LOG_LEVEL: 'warn', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const stdout = { text: '' };
  const stderr = { text: '' };
  collect(child.stdout, stdout);
  collect(child.stderr, stderr);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dateline ${args.join(' ')} did not finish within ${cliTimeoutMs} ms.\nstdout:\n${stdout.text}\nstderr:\n${stderr.text}`));
    }, cliTimeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      reject(error);
    });
    // 'close' (not 'exit') so that all output has been read.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, signal, stdout: stdout.text, stderr: stderr.text });
    });
  });
}
