import path from 'node:path';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, StackContextManager, TracerProvider } from '@opentelemetry/sdk-trace';
import { loadConfig } from '../../src/config';
import { StatementObservers } from '../../src/db/statementObserver';
import { observeStatementSpans } from '../../src/telemetry/statementSpans';

const root = path.resolve(__dirname, '..', '..');
const tracingOf = (env: NodeJS.ProcessEnv) => loadConfig(env, root).tracing;

describe('tracing configuration (standard OTEL_* variables)', () => {
  it('is off by default, and an endpoint or protocol alone does not turn it on', () => {
    expect(tracingOf({})).toBeUndefined();
    expect(tracingOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBeUndefined();
  });

  it('is on with OTEL_TRACES_EXPORTER=otlp or OTEL_SDK_DISABLED=false, sending OTLP/protobuf to localhost:4318 unless told otherwise', () => {
    const expected = { exporter: 'otlp', protocol: 'http/protobuf', endpoint: 'http://localhost:4318/v1/traces', serviceName: 'geocoop-graph', scheduleDelayMs: 5000 };
    expect(tracingOf({ OTEL_TRACES_EXPORTER: 'otlp' })).toEqual(expected);
    expect(tracingOf({ OTEL_SDK_DISABLED: 'false' })).toEqual(expected);
  });

  it('stays off with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none, whatever else is set', () => {
    expect(tracingOf({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(tracingOf({ OTEL_TRACES_EXPORTER: 'none', OTEL_SDK_DISABLED: 'false' })).toBeUndefined();
  });

  it('adds v1/traces to the general endpoint for HTTP, and takes the traces endpoint and gRPC endpoints as they are', () => {
    expect(tracingOf({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })?.endpoint).toBe('http://collector:4318/v1/traces');
    expect(
      tracingOf({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.org/in' })?.endpoint,
    ).toBe('https://traces.example.org/in');
    expect(tracingOf({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317' })).toMatchObject({
      protocol: 'grpc',
      endpoint: 'http://collector:4317',
    });
    expect(tracingOf({ OTEL_SDK_DISABLED: 'false', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' })?.protocol).toBe('http/json');
  });

  it('takes the service name and the batch delay from OTEL_SERVICE_NAME and OTEL_BSP_SCHEDULE_DELAY', () => {
    expect(tracingOf({ OTEL_TRACES_EXPORTER: 'console', OTEL_SERVICE_NAME: 'graph-eu', OTEL_BSP_SCHEDULE_DELAY: '250' })).toMatchObject({
      exporter: 'console',
      serviceName: 'graph-eu',
      scheduleDelayMs: 250,
    });
  });

  it('rejects an unknown exporter, protocol or endpoint with one line naming the variable', () => {
    expect(() => tracingOf({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/^Invalid configuration: OTEL_TRACES_EXPORTER="jaeger" — expected one of "otlp", "console", "none"\.$/);
    expect(() => tracingOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http' })).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL="http" — expected one of "http\/protobuf"/);
    expect(() => tracingOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/^Invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT="collector:4318"/);
  });
});

describe('Cypher statement spans', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const observers = new StatementObservers();
  const stop = observeStatementSpans(observers, provider.getTracer('test'));
  // The server's SDK keeps the active span per async context; a synchronous stack does the same for these tests.
  beforeAll(() => context.setGlobalContextManager(new StackContextManager().enable()));
  afterAll(() => {
    stop();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  it('makes one span per statement, named after its cypher file, lasting as long as the statement took', () => {
    observers.notify({ name: 'lists/page', ms: 40, rows: 2, requestId: 'req-1', operationName: 'Probe' });
    const [span] = exporter.getFinishedSpans();
    expect(exporter.getFinishedSpans()).toHaveLength(1);
    expect(span.name).toBe('lists/page');
    expect(span.attributes).toEqual({
      'db.system': 'neo4j',
      'geocoop.cypher.statement': 'lists/page',
      'db.response.returned_rows': 2,
      'geocoop.request_id': 'req-1',
      'graphql.operation.name': 'Probe',
    });
    const durationMs = span.duration[0] * 1000 + span.duration[1] / 1e6;
    expect(durationMs).toBeCloseTo(40, 0);
  });

  it('joins the span active where the statement was observed', () => {
    const parent = provider.getTracer('test').startSpan('graphql.resolve countries');
    context.with(trace.setSpan(context.active(), parent), () => observers.notify({ name: 'countries/byIds', ms: 3, rows: 1 }));
    parent.end();
    const child = exporter.getFinishedSpans().find((span) => span.name === 'countries/byIds')!;
    expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(child.attributes['geocoop.request_id']).toBeUndefined();
  });
});
