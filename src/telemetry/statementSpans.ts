import { SpanKind, type Tracer } from '@opentelemetry/api';
import type { StatementEvent, StatementObservers } from '../db/statementObserver';

/** Attribute keys of a Cypher statement's span; `db.*` are OpenTelemetry's database conventions, the rest ours. */
export const STATEMENT_ATTRIBUTES = {
  system: 'db.system',
  statement: 'geocoop.cypher.statement',
  rows: 'db.response.returned_rows',
  requestId: 'geocoop.request_id',
  operationName: 'graphql.operation.name',
} as const;

/**
 * One span per Cypher statement, made from the statement observer's event. Observers hear of a statement once it has
 * answered, so the span is made after the fact: it starts `ms` before now and ends now. It is made where the event is
 * raised — in the resolver that awaited the statement — so it joins that operation's trace.
 */
export function observeStatementSpans(observers: StatementObservers, tracer: Tracer): () => void {
  return observers.observe((event: StatementEvent) => {
    const end = Date.now();
    const span = tracer.startSpan(event.name, {
      kind: SpanKind.CLIENT,
      startTime: end - event.ms,
      attributes: {
        [STATEMENT_ATTRIBUTES.system]: 'neo4j',
        [STATEMENT_ATTRIBUTES.statement]: event.name,
        [STATEMENT_ATTRIBUTES.rows]: event.rows,
        ...(event.requestId === undefined ? {} : { [STATEMENT_ATTRIBUTES.requestId]: event.requestId }),
        ...(event.operationName === undefined ? {} : { [STATEMENT_ATTRIBUTES.operationName]: event.operationName }),
      },
    });
    span.end(end);
  });
}
