import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { freePort, REPO_ROOT, tempDataDir } from '../helpers/testNeo4j';

/** The real `npm start` entry point as a child process: graceful shutdown and no orphan JVM. */
const MAIN = path.join(REPO_ROOT, 'dist', 'src', 'main.js');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const START_MS = 180_000;
/** Each test starts the server, then stops or kills it. */
const TEST_MS = START_MS + 90_000;

/** Starts main.js with its own embedded Neo4j and resolves once /ready answers 200, with the JVM's pid. */
async function startMain(dataDir: string): Promise<{ child: ChildProcess; url: string; neo4jPid: number }> {
  const [port, bolt] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), NEO4J_BOLT_PORT: String(bolt), NEO4J_DATA_DIR: dataDir, NEO4J_URI: '', LOG_LEVEL: 'info', NEO4J_HEAP_MB: '512', NEO4J_PAGECACHE_MB: '64' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let neo4jPid = -1;
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const match = /"msg":"embedded Neo4j ready"/.test(line) ? /"pid":(\d+)/.exec(line) : null;
    if (match) neo4jPid = Number(match[1]);
  });
  const url = `http://127.0.0.1:${port}`;
  // The first start seeds the empty store through the write path: minutes on a loaded 2-core machine.
  const ready = await until(async () => (await fetch(`${url}/ready`).catch(() => null))?.status === 200, START_MS);
  if (!ready) {
    // Not left running: it would hold the store's lock against the next test's start.
    child.kill('SIGKILL');
    throw new Error('main.js did not become ready');
  }
  return { child, url, neo4jPid };
}

describe('the server process', () => {
  const dataDir = tempDataDir('process');
  const children: ChildProcess[] = [];

  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shuts down on SIGTERM with exit code 0, stopping its embedded Neo4j', async () => {
    const { child, neo4jPid } = await startMain(dataDir);
    children.push(child);
    expect(neo4jPid).toBeGreaterThan(0);
    expect(isAlive(neo4jPid)).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(isAlive(neo4jPid)).toBe(false);
  }, TEST_MS);

  it('leaves no orphan JVM behind even when it is killed with SIGKILL', async () => {
    const { child, neo4jPid } = await startMain(dataDir);
    children.push(child);
    expect(neo4jPid).toBeGreaterThan(0);
    child.kill('SIGKILL');
    expect(await until(() => !isAlive(neo4jPid), 60_000)).toBe(true);
  }, TEST_MS);

  it('exits with code 1 when its embedded Neo4j dies under it', async () => {
    const { child, neo4jPid } = await startMain(dataDir);
    children.push(child);
    expect(neo4jPid).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    process.kill(neo4jPid, 'SIGKILL');
    expect(await exited).toBe(1);
  }, TEST_MS);
});
