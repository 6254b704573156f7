import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { freePort, REPO_ROOT, testNeo4jUri } from '../helpers/testNeo4j';

/**
 * Traces need the real entry point: the instrumentations patch http, express and graphql as they load, which only
 * main.js (started as its own process) does before loading the server. Spans go, as OTLP/HTTP JSON, to a small
 * receiver of ours on 127.0.0.1.
 */
const MAIN = path.join(REPO_ROOT, 'dist', 'src', 'main.js');
const START_MS = 90_000;
/** The batch span processor sends every 200 ms here; spans that have not come within this time are not coming. */
const SPANS_WITHIN_MS = 20_000;
const QUERY = 'query TracingProbe { countries(first: 2) { nodes { name } } }';

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; boolValue?: boolean };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
interface ReceivedSpan extends OtlpSpan {
  scope: string;
}

const SPAN_KIND_SERVER = 2;

function attribute(span: OtlpSpan, key: string): string | number | boolean | undefined {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  if (value === undefined) return undefined;
  return value.stringValue ?? (value.intValue === undefined ? value.boolValue : Number(value.intValue));
}

/** An OTLP/HTTP receiver: keeps every span POSTed to /v1/traces, and counts every request of any kind. */
async function startReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; requests: () => number; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type']?.startsWith('application/json')) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const resourceSpans of body.resourceSpans ?? [])
          for (const scopeSpans of resourceSpans.scopeSpans ?? [])
            for (const span of scopeSpans.spans ?? []) spans.push({ ...span, scope: scopeSpans.scope?.name ?? '' });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** main.js over the test run's Neo4j, with the given OTEL_* variables only (none inherited from the outer environment). */
async function startMain(otel: Record<string, string>): Promise<{ child: ChildProcess; url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OTEL_')));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...inherited,
      NODE_ENV: 'test',
      PORT: String(port),
      NEO4J_URI: testNeo4jUri(),
      LOG_LEVEL: 'warn',
      QUERY_TIMEOUT_MS: '30000',
      RESPONSE_CACHE: 'false',
      ...otel,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await until(async () => (await fetch(`${url}/ready`).catch(() => null))?.status === 200, START_MS);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error('main.js did not become ready');
  }
  return {
    child,
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function postQuery(url: string, requestId: string) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query: QUERY }),
  });
}

describe('tracing with OTEL_TRACES_EXPORTER=otlp', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let server: Awaited<ReturnType<typeof startMain>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startMain({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      // The change feed is read every 100 ms: those background statements belong to no request and must make no trace.
      RESPONSE_CACHE: 'true',
      CHANGE_FEED_POLL_MS: '100',
    });
  }, START_MS + 10_000);
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('sends the HTTP request, the GraphQL operation and its Cypher statements as one trace, with the request id', async () => {
    const requestId = 'trace-test-1';
    const response = await postQuery(server.url, requestId);
    expect(response.status).toBe(200);
    expect((await response.json()).data.countries.nodes).toHaveLength(2);

    const httpSpanOf = () =>
      receiver.spans.find((span) => span.scope === '@opentelemetry/instrumentation-http' && span.kind === SPAN_KIND_SERVER && attribute(span, 'geocoop.request_id') === requestId);
    // The HTTP span ends last: once it is here, every span of the request has been sent.
    expect(await until(() => httpSpanOf() !== undefined, SPANS_WITHIN_MS)).toBe(true);
    const httpSpan = httpSpanOf()!;
    expect(httpSpan.parentSpanId ?? '').toBe('');

    const trace = receiver.spans.filter((span) => span.traceId === httpSpan.traceId);
    const operation = trace.find((span) => span.scope === '@opentelemetry/instrumentation-graphql' && attribute(span, 'graphql.operation.type') === 'query');
    expect(operation && attribute(operation, 'graphql.operation.name')).toBe('TracingProbe');
    expect(trace.some((span) => span.scope === '@opentelemetry/instrumentation-express')).toBe(true);

    const statements = trace.filter((span) => attribute(span, 'db.system') === 'neo4j');
    expect(statements.length).toBeGreaterThanOrEqual(1);
    for (const statement of statements) {
      // Named after the statement's file in cypher/.
      expect(fs.existsSync(path.join(REPO_ROOT, 'cypher', `${statement.name}.cypher`))).toBe(true);
      expect(attribute(statement, 'geocoop.cypher.statement')).toBe(statement.name);
      expect(attribute(statement, 'geocoop.request_id')).toBe(requestId);
      expect(attribute(statement, 'graphql.operation.name')).toBe('TracingProbe');
      expect(typeof attribute(statement, 'db.response.returned_rows')).toBe('number');
    }
    // One tree: every span but the HTTP one hangs from another span of the same trace.
    const ids = new Set(trace.map((span) => span.spanId));
    expect(trace.filter((span) => span !== httpSpan && !ids.has(span.parentSpanId ?? ''))).toEqual([]);
  });

  it('sends spans only of requests: none for health probes, start-up work or background polling', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await postQuery(server.url, 'trace-test-after-probe');
    expect(await until(() => receiver.spans.some((span) => attribute(span, 'geocoop.request_id') === 'trace-test-after-probe'), SPANS_WITHIN_MS)).toBe(true);
    const requests = receiver.spans.filter((span) => span.scope === '@opentelemetry/instrumentation-http' && span.kind === SPAN_KIND_SERVER);
    expect(requests.map((span) => attribute(span, 'url.path'))).toEqual(['/graphql', '/graphql']);
    const traces = new Set(requests.map((span) => span.traceId));
    expect(receiver.spans.filter((span) => !traces.has(span.traceId)).map((span) => span.name)).toEqual([]);
  });
});

describe('tracing by default', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let server: Awaited<ReturnType<typeof startMain>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    // An endpoint alone does not turn tracing on.
    server = await startMain({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200' });
  }, START_MS + 10_000);
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('is off: a GraphQL request sends nothing to the OTLP endpoint, not even at shutdown', async () => {
    const response = await postQuery(server.url, 'trace-test-off');
    expect(response.status).toBe(200);
    // Many batch delays, then a shutdown (which would flush a batch) before counting.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await server.stop();
    expect(server.child.exitCode).toBe(0);
    expect(receiver.requests()).toBe(0);
  });
});
