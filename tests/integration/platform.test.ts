import { version as packageVersion } from '../../package.json';
import neo4j from 'neo4j-driver';
import { CypherLibrary } from '../../src/db/cypherLibrary';
import { applyMigrations } from '../../src/db/migrations';
import { loadSeed } from '../../src/seed/loadSeed';
import { readSeedData } from '../../src/seed/seedData';
import type { RunningServer } from '../../src/server';
import { REPO_ROOT, testNeo4jUri } from '../helpers/testNeo4j';
import { postGraphql, startTestServer } from '../helpers/testServer';

describe('the platform over a real Neo4j', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('writes a node and reads it back through the driver (the database is real, not a mock)', async () => {
    const driver = neo4j.driver(testNeo4jUri());
    const marker = `platform-test-${Date.now()}`;
    try {
      await driver.executeQuery('CREATE (:PlatformProbe {marker: $marker})', { marker });
      const { records } = await driver.executeQuery('MATCH (p:PlatformProbe {marker: $marker}) RETURN p.marker AS marker', { marker });
      expect(records.map((record) => record.get('marker'))).toEqual([marker]);
    } finally {
      await driver.executeQuery('MATCH (p:PlatformProbe) DELETE p');
      await driver.close();
    }
  });

  it('gives every GraphQL request an id, keeps a client-sent one, and tags its statements with it', async () => {
    const seen: Array<{ requestId?: string; operationName?: string }> = [];
    const stop = server.database.cypher.observers.observe((event) => seen.push(event));
    try {
      const fresh = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ about { name } }' }) });
      expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const kept = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'dashboard-42' },
        body: JSON.stringify({ query: 'query AboutProbe { about { name } }' }),
      });
      expect(kept.headers.get('x-request-id')).toBe('dashboard-42');
      expect(seen).toContainEqual(expect.objectContaining({ requestId: 'dashboard-42', operationName: 'AboutProbe' }));
      const unsafe = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'a b;<script>' }, body: JSON.stringify({ query: '{ about { name } }' }) });
      expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      stop();
    }
  });

  it('answers /health and /ready with 200 once migrations are applied', async () => {
    const health = await fetch(`${server.url}/health`);
    const ready = await fetch(`${server.url}/ready`);
    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers `about` with the version read from Neo4j itself', async () => {
    const { status, body } = await postGraphql(server.url, '{ about { name neo4jVersion neo4jEdition serverVersion } }');
    expect(status).toBe(200);
    expect(body.data.about.neo4jVersion).toMatch(/^5\.26\.\d+$/);
    expect(body.data.about.neo4jEdition).toBe('community');
    expect(body.data.about.serverVersion).toBe(packageVersion);
  });

  it('applies each migration once: a second run applies nothing', async () => {
    const library = CypherLibrary.load(`${REPO_ROOT}/cypher`);
    const report = await applyMigrations(library, server.database.cypher, server.logger);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toEqual(library.names().filter((n) => n.startsWith('migrations/')).map((n) => n.slice(11)));
  });

  it('loads the seed idempotently: loading it again changes no count', async () => {
    const counts = async () => {
      const { records } = await server.database.driver.executeQuery(
        'MATCH (n:Entity) WHERE NOT n:Synthetic WITH count(n) AS nodes MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS relationships',
      );
      return records[0].toObject();
    };
    const before = await counts();
    await loadSeed(readSeedData(REPO_ROOT), server.database.cypher, server.logger);
    expect(await counts()).toEqual(before);
  });

  it('refuses a plain browser-style GET of a mutation-free query without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ about { name } }')}`);
    expect(response.status).toBe(400);
  });

  it('answers a document of too many tokens with a 400 parse error, not a 500', async () => {
    const huge = `{ ${Array.from({ length: 1200 }, (_, i) => `a${i}: about { name }`).join(' ')} }`;
    const { status, body } = await postGraphql(server.url, huge);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a body over 100 kB with a JSON 413 error', async () => {
    const { status, body } = await postGraphql(server.url, `{ about { name } } # ${'x'.repeat(120_000)}`);
    expect(status).toBe(413);
    expect(body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED and no stack trace', async () => {
    const { status, body } = await postGraphql(server.url, '{ about { name ');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED', requestId: expect.any(String) });
  });
});
