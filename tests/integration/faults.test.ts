import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { EmbeddedNeo4jError, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { createLogger } from '../../src/logger';
import { startServer, StartupError, type RunningServer } from '../../src/server';
import { freePort, REPO_ROOT, tempDataDir } from '../helpers/testNeo4j';
import { postGraphql, startTestServer } from '../helpers/testServer';

const logger = createLogger({ logLevel: 'silent' });

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

describe('when Neo4j stops while the server runs', () => {
  const dataDir = tempDataDir('faults');
  let boltPort: number;
  let neo4j: EmbeddedNeo4j | undefined;
  let server: RunningServer | undefined;
  const embeddedConfig = () =>
    loadConfig({ NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), NEO4J_PAGECACHE_MB: '64', NEO4J_HEAP_MB: '512' }, REPO_ROOT)
      .neo4j.embedded;

  beforeAll(async () => {
    boltPort = await freePort();
    neo4j = await startEmbeddedNeo4j(embeddedConfig(), REPO_ROOT, logger);
    server = await startServer(
      loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', NEO4J_URI: neo4j.uri, SEED_ON_EMPTY: 'false' }, REPO_ROOT),
    );
  });
  afterAll(async () => {
    await server?.stop();
    await neo4j?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('turns /ready to 503, answers DATABASE_UNAVAILABLE without a stack trace, and recovers when Neo4j is back', async () => {
    expect((await fetch(`${server!.url}/ready`)).status).toBe(200);

    await neo4j!.stop();
    neo4j = undefined;
    expect((await fetch(`${server!.url}/ready`)).status).toBe(503);
    const down = await postGraphql(server!.url, '{ about { neo4jVersion } }');
    expect(down.body.errors?.[0].extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', requestId: expect.any(String) });
    expect(JSON.stringify(down.body)).not.toContain('stacktrace');
    expect((await fetch(`${server!.url}/health`)).status).toBe(200);

    neo4j = await startEmbeddedNeo4j(embeddedConfig(), REPO_ROOT, logger);
    const recovered = await waitFor(async () => (await fetch(`${server!.url}/ready`)).status === 200, 60_000);
    expect(recovered).toBe(true);
    const up = await postGraphql(server!.url, '{ about { neo4jVersion } }');
    expect(up.body.data?.about.neo4jVersion).toMatch(/^5\.26/);
  });
});

describe('start-up failures', () => {
  it('names the busy HTTP port and how to fix it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    let server: RunningServer | undefined;
    try {
      server = await startTestServer({ PORT: String(port) });
      throw new Error('the server started on a busy port');
    } catch (error) {
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toBe(`Port ${port} on 127.0.0.1 is already in use. Set PORT to a free port (or stop what uses it).`);
    } finally {
      await server?.stop();
      blocker.close();
    }
  });

  it('names the busy Bolt port before starting a JVM', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const config = loadConfig({ NEO4J_DATA_DIR: tempDataDir('busy'), NEO4J_BOLT_PORT: String(port) }, REPO_ROOT);
      await expect(startEmbeddedNeo4j(config.neo4j.embedded, REPO_ROOT, logger)).rejects.toThrow(
        new EmbeddedNeo4jError(
          `Port ${port} on 127.0.0.1 is already in use, so Neo4j cannot open Bolt there. Set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use a running Neo4j.`,
        ),
      );
    } finally {
      blocker.close();
    }
  });

  it('says how to get Java when JAVA_HOME points nowhere', async () => {
    const config = loadConfig({ JAVA_HOME: '/nonexistent-jdk', NEO4J_BOLT_PORT: String(await freePort()) }, REPO_ROOT);
    await expect(startEmbeddedNeo4j(config.neo4j.embedded, REPO_ROOT, logger)).rejects.toThrow(
      'JAVA_HOME=/nonexistent-jdk has no bin/java. Point JAVA_HOME at a JDK 17.',
    );
  });

  it('stops the process with one readable line on a wrong configuration value', () => {
    const main = path.join(REPO_ROOT, 'dist', 'src', 'main.js');
    expect(fs.existsSync(main)).toBe(true);
    const run = spawnSync(process.execPath, [main], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('geocoop-graph: Invalid configuration: PORT="eighty" — expected a number.\n');
  });
});
