import fs from 'node:fs';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { applyMigrations } from '../../src/db/migrations';
import { LIMITS } from '../../src/limits';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server';
import { generateSyntheticGraph } from '../../src/synthetic';
import { executeObserved } from '../helpers/testGraph';
import { freePort, REPO_ROOT, tempDataDir } from '../helpers/testNeo4j';
import { postGraphql, startTestServer } from '../helpers/testServer';

/** Operations no public API should run: each is refused before any Cypher, or answered quickly. */
const DEEP_MAXIMUM_PAGES = `{ organizations(first: 100) { nodes { relationships(first: 100) { nodes { node {
  relationships(first: 100) { nodes { node { label } } } } } } } } }`;
const FIVE_HUNDRED_ALIASES = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: about { name }`).join(' ')} }`;
const ALIASED_TYPENAMES = `{ ${Array.from({ length: 500 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
const FRAGMENT_FAN_OUT = `{ organizations(first: 100) { nodes { ...F0 } } }
${Array.from({ length: 12 }, (_, i) => (i === 11 ? `fragment F${i} on Organization { name }` : `fragment F${i} on Organization { ...F${i + 1} ...F${i + 1} ...F${i + 1} }`)).join('\n')}`;
const DEEP_NESTING = `{ organizations(first: 1) { nodes { ${'parentOrganizations(first: 1) { nodes { '.repeat(12)}name${' } }'.repeat(12)} } } }`;
const NESTED_INTROSPECTION = '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }';
const MANY_ROOT_FIELDS = `{ ${Array.from({ length: LIMITS.cost.maxRootFields + 1 }, (_, i) => `r${i}: about { name }`).join(' ')} }`;
const MANY_DIRECTIVES = `{ about { ${Array.from({ length: LIMITS.cost.maxDirectives + 1 }, () => 'name @include(if: true)').join(' ')} } }`;

const BOMBS: Record<string, string> = {
  'deep nesting of maximum pages': DEEP_MAXIMUM_PAGES,
  '500 aliases': FIVE_HUNDRED_ALIASES,
  '500 aliased __typename': ALIASED_TYPENAMES,
  'fragment fan-out': FRAGMENT_FAN_OUT,
  'nesting past the depth limit': DEEP_NESTING,
  'nested introspection': NESTED_INTROSPECTION,
  'too many root fields': MANY_ROOT_FIELDS,
  'too many directives': MANY_DIRECTIVES,
};

function expectNoLeak(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/stacktrace|\bat .*\.(js|ts):\d+|\bMATCH\b|\bRETURN\b|neo4j:\/\/|bolt:\/\//);
}

describe('cost limits on the seeded graph', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reports the requested and actual cost of every answered query, and the limit', async () => {
    const { status, body } = await postGraphql(server.url, '{ countries(first: 5) { nodes { name } } }');
    expect(status).toBe(200);
    expect(body.data.countries.nodes).toHaveLength(5);
    expect((body as any).extensions.cost).toEqual({ requested: 1 + 5, limit: LIMITS.cost.maxCost, actual: 1 + 5 });
  });

  it('costs an operation anew when a size or directive variable changes, and the same whatever its other variables', async () => {
    const query = 'query($first: Int, $name: String, $deep: Boolean!) { countries(first: $first, filter: { nameContains: $name }) { nodes { name } } themes @include(if: $deep) { nodes { name } } }';
    const requested = async (variables: Record<string, unknown>) => ((await postGraphql(server.url, query, variables)).body as any).extensions.cost.requested;
    expect(await requested({ first: 5, name: 'a', deep: false })).toBe(1 + 5);
    expect(await requested({ first: 5, name: 'b', deep: false })).toBe(1 + 5);
    expect(await requested({ first: 7, name: 'b', deep: false })).toBe(1 + 7);
    expect(await requested({ first: 7, name: 'b', deep: true })).toBe(1 + 7 + 1 + LIMITS.page.default);
  });

  it('reports a smaller actual cost when a page is not full', async () => {
    const { body } = await postGraphql(server.url, '{ themes(first: 100, filter: { nameContains: "zzzz-no-such-theme" }) { nodes { name } } }');
    expect(body.data.themes.nodes).toEqual([]);
    expect((body as any).extensions.cost).toMatchObject({ requested: 1 + 100, actual: 1 });
  });

  it('refuses a query over the cost limit with QUERY_TOO_COMPLEX and HTTP 400, naming the limit and the cost', async () => {
    const { status, body } = await postGraphql(server.url, DEEP_MAXIMUM_PAGES);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: LIMITS.cost.maxCost });
    expect(error.extensions!.requested as number).toBeGreaterThan(LIMITS.cost.maxCost);
    expect(error.message).toContain(String(error.extensions!.requested));
    expectNoLeak(body);
  });

  it.each([
    ['depth', DEEP_NESTING],
    ['aliases', FIVE_HUNDRED_ALIASES],
    ['rootFields', MANY_ROOT_FIELDS],
    ['directives', MANY_DIRECTIVES],
  ])('refuses an operation over the %s limit, naming it', async (limit, query) => {
    const { status, body } = await postGraphql(server.url, query);
    expect({ status, message: body.errors![0].message }).toMatchObject({ status: 400, message: expect.stringContaining(`(${limit})`) });
    expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    expect(body.errors![0].extensions!.requested as number).toBeGreaterThan(body.errors![0].extensions!.maximum as number);
  });

  it.each(Object.entries(BOMBS))('refuses %s before any Cypher runs', async (_name, query) => {
    const { result, statements } = await executeObserved(server, query);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions?.code).toMatch(/^(QUERY_TOO_COMPLEX|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/);
    expect(statements).toEqual([]);
    expectNoLeak(result);
  });

  it('takes its limits from configuration', async () => {
    const strict = await startTestServer({ QUERY_MAX_COST: '5', QUERY_MAX_DEPTH: '2' });
    try {
      const overCost = await postGraphql(strict.url, '{ nodes(ids: ["a", "b", "c", "d", "e", "f"]) { id } }');
      expect(overCost.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 5, requested: 6 });
      const tooDeep = await postGraphql(strict.url, '{ countries(first: 1) { nodes { name } } }');
      expect(tooDeep.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', maximum: 2, requested: 3 });
    } finally {
      await strict.stop();
    }
  });
});

/**
 * The hostile checks on a synthetic graph in a Neo4j of its own (20 000 nodes, as the plans test: enough for
 * hubs with thousands of relationships), against one server in development and one in production mode.
 * `HOSTILE_GRAPH_NODES=100000` runs them on the benchmark's size (README, "Cost limits").
 */
const HOSTILE_GRAPH_NODES = Number(process.env.HOSTILE_GRAPH_NODES ?? 20_000);
describe('cost bombs on the synthetic graph', () => {
  const logger = createLogger({ logLevel: 'silent' });
  const servers: Record<string, RunningServer> = {};
  let dataDir: string | undefined;
  let neo4j: EmbeddedNeo4j | undefined;

  beforeAll(async () => {
    dataDir = tempDataDir('cost-synthetic');
    const base = { LOG_LEVEL: 'silent', PORT: '0', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_PAGECACHE_MB: '128', NEO4J_HEAP_MB: '512', QUERY_TIMEOUT_MS: '30000' };
    neo4j = await startEmbeddedNeo4j(loadConfig(base, REPO_ROOT).neo4j.embedded, REPO_ROOT, logger);
    const withNeo4j = { ...base, NEO4J_URI: neo4j.uri, SEED_ON_EMPTY: 'false' };
    const database = await openDatabase(loadConfig(withNeo4j, REPO_ROOT), logger);
    try {
      await applyMigrations(database.library, database.cypher, logger);
      await generateSyntheticGraph(database.cypher, { nodes: HOSTILE_GRAPH_NODES, seed: 12 });
    } finally {
      await database.close();
    }
    for (const mode of ['development', 'production']) servers[mode] = await startServer(loadConfig({ ...withNeo4j, NODE_ENV: mode }, REPO_ROOT), logger);
  }, 600_000);

  afterAll(async () => {
    for (const server of Object.values(servers)) await server.stop();
    await neo4j?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const cases = ['development', 'production'].flatMap((mode) => Object.entries(BOMBS).map(([name, query]) => [mode, name, query] as const));

  it.each(cases)('in %s mode, refuses %s within 1 s before any Cypher runs, with a code and no stack trace or Cypher', async (mode, _name, query) => {
    const server = servers[mode];
    const started = Date.now();
    const { status, body } = await postGraphql(server.url, query);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toMatch(/^(QUERY_TOO_COMPLEX|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/);
    expectNoLeak(body);
    const { statements } = await executeObserved(server, query);
    expect(statements).toEqual([]);
  });

  it('answers a large query well inside the cost limit within 1 s once its statements are planned', async () => {
    const query = '{ organizations(first: 100) { nodes { name memberCountries(first: 20) { nodes { name } } } } }';
    const server = servers.production;
    await postGraphql(server.url, query);
    const started = Date.now();
    const { status, body } = await postGraphql(server.url, query);
    const elapsed = Date.now() - started;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect((body as any).extensions.cost.requested).toBe(1 + 100 * (1 + 1 + 20));
    expect(elapsed).toBeLessThan(1000);
  });
});
