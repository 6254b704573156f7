import path from 'node:path';

/** Where the test run's Neo4j is recorded for workers: globalSetup writes it, tests read it. */
export const TEST_NEO4J_ENV = 'GEOCOOP_TEST_NEO4J_URI';
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function testNeo4jUri(): string {
  const uri = process.env[TEST_NEO4J_ENV];
  if (!uri) throw new Error(`${TEST_NEO4J_ENV} is not set: run the integration tests through jest (globalSetup starts Neo4j).`);
  return uri;
}

export { freePort, tempDataDir } from '../../src/db/scratch';
