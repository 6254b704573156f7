import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The two GraphQL servers under test run as child processes of the benchmark: ours as `node dist/src/main.js`
 * (exactly what `npm start` runs, pointed at the benchmark's Neo4j), the peer's as dist/bench/peerServer.js.
 * So neither shares an event loop or a heap with the load generator, and each one's memory is its own
 * /proc/<pid>/status.
 */
export interface ChildServer {
  name: string;
  pid: number;
  /** The GraphQL endpoint. */
  url: string;
  /** Resident and peak resident memory, MB, from /proc/<pid>/status (null where /proc is not there). */
  memory(): { rssMb: number; peakRssMb: number } | null;
  stop(): Promise<void>;
}

export interface ChildOptions {
  name: string;
  rootDir: string;
  /** The script to run, relative to rootDir. */
  script: string;
  port: number;
  env: Record<string, string>;
  readyTimeoutMs?: number;
}

const STOP_GRACE_MS = 15_000;

export async function startChildServer(options: ChildOptions): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ['--require', path.join(options.rootDir, 'dist', 'bench', 'exitWithParent.js'), path.join(options.rootDir, options.script)],
    {
      cwd: options.rootDir,
      // stdin stays a pipe held by us: the child stops when it closes (see exitWithParent).
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env, BENCH_EXIT_WITH_PARENT: '1' },
    },
  );
  // The last lines of its output (our server logs to stdout, at warn level here), for a start-up failure.
  let outputTail = '';
  const keep = (chunk: Buffer) => {
    outputTail = (outputTail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${options.port}`;
  const url = `${base}/graphql`;

  try {
    await waitUntilAnswering(url, exited, options.readyTimeoutMs ?? 120_000, () => outputTail);
  } catch (error) {
    await stopChild(child, exited);
    throw new Error(`${options.name} did not start: ${(error as Error).message}`);
  }

  return {
    name: options.name,
    pid: child.pid!,
    url,
    memory: () => readMemory(child.pid!),
    stop: () => stopChild(child, exited),
  };
}

/** Polls `{ __typename }` (answered with introspection off) until the server answers, or it exits, or time is up. */
async function waitUntilAnswering(url: string, exited: Promise<number | null>, timeoutMs: number, tail: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`exited with code ${exitCode}. ${tail().trim()}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer on ${url} within ${timeoutMs} ms. ${tail().trim()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** SIGTERM (graceful), then SIGKILL of this very child if it is still there after the grace period. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function readMemory(pid: number): { rssMb: number; peakRssMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 102.4) / 10, peakRssMb: Math.round(kb('VmHWM') / 102.4) / 10 };
  } catch {
    return null;
  }
}
