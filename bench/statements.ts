import pino from 'pino';
import { loadConfig } from '../src/config';
import type { StatementEvent } from '../src/db/statementObserver';
import { startServer } from '../src/server';
import type { BenchCase, CaseName } from './cases';
import { GraphqlClient } from './graphqlClient';

/**
 * Statements per operation of our server, for each case: a short pass of its own, because the timed server
 * is a child process whose statement observer we cannot reach. Here our server runs in this process
 * (startServer, against the same database), every request carries an `X-Request-Id`, and the observer
 * counts the statements that carry that id. Not timed.
 */
export interface StatementCount {
  mean: number;
  max: number;
  /** The statement names of the first input's operation, in order. */
  names: string[];
}

const INPUTS_PER_CASE = 20;

export async function countStatements(
  rootDir: string,
  neo4jUri: string,
  cases: BenchCase[],
): Promise<Partial<Record<CaseName, StatementCount | { error: string }>>> {
  // The server's error lines are kept (not printed): a failing operation is reported with its cause.
  const errorLines: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => void errorLines.push(line) });
  const server = await startServer(
    loadConfig({ NEO4J_URI: neo4jUri, HOST: '127.0.0.1', PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'error', SEED_ON_EMPTY: 'false' }, rootDir),
    logger,
  );
  const byRequest = new Map<string, StatementEvent[]>();
  const unobserve = server.database.cypher.observers.observe((event) => {
    if (event.requestId) byRequest.set(event.requestId, [...(byRequest.get(event.requestId) ?? []), event]);
  });
  const client = new GraphqlClient('ours (in-process)', `${server.url}/graphql`);
  const counts: Partial<Record<CaseName, StatementCount | { error: string }>> = {};
  try {
    for (const benchCase of cases) {
      const perOperation: string[][] = [];
      try {
        for (const [index, input] of benchCase.inputs.slice(0, INPUTS_PER_CASE).entries()) {
          const requestId = `bench-${benchCase.name}-${index}`;
          await client.post(benchCase.ours.query, benchCase.ours.variables(input), requestId);
          perOperation.push((byRequest.get(requestId) ?? []).map((event) => event.name));
        }
        const sizes = perOperation.map((names) => names.length);
        counts[benchCase.name] = {
          mean: Math.round((sizes.reduce((a, b) => a + b, 0) / sizes.length) * 100) / 100,
          max: Math.max(...sizes),
          names: perOperation[0],
        };
      } catch (error) {
        counts[benchCase.name] = { error: `${(error as Error).message} ${causeOf(errorLines.at(-1))}`.trim() };
      }
    }
  } finally {
    unobserve();
    client.close();
    await server.stop();
  }
  return counts;
}

/** The message of the server's last error line (its error id is all the client sees). */
function causeOf(line: string | undefined): string {
  if (!line) return '';
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
    return `(server: ${entry.err?.message ?? entry.msg ?? line})`;
  } catch {
    return `(server: ${line.slice(0, 200)})`;
  }
}
