import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where the test run's Neo4j is recorded for workers: globalSetup writes it, tests read it. */
export const TEST_NEO4J_ENV = 'GEOCOOP_TEST_NEO4J_URI';
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function testNeo4jUri(): string {
  const uri = process.env[TEST_NEO4J_ENV];
  if (!uri) throw new Error(`${TEST_NEO4J_ENV} is not set: run the integration tests through jest (globalSetup starts Neo4j).`);
  return uri;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function tempDataDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `geocoop-${prefix}-`));
}
