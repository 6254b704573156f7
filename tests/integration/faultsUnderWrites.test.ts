import fs from 'node:fs';
import { loadConfig } from '../../src/config';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server';
import { bearer, issueApiKey } from '../helpers/credentials';
import { freePort, REPO_ROOT, tempDataDir } from '../helpers/testNeo4j';

/**
 * Neo4j stopped and started again under 8 clients that read and write, on a seeded Neo4j of its own: every
 * answer has a JSON body and a code, every acknowledged write is there afterwards, none is there by halves.
 * And a write that runs past the operation's deadline is stopped inside Neo4j and answered QUERY_TIMEOUT.
 */

const logger = createLogger({ logLevel: 'silent' });
const CGS_SOURCE = { source: 'cgs-intl-exchange', quote: 'CGS has signed cooperation agreements with 36 countries', confidence: 'HIGH' };
const CREATE = `mutation Create($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { key } userErrors { code } }
}`;
const READ = 'query Read($first: Int) { organizations(first: $first) { totalCount nodes { key } } }';
const CLIENTS = 8;

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  text: string;
}

async function send(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}

describe('Neo4j stopped and restarted under reads and writes', () => {
  const dataDir = tempDataDir('faults-writes');
  let boltPort: number;
  let neo4j: EmbeddedNeo4j | undefined;
  let server: RunningServer | undefined;
  let timeoutServer: RunningServer | undefined;
  let token: string;
  const embeddedConfig = () =>
    loadConfig({ NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), NEO4J_PAGECACHE_MB: '64', NEO4J_HEAP_MB: '512' }, REPO_ROOT).neo4j.embedded;

  beforeAll(async () => {
    boltPort = await freePort();
    neo4j = await startEmbeddedNeo4j(embeddedConfig(), REPO_ROOT, logger);
    // The API key cache outlives the outage, as it would for a client that was already calling.
    server = await startServer(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', NEO4J_URI: neo4j.uri, QUERY_TIMEOUT_MS: '10000', API_KEY_CACHE_TTL_MS: '600000' }, REPO_ROOT));
    token = await issueApiKey(server.database, 'editor', 'fault clients');
  }, 300_000);
  afterAll(async () => {
    await timeoutServer?.stop();
    await server?.stop();
    await neo4j?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops a write that outlives its deadline inside Neo4j and answers QUERY_TIMEOUT, leaving nothing half-written', async () => {
    timeoutServer = await startServer(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', NEO4J_URI: neo4j!.uri, QUERY_TIMEOUT_MS: '1500' }, REPO_ROOT));
    const read = await send(timeoutServer.url, token, '{ organization(key: "cgs") { id version } }', {});
    const { id, version } = read.body.data.organization;

    // Another transaction holds CGS's write lock, so the update waits in Neo4j until its transaction timeout ends it.
    const holder = server!.database.driver.session();
    const lock = holder.beginTransaction();
    await lock.run(`MATCH (o:Organization {key: 'cgs'}) SET o.lockedByTest = true`);
    try {
      const started = Date.now();
      const update = await send(timeoutServer.url, token, `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { version } userErrors { code } } }`, {
        input: { id, expectedVersion: version, set: { website: 'https://example.org/never-written' }, provenance: CGS_SOURCE },
      });
      const took = Date.now() - started;
      expect(update.body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TIMEOUT', timeoutMs: expect.any(Number) } });
      expect(update.text).not.toMatch(/stacktrace|\n\s+at /);
      expect(took).toBeLessThan(10_000);

      // Neo4j no longer runs it: no transaction of the request is left, while the lock holder's still is.
      const requestId = (update.body.errors![0].extensions as { requestId?: string }).requestId;
      const check = server!.database.driver.session();
      try {
        const transactions = await check.run('SHOW TRANSACTIONS YIELD metaData RETURN metaData');
        const ids = transactions.records.map((record) => (record.get('metaData') as { requestId?: string }).requestId);
        expect(ids).not.toContain(requestId);
      } finally {
        await check.close();
      }
    } finally {
      await lock.rollback();
      await holder.close();
    }
    const after = await send(timeoutServer.url, token, '{ organization(key: "cgs") { version website history { totalCount } } }', {});
    expect(after.body.data.organization.version).toBe(version);
    expect(after.body.data.organization.website).not.toBe('https://example.org/never-written');
  });

  it('answers DATABASE_UNAVAILABLE with a code while Neo4j is down, recovers within 5 s, and keeps every acknowledged write whole', async () => {
    const url = server!.url;
    const acknowledged: string[] = [];
    const attempted: string[] = [];
    const answers: Answer[] = [];
    const transportFailures: string[] = [];
    let running = true;

    const client = async (clientId: number) => {
      for (let i = 0; running; i += 1) {
        try {
          if (i % 2 === 0) {
            const key = `fault-org-${clientId}-${i}`;
            attempted.push(key);
            const answer = await send(url, token, CREATE, { input: { key, fields: { name: `Fault Test Organization ${clientId} ${i}` }, provenance: CGS_SOURCE } });
            answers.push(answer);
            if (!answer.body.errors && answer.body.data?.createOrganization?.userErrors.length === 0) acknowledged.push(key);
          } else {
            answers.push(await send(url, token, READ, { first: 1 + (i % 20) }));
          }
        } catch (error) {
          transportFailures.push(String(error));
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, id) => client(id));
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    await pause(3_000);
    const beforeOutage = acknowledged.length;
    await neo4j!.stop();
    neo4j = undefined;
    const answersBeforeDown = answers.length;
    await pause(3_000);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(503);
    const duringOutage = answers.slice(answersBeforeDown);

    neo4j = await startEmbeddedNeo4j(embeddedConfig(), REPO_ROOT, logger);
    const restartedAt = Date.now();
    let recoveredAt: number | undefined;
    while (Date.now() - restartedAt < 30_000) {
      const probe = await send(url, token, READ, { first: 1 }).catch(() => undefined);
      if (probe && !probe.body.errors) {
        recoveredAt = Date.now();
        break;
      }
      await pause(100);
    }
    await pause(2_000);
    running = false;
    await Promise.all(clients);

    // Every answer: JSON with data or coded errors; no 5xx without a code; no stack trace or Cypher text.
    expect(transportFailures).toEqual([]);
    for (const answer of answers) {
      for (const error of answer.body.errors ?? []) expect(['DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT']).toContain(error.extensions?.code);
      if (answer.status >= 500) expect(answer.body.errors?.[0]?.extensions?.code).toBeDefined();
      expect(answer.text).not.toMatch(/stacktrace|\n\s+at |MATCH \(|Neo4jError/);
    }
    expect(duringOutage.length).toBeGreaterThan(CLIENTS);
    expect(duringOutage.every((answer) => answer.body.errors?.[0]?.extensions?.code === 'DATABASE_UNAVAILABLE')).toBe(true);
    expect(beforeOutage).toBeGreaterThan(0);
    expect(recoveredAt).toBeDefined();
    expect(recoveredAt! - restartedAt).toBeLessThan(5_000);
    expect(acknowledged.length).toBeGreaterThan(beforeOutage);

    // Every acknowledged write is stored with its change; no attempted one is stored without its change, or the reverse.
    const session = server!.database.driver.session();
    try {
      const stored = await session.run(
        `UNWIND $keys AS key
         OPTIONAL MATCH (o:Organization {key: key})
         OPTIONAL MATCH (c:Change {targetUid: 'Organization:' + key, operation: 'CREATE'})
         RETURN key, o IS NOT NULL AS node, count(c) AS changes`,
        { keys: attempted },
      );
      const state = new Map(stored.records.map((record) => [record.get('key') as string, { node: record.get('node') as boolean, changes: Number(record.get('changes')) }]));
      for (const key of acknowledged) expect({ key, ...state.get(key) }).toEqual({ key, node: true, changes: 1 });
      for (const key of attempted) {
        const { node, changes } = state.get(key)!;
        expect({ key, whole: node ? changes === 1 : changes === 0 }).toEqual({ key, whole: true });
      }
    } finally {
      await session.close();
    }
  }, 400_000);
});
