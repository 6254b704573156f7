import { randomUUID } from 'node:crypto';
import { createRequestContext } from '../../src/graphql/context';
import type { StatementEvent } from '../../src/db/statementObserver';
import type { RunningServer } from '../../src/server';

type Result = { data?: any; errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }> };

/** Runs an operation in-process (no HTTP) and returns data and errors, failing on an incremental result. */
export async function execute(server: RunningServer, query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  return (await executeObserved(server, query, variables)).result;
}

/** Like `execute`, also returning the statements the operation sent to Neo4j (from the runner's observer). */
export async function executeObserved(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ result: Result; statements: StatementEvent[] }> {
  const requestId = `test-${randomUUID()}`;
  const statements: StatementEvent[] = [];
  const stop = server.database.cypher.observers.observe((event) => {
    if (event.requestId === requestId) statements.push(event);
  });
  try {
    const response = await server.apollo.executeOperation(
      { query, variables },
      { contextValue: createRequestContext({ runner: server.database.cypher, logger: server.logger, budgetMs: server.config.queryTimeoutMs, requestId }) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { result: response.body.singleResult as Result, statements };
  } finally {
    stop();
  }
}
