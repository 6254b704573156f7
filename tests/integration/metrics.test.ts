import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server';
import { testConfig } from '../helpers/testConfig';

/** Every JSON line the server logged, parsed. */
class LogLines extends Writable {
  readonly lines: Array<Record<string, any>> = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line));
    done();
  }
}

function sampleValue(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((pair) => l.includes(pair)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('observability', () => {
  const log = new LogLines();
  let server: RunningServer;

  beforeAll(async () => {
    const config = testConfig({ LOG_LEVEL: 'info' });
    server = await startServer(config, createLogger(config, log));
  });
  afterAll(async () => {
    await server?.stop();
  });

  function post(query: string, headers: Record<string, string> = {}) {
    return fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
  }

  it('counts operations by name and outcome, and Cypher statements by name, on /metrics', async () => {
    expect((await post('query MetricsProbe { countries(first: 2) { nodes { name } } }')).status).toBe(200);
    await post('query MetricsRefused { organizations(first: 100) { nodes { relationships(first: 100) { nodes { node { label } } } } } }');
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const metrics = await response.text();
    expect(sampleValue(metrics, 'graphql_requests_total', { operation: 'MetricsProbe', outcome: 'success', code: 'none' })).toBe(1);
    expect(sampleValue(metrics, 'graphql_requests_total', { operation: 'MetricsRefused', outcome: 'error', code: 'QUERY_TOO_COMPLEX' })).toBe(1);
    expect(sampleValue(metrics, 'graphql_request_duration_seconds_count', { operation: 'MetricsProbe', outcome: 'success' })).toBe(1);
    expect(metrics).toMatch(/^cypher_statements_total\{statement="lists\/page[^"]*"\} [1-9]/m);
    expect(metrics).toMatch(/^cypher_statement_duration_seconds_bucket\{le="\+Inf",statement="[^"]+"\} [1-9]/m);
    expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(metrics).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('keeps client-chosen operation names from growing the metrics without bound', async () => {
    await post('query Weird_Name_Not_OK_Because_Its_Far_Too_Long_For_A_Label_And_Keeps_Going_On_And_On_Forever { about { name } }');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).not.toContain('Keeps_Going');
    expect(sampleValue(metrics, 'graphql_requests_total', { operation: 'other', outcome: 'success' })).toBeGreaterThanOrEqual(1);
  });

  it('answers with the client request id, puts it in error extensions and on every log line of the request', async () => {
    const requestId = 'obs-test-42';
    const response = await post('{ node(id: "???") { id } }', { 'x-request-id': requestId });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const body = await response.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId });
    const lines = log.lines.filter((line) => JSON.stringify(line).includes(requestId));
    const completed = lines.find((line) => line.msg === 'request completed');
    expect(completed).toMatchObject({ requestId, req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    expect(lines.every((line) => line.requestId === requestId)).toBe(true);
  });

  it('makes up a request id when the client sends none or a malformed one, and never logs credentials', async () => {
    const response = await post('{ about { name } }', { 'x-request-id': 'bad id with spaces', authorization: 'Bearer secret-token-123' });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.lines.some((line) => line.requestId === requestId && line.msg === 'request completed')).toBe(true);
    expect(JSON.stringify(log.lines)).not.toContain('secret-token-123');
  });

  it('gives errors outside GraphQL (an unreadable body) the request id too', async () => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'obs-body-1' }, body: '{ not json' });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'obs-body-1' });
  });
});
