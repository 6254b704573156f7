import fs from 'node:fs';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { applyMigrations } from '../../src/db/migrations';
import { toGlobalId } from '../../src/data/globalId';
import { ISO_ALPHA2_CODES } from '../../src/graph/countryCodes';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server';
import {
  buildSyntheticPlan,
  generateSyntheticGraph,
  planChecksum,
  planCounts,
  structureChecksum,
  syntheticHubUid,
  syntheticPairs,
  SYNTHETIC_SOURCE_KEY,
  type GenerateReport,
} from '../../src/synthetic';
import { freePort, REPO_ROOT, tempDataDir } from '../helpers/testNeo4j';
import { postGraphql } from '../helpers/testServer';

/**
 * The server at scale: a second, throwaway Neo4j (own port, own data directory) holding only the synthetic
 * graph (100 000 nodes, no seed), and the GraphQL server over it. Graph walks must agree with Neo4j's own
 * algorithms and keep their caps on hubs; generation must be reproducible.
 */
const OPTIONS = { nodes: 100_000, seed: 42 };
// Generous: writing 100 000 nodes with their sort-key and full-text index entries takes about a minute on a quiet
// two-core machine, several under load.
const SETUP_TIMEOUT_MS = 600_000;

describe('the synthetic graph (100 000 nodes) in its own Neo4j', () => {
  const logger = createLogger({ logLevel: 'warn' });
  let dataDir: string | undefined;
  let neo4j: EmbeddedNeo4j | undefined;
  let server: RunningServer | undefined;
  let report: GenerateReport;

  beforeAll(async () => {
    dataDir = tempDataDir('synthetic-neo4j');
    const boltPort = await freePort();
    const neo4jConfig = loadConfig(
      // The server-side transaction ceiling derives from the query budget: the checks below scan all 100 000 nodes.
      { NODE_ENV: 'test', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), NEO4J_PAGECACHE_MB: '512', NEO4J_HEAP_MB: '1536', QUERY_TIMEOUT_MS: '30000' },
      REPO_ROOT,
    );
    neo4j = await startEmbeddedNeo4j(neo4jConfig.neo4j.embedded, REPO_ROOT, logger);

    const database = await openDatabase({ ...neo4jConfig, neo4j: { ...neo4jConfig.neo4j, uri: neo4j.uri } }, logger);
    try {
      await applyMigrations(database.library, database.cypher, logger);
      report = await generateSyntheticGraph(database.cypher, OPTIONS);
    } finally {
      await database.close();
    }

    server = await startServer(
      // One deadline covers a whole operation; cold aggregates over 100,000 nodes on a 2-core CI machine need more
      // than the 5 s default (as the tests' shared configuration allows, see tests/helpers/testConfig.ts).
      loadConfig({ NEO4J_URI: neo4j.uri, PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false', QUERY_TIMEOUT_MS: '30000' }, REPO_ROOT),
    );
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    // Each step on its own: a failed start still stops whatever did start, and the data goes.
    await server?.stop().catch(() => undefined);
    await neo4j?.stop().catch(() => undefined);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function cypher(statement: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, any>>> {
    const session = server!.database.driver.session({ defaultAccessMode: 'READ' });
    try {
      return (await session.run(statement, params)).records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  }

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const { status, body } = await postGraphql(server!.url, query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data;
  }

  describe('generation', () => {
    it('wrote at least 100 000 nodes, all labelled, keyed and sourced as synthetic, with the derived properties', async () => {
      expect(report.nodes).toBe(OPTIONS.nodes);
      const [stored] = await cypher(
        `MATCH (n:Synthetic)
         RETURN count(n) AS nodes,
                count(CASE WHEN n:Entity AND n.synthetic = true
                                 AND (n.key STARTS WITH 'syn-' OR (n:Country AND n.key IN $codes))
                                 AND n.uid = head([l IN labels(n) WHERE NOT l IN ['Entity', 'Synthetic']]) + ':' + n.key
                                 AND n.lookupText IS NOT NULL AND n.sortName IS NOT NULL AND n.sortCode = n.key
                                 AND n.sourceKeys = [$source] AND n.provenance CONTAINS $source THEN 1 END) AS wellFormed`,
        { source: SYNTHETIC_SOURCE_KEY, codes: ISO_ALPHA2_CODES },
      );
      expect(Number(stored.nodes)).toBeGreaterThanOrEqual(100_000);
      expect(Number(stored.wellFormed)).toBe(Number(stored.nodes));
      const [source] = await cypher('MATCH (s:Source:Synthetic {key: $key}) RETURN s.title AS title', { key: SYNTHETIC_SOURCE_KEY });
      expect(source.title).toMatch(/synthetic/i);
      const [rels] = await cypher(
        `MATCH (:Synthetic)-[r]->(:Synthetic)
         RETURN count(r) AS relationships,
                count(CASE WHEN r.synthetic = true AND r.id IS NOT NULL AND r.sourceKeys = [$source] THEN 1 END) AS wellFormed,
                count(DISTINCT type(r) + '|' + r.id) AS distinctIds`,
        { source: SYNTHETIC_SOURCE_KEY },
      );
      expect(Number(rels.relationships)).toBe(report.relationships);
      expect(Number(rels.wellFormed)).toBe(report.relationships);
      expect(Number(rels.distinctIds)).toBe(report.relationships);
    });

    it('keys the countries by every ISO 3166-1 alpha-2 code, which the API serves through its CountryCode scalar', async () => {
      const keys = (await cypher('MATCH (c:Country:Synthetic) RETURN c.key AS key ORDER BY key')).map((row) => String(row.key));
      expect(keys).toEqual([...ISO_ALPHA2_CODES]);
      const data = await graphql(`{ china: country(code: "cn") { code name }
        countries(first: 100) { totalCount nodes { code } } }`);
      expect(data.china.code).toBe('CN');
      expect(data.countries.totalCount).toBe(ISO_ALPHA2_CODES.length);
      expect(data.countries.nodes.every((node: any) => ISO_ALPHA2_CODES.includes(node.code))).toBe(true);
    });

    it('sorts every label the same by raw name as by the stored sortName, in Neo4j itself', async () => {
      const order = async (property: 'name' | 'sortName') => {
        const rows = await cypher(
          `MATCH (n:Synthetic)
           WITH n, head([l IN labels(n) WHERE NOT l IN ['Entity', 'Synthetic']]) AS label
           ORDER BY n[$property]
           RETURN label, collect(n.uid) AS uids`,
          { property },
        );
        return Object.fromEntries(rows.map((row) => [String(row.label), row.uids as string[]]));
      };
      const [byName, bySortName] = [await order('name'), await order('sortName')];
      // The source has a title and no name: every other label sorts by name.
      delete byName.Source;
      delete bySortName.Source;
      expect(Object.keys(byName).sort()).toHaveLength(11);
      for (const label of Object.keys(byName)) expect([label, bySortName[label]]).toEqual([label, byName[label]]);
    });

    it('stored exactly the plan of its seed: same counts per label and type, same structure checksum', async () => {
      const labels = await cypher(
        `MATCH (n:Synthetic) UNWIND [l IN labels(n) WHERE NOT l IN ['Entity', 'Synthetic']] AS label
         RETURN label, count(*) AS count`,
      );
      const types = await cypher('MATCH (:Synthetic)-[r]->(:Synthetic) RETURN type(r) AS type, count(*) AS count');
      const replanned = buildSyntheticPlan(OPTIONS);
      const expected = planCounts(replanned);
      expect(Object.fromEntries(labels.map((row) => [row.label, Number(row.count)]))).toEqual(expected.labels);
      expect(Object.fromEntries(types.map((row) => [row.type, Number(row.count)]))).toEqual(expected.types);
      expect(report.labels).toEqual(expected.labels);
      expect(report.types).toEqual(expected.types);

      const uids = (await cypher('MATCH (n:Synthetic) RETURN n.uid AS uid')).map((row) => String(row.uid));
      const rels = (await cypher('MATCH (a:Synthetic)-[r]->(b:Synthetic) RETURN type(r) AS type, a.uid AS source, b.uid AS target')).map(
        (row) => [String(row.type), String(row.source), String(row.target)] as const,
      );
      const stored = structureChecksum(uids, rels);
      expect(stored).toBe(planChecksum(replanned));
      expect(stored).toBe(report.checksum);
      expect(planChecksum(buildSyntheticPlan({ ...OPTIONS, seed: OPTIONS.seed + 1 }))).not.toBe(stored);
    });

    it('refuses to write a second synthetic graph over the first unless asked to replace it', async () => {
      await expect(generateSyntheticGraph(server!.database.cypher, OPTIONS)).rejects.toThrow(/already holds 100000 synthetic nodes/);
    });

    it('refuses, before deleting anything, a database that holds a real (non-synthetic) country', async () => {
      // XK: a code no synthetic country takes (user-assigned, not official), so no constraint stands in the way.
      const write = (statement: string) => server!.database.driver.executeQuery(statement, {}, { routing: 'WRITE' });
      await write(`CREATE (:Entity:Country {key: 'XK', uid: 'Country:XK', name: 'Real Country From A Seed'})`);
      try {
        const attempt = generateSyntheticGraph(server!.database.cypher, { ...OPTIONS, replace: true });
        await expect(attempt).rejects.toThrow(/^Refusing to write the synthetic graph: the database holds 1 non-synthetic Country nodes[^\n]*$/);
        const [{ nodes }] = await cypher('MATCH (n:Synthetic) RETURN count(n) AS nodes');
        expect(Number(nodes)).toBe(OPTIONS.nodes);
      } finally {
        await write(`MATCH (c:Country {uid: 'Country:XK'}) WHERE NOT c:Synthetic DELETE c`);
      }
    });
  });

  describe('shortestPath', () => {
    const PATH = `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id key } } }`;

    it('finds paths as long as Neo4j’s own shortestPath for ten deterministic pairs', async () => {
      const pairs = syntheticPairs(OPTIONS, 10);
      const lengths: Array<[number | null, number | null]> = [];
      for (const [from, to] of pairs) {
        const [direct] = await cypher(
          `MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to})
           OPTIONAL MATCH p = shortestPath((a)-[*..6]-(b))
           RETURN length(p) AS length`,
          { from, to },
        );
        const { shortestPath } = await graphql(PATH, { from, to });
        const expected = direct.length === null ? null : Number(direct.length);
        lengths.push([shortestPath?.length ?? null, expected]);
        if (shortestPath) {
          expect(shortestPath.nodes).toHaveLength(shortestPath.length + 1);
          expect(shortestPath.nodes[0].id).toBe(toGlobalId(from));
          expect(shortestPath.nodes.at(-1).id).toBe(toGlobalId(to));
        }
      }
      expect(lengths.map(([ours]) => ours)).toEqual(lengths.map(([, neo4js]) => neo4js));
      // The pairs are worth comparing: most are connected, over paths of several steps.
      expect(lengths.filter(([, length]) => length !== null && length >= 2).length).toBeGreaterThanOrEqual(8);
    });

    it('accepts the readable Label:key IDs on the synthetic graph', async () => {
      const [[from, to]] = syntheticPairs(OPTIONS, 1);
      const { shortestPath } = await graphql(PATH, { from, to });
      expect(shortestPath.nodes[0].key).toBe(from.split(':')[1]);
    });
  });

  describe('neighbourhood', () => {
    const SUBGRAPH = `query($id: ID!, $depth: Int, $limit: Int) {
      neighbourhood(id: $id, depth: $depth, limit: $limit) { center { id } nodes { id kind } edges { source target } truncated } }`;

    it('keeps to its node cap around the biggest hub and says it cut the result', async () => {
      const [{ degree }] = await cypher('MATCH (n:Entity {uid: $uid}) RETURN COUNT { (n)--() } AS degree', { uid: syntheticHubUid() });
      expect(Number(degree)).toBeGreaterThan(1_000);
      for (const [depth, limit] of [
        [1, 50],
        [2, 200],
        [3, 500],
      ]) {
        const { neighbourhood } = await graphql(SUBGRAPH, { id: syntheticHubUid(), depth, limit });
        expect(neighbourhood.nodes.length).toBeLessThanOrEqual(limit);
        expect(neighbourhood.nodes.length).toBe(limit);
        expect(neighbourhood.truncated).toBe(true);
        expect(neighbourhood.nodes[0].id).toBe(toGlobalId(syntheticHubUid()));
        const ids = new Set(neighbourhood.nodes.map((node: any) => node.id));
        expect(neighbourhood.edges.every((edge: any) => ids.has(edge.source) && ids.has(edge.target))).toBe(true);
      }
    });

    it('returns a small neighbourhood whole, as Neo4j counts it, and does not call it truncated', async () => {
      const uid = 'Person:syn-person-000007';
      const [{ neighbours }] = await cypher('MATCH (n:Entity {uid: $uid})--(m:Entity) RETURN count(DISTINCT m) AS neighbours', { uid });
      const { neighbourhood } = await graphql(SUBGRAPH, { id: uid, depth: 1, limit: 100 });
      expect(neighbourhood.nodes).toHaveLength(Number(neighbours) + 1);
      expect(neighbourhood.truncated).toBe(false);
    });
  });

  describe('relationship fields on a hub', () => {
    it('page through the hub’s relationships with cursors, counted as Neo4j counts them', async () => {
      const [{ degree }] = await cypher('MATCH (n:Entity {uid: $uid}) RETURN COUNT { (n)--(:Entity) } AS degree', { uid: syntheticHubUid() });
      expect(Number(degree)).toBeGreaterThan(500);
      const PAGE = `query($id: ID!, $after: String) { node(id: $id) { ... on Entity {
        relationships(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id type } } } } }`;
      const first = (await graphql(PAGE, { id: syntheticHubUid() })).node.relationships;
      expect(first.totalCount).toBe(Number(degree));
      expect(first.nodes).toHaveLength(100);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await graphql(PAGE, { id: syntheticHubUid(), after: first.pageInfo.endCursor })).node.relationships;
      expect(second.nodes).toHaveLength(100);
      const ids = new Set([...first.nodes, ...second.nodes].map((rel: any) => rel.id));
      expect(ids.size).toBe(200);
    });
  });

  describe('analytics at scale', () => {
    it('counts organizations per kind as Neo4j does and keeps the cooperation network to its limit', async () => {
      const expected = await cypher("MATCH (o:Organization) RETURN coalesce(o.kind, 'UNSPECIFIED') AS key, count(*) AS count");
      const { analytics } = await graphql(`{ analytics {
        countsBy(dimension: ORGANIZATION_KIND) { groups { key count } }
        rankedOrganizations(first: 3) { rank degree entity { id } }
        cooperationNetwork(kind: ORGANIZATION, limit: 10, itemsPerLink: 2) { truncated links { weight shared { count items { id } } } } } }`);
      expect(Object.fromEntries(analytics.countsBy.groups.map((g: any) => [g.key, g.count]))).toEqual(
        Object.fromEntries(expected.map((row) => [row.key, Number(row.count)])),
      );
      expect(analytics.rankedOrganizations[0].entity.id).toBe(toGlobalId(syntheticHubUid()));
      expect(analytics.cooperationNetwork.links).toHaveLength(10);
      expect(analytics.cooperationNetwork.truncated).toBe(true);
      expect(analytics.cooperationNetwork.links.every((l: any) => l.shared.every((s: any) => s.items.length <= 2))).toBe(true);
    });
  });
});
