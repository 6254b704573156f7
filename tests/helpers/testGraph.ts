import { createRequestContext } from '../../src/graphql/context';
import type { RunningServer } from '../../src/server';

/** Runs an operation in-process (no HTTP) and returns data and errors, failing on an incremental result. */
export async function execute(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: any; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }> {
  const response = await server.apollo.executeOperation(
    { query, variables },
    { contextValue: createRequestContext(server.database.cypher, server.config) },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as any;
}
