import fs from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import type { Principal, Role, Viewer } from '../../src/auth/viewer';
import { loadConfig } from '../../src/config';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { createRequestContext } from '../../src/graphql/context';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server';
import { freePort, REPO_ROOT, tempDataDir } from './testNeo4j';

/**
 * A seeded graph in a Neo4j of its own, for tests that write: the run's shared Neo4j stays as the seed left
 * it for every read test, whatever order the files run in.
 */
export interface OwnGraph {
  server: RunningServer;
  stop(): Promise<void>;
}

export async function startOwnGraph(name: string, overrides: NodeJS.ProcessEnv = {}): Promise<OwnGraph> {
  const dataDir = tempDataDir(`${name}-neo4j`);
  const logger = createLogger({ logLevel: 'warn' });
  const neo4jConfig = loadConfig({ NODE_ENV: 'test', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_PAGECACHE_MB: '128', NEO4J_HEAP_MB: '768' }, REPO_ROOT);
  const neo4j: EmbeddedNeo4j = await startEmbeddedNeo4j(neo4jConfig.neo4j.embedded, REPO_ROOT, logger);
  try {
    const server = await startServer(
      loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', NEO4J_URI: neo4j.uri, QUERY_TIMEOUT_MS: '30000', ...overrides }, REPO_ROOT),
    );
    return {
      server,
      async stop() {
        await server.stop();
        await neo4j.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}

export function principal(role: Role, name = `test ${role}`): Principal {
  return { kind: 'principal', id: `test:${name.replace(/\s+/g, '-')}`, name, role, via: 'api-key' };
}

type Result = { data?: any; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };

/** Runs an operation in-process as `viewer` (credentials are checked by the HTTP tests of src/auth). */
export async function executeAs(server: RunningServer, viewer: Viewer, query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const context = createRequestContext({ runner: server.database.cypher, logger: server.logger, budgetMs: server.config.queryTimeoutMs, requestId: `test-${randomUUID()}`, viewer });
  const response = await server.apollo.executeOperation({ query, variables }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

/**
 * Everything stored — every node and relationship with its labels, type and properties — as one digest. API keys
 * are left out: using one records its `lastUsedAt`, which is credential bookkeeping, not the graph.
 */
export async function graphFingerprint(server: RunningServer): Promise<{ nodes: number; relationships: number; digest: string }> {
  const session = server.database.driver.session();
  try {
    const nodes = await session.run('MATCH (n) WHERE NOT n:ApiKey WITH n ORDER BY elementId(n) RETURN collect([labels(n), properties(n)]) AS all, count(n) AS count');
    const rels = await session.run('MATCH ()-[r]->() WITH r ORDER BY elementId(r) RETURN collect([type(r), properties(r), startNode(r).uid, endNode(r).uid]) AS all, count(r) AS count');
    const text = JSON.stringify([nodes.records[0].get('all'), rels.records[0].get('all')]);
    return {
      nodes: Number(nodes.records[0].get('count')),
      relationships: Number(rels.records[0].get('count')),
      digest: createHash('sha256').update(text).digest('hex'),
    };
  } finally {
    await session.close();
  }
}
