import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { EmbeddedNeo4jConfig } from '../config';
import type { Logger } from '../logger';

/**
 * Starts and stops the embedded Neo4j of tools/neo4j (Neo4j Community 5.26 on JDK 17) as a child JVM.
 * The JVM watches its stdin and exits when this process goes away, so it never outlives us.
 */
export interface EmbeddedNeo4j {
  uri: string;
  version: string;
  pid: number;
  /** Resolves once the JVM has exited (after a clean shutdown or a crash). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export class EmbeddedNeo4jError extends Error {}

const LAUNCHER_MAIN_CLASS = 'geocoop.EmbeddedNeo4j';
const STOP_GRACE_MS = 30_000;

export function launcherDir(rootDir: string): string {
  return path.join(rootDir, 'tools', 'neo4j');
}

export async function startEmbeddedNeo4j(
  config: EmbeddedNeo4jConfig,
  rootDir: string,
  logger: Logger,
  readyTimeoutMs = 90_000,
): Promise<EmbeddedNeo4j> {
  const java = resolveJava(config.javaHome);
  const classpath = launcherClasspath(rootDir);
  await assertPortFree(config.boltPort);
  fs.mkdirSync(config.dataDir, { recursive: true });

  const child = spawn(
    java,
    [
      `-Xms${Math.min(256, config.heapMb)}m`,
      `-Xmx${config.heapMb}m`,
      '-XX:+UseG1GC',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '-cp',
      classpath,
      LAUNCHER_MAIN_CLASS,
      config.dataDir,
      String(config.boltPort),
      String(config.pageCacheMb),
      String(config.txTimeoutSeconds),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      process.removeListener('exit', killOnExit);
      resolve(code);
    });
  });
  const stderrTail: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    logger.debug({ neo4j: line }, 'neo4j stderr');
  });

  try {
    const { uri, version } = await waitForReady(child, exited, readyTimeoutMs, () => stderrTail);
    logger.info({ uri, version, dataDir: config.dataDir, pid: child.pid }, 'embedded Neo4j ready');
    return {
      uri,
      version,
      pid: child.pid ?? -1,
      exited,
      stop: () => stopChild(child, exited),
    };
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
}

function waitForReady(
  child: ChildProcessByStdio<Writable, Readable, Readable>,
  exited: Promise<number | null>,
  timeoutMs: number,
  stderrTail: () => string[],
): Promise<{ uri: string; version: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new EmbeddedNeo4jError(`Neo4j did not become ready within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const ready = /^NEO4J_READY (\S+) (\S+)/.exec(line);
      const failed = /^NEO4J_FAILED (.*)$/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve({ uri: ready[1], version: ready[2] });
      } else if (failed) {
        clearTimeout(timer);
        reject(new EmbeddedNeo4jError(explainStartFailure(failed[1])));
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`Could not run Java (${error.message}). Install JDK 17 or set JAVA_HOME.`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      const detail = stderrTail().slice(-3).join(' | ');
      reject(new EmbeddedNeo4jError(`Neo4j exited during start-up (exit code ${code}). ${detail}`.trim()));
    });
  });
}

function explainStartFailure(reason: string): string {
  if (/lock|StoreLockException/i.test(reason)) {
    return `Neo4j could not lock its data directory (${reason}). Another Neo4j uses it: stop that one or set NEO4J_DATA_DIR.`;
  }
  if (/address already in use|bind/i.test(reason)) {
    return `Neo4j could not open its Bolt port (${reason}). Set NEO4J_BOLT_PORT to a free port.`;
  }
  return `Neo4j failed to start: ${reason}`;
}

async function stopChild(
  child: ChildProcessByStdio<Writable, Readable, Readable>,
  exited: Promise<number | null>,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** JDK 17 is required: Neo4j 5.26 is the last line that runs on it, and a newer JDK (Temurin 25) is not supported. */
export function resolveJava(javaHome: string | undefined): string {
  const candidates = javaHome
    ? [path.join(javaHome, 'bin', 'java')]
    : [
        ...listJdk17Homes().map((home) => path.join(home, 'bin', 'java')),
        ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'java')),
      ];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new EmbeddedNeo4jError(
      javaHome
        ? `JAVA_HOME=${javaHome} has no bin/java. Point JAVA_HOME at a JDK 17.`
        : 'No Java found. Install JDK 17 (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME.',
    );
  }
  return found;
}

function listJdk17Homes(): string[] {
  const jvmDir = '/usr/lib/jvm';
  if (!fs.existsSync(jvmDir)) return [];
  return fs
    .readdirSync(jvmDir)
    .filter((name) => /(^|-)17(\.|-|$)/.test(name))
    .sort()
    .map((name) => path.join(jvmDir, name));
}

function launcherClasspath(rootDir: string): string {
  const target = path.join(launcherDir(rootDir), 'target');
  const libDir = path.join(target, 'lib');
  if (!fs.existsSync(path.join(target, 'classes')) || !fs.existsSync(libDir)) {
    throw new EmbeddedNeo4jError('The embedded Neo4j launcher is not built. Run `npm run build:neo4j` (needs Maven and JDK 17).');
  }
  return [path.join(target, 'classes'), path.join(libDir, '*')].join(path.delimiter);
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new EmbeddedNeo4jError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} on 127.0.0.1 is already in use, so Neo4j cannot open Bolt there. Set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use a running Neo4j.`
            : `Cannot check Bolt port ${port}: ${error.message}`,
        ),
      ),
    );
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve()));
  });
}
