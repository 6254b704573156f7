import type { ApolloServerPlugin } from '@apollo/server';
import { Router } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { StatementObservers } from '../db/statementObserver';

/** Operation names come from clients: only this many distinct ones get their own series, the rest are `other`. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface Metrics {
  registry: Registry;
  /** Counts and times every GraphQL operation by name and outcome. */
  plugin(): ApolloServerPlugin;
  /** Counts and times every Cypher statement by name; returns the function that stops observing. */
  observeStatements(observers: StatementObservers): () => void;
  /** `GET /metrics` in the Prometheus text format. */
  router(): Router;
}

/** The process's metrics (prom-client), in a registry of its own so several servers in one process never mix. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations answered, by operation name, outcome (success or error) and first error code.',
    labelNames: ['operation', 'outcome', 'code'],
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to having its answer ready, by operation name and outcome.',
    labelNames: ['operation', 'outcome'],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const statements = new Counter({
    name: 'cypher_statements_total',
    help: 'Cypher statements sent to Neo4j, by the name of their file in cypher/.',
    labelNames: ['statement'],
    registers: [registry],
  });
  const statementSeconds = new Histogram({
    name: 'cypher_statement_duration_seconds',
    help: 'Time Neo4j took to answer a Cypher statement, by the name of its file in cypher/.',
    labelNames: ['statement'],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const seenOperations = new Set<string>();

  function operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (!seenOperations.has(name)) {
      if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
      seenOperations.add(name);
    }
    return name;
  }

  return {
    registry,
    plugin: () => ({
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ response, operationName }) {
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
            const outcome = errors?.length ? 'error' : 'success';
            const code = errors?.length ? String(errors[0].extensions?.code ?? 'UNKNOWN') : 'none';
            const operation = operationLabel(operationName);
            requests.inc({ operation, outcome, code });
            requestSeconds.observe({ operation, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
          },
        };
      },
    }),
    observeStatements: (observers) =>
      observers.observe((event) => {
        statements.inc({ statement: event.name });
        statementSeconds.observe({ statement: event.name }, event.ms / 1000);
      }),
    router: () => {
      const router = Router();
      router.get('/metrics', async (_req, res) => {
        res.setHeader('content-type', registry.contentType);
        res.send(await registry.metrics());
      });
      return router;
    },
  };
}
