import type { ServerResponse } from 'node:http';
import { context, trace } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpGrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { core, NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, ConsoleSpanExporter, type SpanExporter } from '@opentelemetry/sdk-trace';
import type { TracingConfig } from '../config';
import type { StatementObservers } from '../db/statementObserver';
import { observeStatementSpans, STATEMENT_ATTRIBUTES } from './statementSpans';

/** Probes and scrapes come every few seconds and say nothing about a request: they get no trace. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

export interface Tracing {
  /** Makes a span of every statement the observers hear of; returns the function that stops it. */
  observeStatements(observers: StatementObservers): () => void;
  /**
   * Runs start-up work with tracing suppressed: it parses the schema (a span per file) and sets up timers, such as
   * the change feed's poll, whose statements would each become a trace of their own, every second, for ever.
   * Requests are not affected: the HTTP instrumentation starts each one from a fresh context.
   */
  untraced<T>(work: () => Promise<T>): Promise<T>;
  /** Sends the spans still waiting in the batch, then stops the SDK. */
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK with the HTTP, Express and GraphQL instrumentations. It must run before `http`,
 * `express` and `graphql` are first required (the instrumentations patch them as they load): main.ts calls it
 * before it loads the server, and loads this module only when tracing is on.
 */
export function startTracing(config: TracingConfig): Tracing {
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    spanProcessors: [new BatchSpanProcessor({ exporter: exporterFor(config), scheduledDelayMillis: config.scheduleDelayMs })],
    // Traces only: prom-client serves the metrics and pino the logs, so the SDK's OTLP defaults for them stay off.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]),
        // The request id is settled by our middleware after the span starts; it is on the response by the time it is sent.
        responseHook: (span, response) => {
          if (!('getHeader' in response)) return;
          const sent = response as ServerResponse;
          sent.once('finish', () => {
            const requestId = sent.getHeader('x-request-id');
            if (typeof requestId === 'string') span.setAttribute(STATEMENT_ATTRIBUTES.requestId, requestId);
          });
        },
      }),
      new ExpressInstrumentation(),
      // Resolvers that only read a property of their parent would add a span per field and per item: left out.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
    ],
  });
  sdk.start();
  const tracer = trace.getTracer('geocoop-graph');
  return {
    observeStatements: (observers) => observeStatementSpans(observers, tracer),
    untraced: (work) => context.with(core.suppressTracing(context.active()), work),
    shutdown: () => sdk.shutdown(),
  };
}

function exporterFor(config: TracingConfig): SpanExporter {
  if (config.exporter === 'console') return new ConsoleSpanExporter();
  switch (config.protocol) {
    case 'grpc':
      return new OtlpGrpcExporter({ url: config.endpoint });
    case 'http/json':
      return new OtlpJsonExporter({ url: config.endpoint });
    case 'http/protobuf':
      return new OtlpProtobufExporter({ url: config.endpoint });
  }
}
