import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { applyMigrations } from '../src/db/migrations';
import type { Logger } from '../src/logger';
import { generateSyntheticGraph, type GenerateReport } from '../src/synthetic';

/**
 * Writes the benchmark's graph into its throwaway Neo4j: the migrations (constraints, sort-key indexes), then
 * the deterministic synthetic graph of `{ nodes, seed }`, exactly as `npm run synthetic` writes it.
 */
export async function writeBenchGraph(
  uri: string,
  rootDir: string,
  options: { nodes: number; seed: number },
  logger: Logger,
  log: (line: string) => void,
): Promise<GenerateReport> {
  const database = await openDatabase(loadConfig({ NEO4J_URI: uri, NODE_ENV: 'test', LOG_LEVEL: 'silent' }, rootDir), logger);
  try {
    await applyMigrations(database.library, database.cypher, logger);
    const report = await generateSyntheticGraph(database.cypher, { ...options, onProgress: log });
    await assertSortKeys(database.driver);
    return report;
  } finally {
    await database.close();
  }
}

/**
 * For `--neo4j-uri`: the running database must hold exactly the synthetic graph of `{ nodes, seed }`, nothing
 * else (the seed's real entities would mix into every list).
 */
export async function assertBenchGraph(driver: Driver, options: { nodes: number }): Promise<void> {
  const { records } = await driver.executeQuery(
    'MATCH (n:Entity) RETURN count(n) AS all, count(CASE WHEN n:Synthetic THEN 1 END) AS synthetic',
  );
  const all = Number(records[0].get('all'));
  const synthetic = Number(records[0].get('synthetic'));
  if (all !== options.nodes || synthetic !== options.nodes) {
    throw new Error(`--neo4j-uri: the database holds ${all} entities, ${synthetic} synthetic; expected the synthetic graph of ${options.nodes} nodes alone.`);
  }
  await assertSortKeys(driver);
}

/**
 * Every list of our API sorts and seeks on the stored sort keys of src/graph/storedProperties.ts (`sortName`…),
 * and the hand-written Cypher seeks on them too: a graph without them would benchmark something else, so the
 * run stops here rather than measure it.
 */
async function assertSortKeys(driver: Driver): Promise<void> {
  const { records } = await driver.executeQuery('MATCH (n:Entity) WHERE n.sortName IS NULL RETURN count(n) AS missing');
  const missing = Number(records[0].get('missing'));
  if (missing > 0) throw new Error(`${missing} synthetic nodes have no stored sortName: the synthetic writer must store the sort keys.`);
}
