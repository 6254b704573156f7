import { loadConfig, type AppConfig } from '../../src/config';
import { REPO_ROOT, testNeo4jUri } from './testNeo4j';

/**
 * A configuration pointing at the test run's Neo4j, with a random HTTP port. The operation budget is wider than
 * the default: on a cold JVM every new statement shape is planned on first use, and CI machines are slow.
 * The response cache is off unless a test turns it on: most tests repeat one anonymous query and count the
 * statements it runs, which a cached answer would not run.
 */
export function testConfig(overrides: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', NEO4J_URI: testNeo4jUri(), QUERY_TIMEOUT_MS: '30000', RESPONSE_CACHE: 'false', ...overrides },
    REPO_ROOT,
  );
}
