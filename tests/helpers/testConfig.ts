import { loadConfig, type AppConfig } from '../../src/config';
import { REPO_ROOT, testNeo4jUri } from './testNeo4j';

/** A configuration pointing at the test run's Neo4j, with a random HTTP port. */
export function testConfig(overrides: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', NEO4J_URI: testNeo4jUri(), ...overrides },
    REPO_ROOT,
  );
}
