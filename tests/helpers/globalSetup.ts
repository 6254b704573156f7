import { loadConfig } from '../../src/config';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { openDatabase } from '../../src/db/database';
import { applyMigrations } from '../../src/db/migrations';
import { createLogger } from '../../src/logger';
import { seedIfEmpty } from '../../src/seed/seedIfEmpty';
import { freePort, REPO_ROOT, tempDataDir, TEST_NEO4J_ENV } from './testNeo4j';

declare global {
  var __GEOCOOP_TEST_NEO4J__: { neo4j: EmbeddedNeo4j; dataDir: string } | undefined;
}

/**
 * Starts one throwaway Neo4j for the whole run (own port, own data directory), migrated and seeded.
 * Idempotent: the integration and e2e projects both name it, and share the first instance.
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__GEOCOOP_TEST_NEO4J__) return;

  const dataDir = tempDataDir('test-neo4j');
  const logger = createLogger({ logLevel: 'warn' });
  const boltPort = await freePort();
  const config = loadConfig(
    { NODE_ENV: 'test', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), NEO4J_PAGECACHE_MB: '256', NEO4J_HEAP_MB: '1536' },
    REPO_ROOT,
  );
  const neo4j = await startEmbeddedNeo4j(config.neo4j.embedded, REPO_ROOT, logger);
  globalThis.__GEOCOOP_TEST_NEO4J__ = { neo4j, dataDir };
  process.env[TEST_NEO4J_ENV] = neo4j.uri;

  const database = await openDatabase({ ...config, neo4j: { ...config.neo4j, uri: neo4j.uri } }, logger);
  try {
    await applyMigrations(database.library, database.cypher, logger);
    await seedIfEmpty(REPO_ROOT, database.cypher, logger);
  } finally {
    await database.close();
  }
}
