import { startServer, type RunningServer } from '../../src/server';
import { testConfig } from './testConfig';

/** A real HTTP server on a random port over the test run's Neo4j. */
export async function startTestServer(overrides: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  return startServer(testConfig(overrides));
}

/** POSTs one GraphQL operation over real HTTP (with extra request headers, e.g. `bearer(token)`) and returns the parsed body. */
export async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  headers: Headers;
}> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}
